package dev.kairos.edge.webhooks;

import dev.kairos.edge.support.OutboundUrls;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    /** How webhook hosts are resolved, when saved and before each request: the system resolver (tests add names). */
    @Bean
    OutboundUrls.Resolver webhookResolver() {
        return OutboundUrls.Resolver.SYSTEM;
    }

    /**
     * The webhooks group starts at the head of the event store when it first runs: subscriptions receive only events
     * stored after they were made, so older events have nothing to go to.
     */
    @Autowired
    void webhooksFromTheHead(EventProcessingConfigurer configurer) {
        configurer.registerPooledStreamingEventProcessorConfiguration(WebhookFanOut.PROCESSING_GROUP,
                (config, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken));
    }
}

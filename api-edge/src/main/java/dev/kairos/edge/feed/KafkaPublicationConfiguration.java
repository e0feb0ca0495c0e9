package dev.kairos.edge.feed;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.util.HashMap;
import java.util.Map;

/**
 * Kafka publication, on when {@code kairos.kafka.enabled} (default) and a cluster is named by
 * {@code kairos.kafka.bootstrap-servers} (the runnable engine names its embedded broker when none is configured).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${kairos.kafka.enabled:true} and '${kairos.kafka.bootstrap-servers:}' != ''")
@EnableConfigurationProperties(KafkaPublicationProperties.class)
class KafkaPublicationConfiguration {

    /** Idempotent, {@code acks=all}, a bounded number of requests in flight: no duplicates from retries, order kept. */
    static Map<String, Object> producerSettings(KafkaPublicationProperties properties) {
        Map<String, Object> settings = new HashMap<>(properties.producer());
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "kairos-publication");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, properties.maxInFlight());
        settings.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.deliveryTimeout().toMillis());
        // a send without metadata (the cluster unreachable) waits as long as a record may, then fails the batch
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.deliveryTimeout().toMillis());
        settings.put(ProducerConfig.LINGER_MS_CONFIG, (int) properties.linger().toMillis());
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, properties.compression());
        settings.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        // delivery timeout must cover linger and request timeout: keep the request timeout below it
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(30_000, properties.deliveryTimeout().toMillis() - properties.linger().toMillis()));
        return settings;
    }

    @Bean(destroyMethod = "") // closed, with a bound, by the publisher that owns it
    KafkaProducer<String, byte[]> publicationProducer(KafkaPublicationProperties properties) {
        return new KafkaProducer<>(producerSettings(properties), new StringSerializer(), new ByteArraySerializer());
    }

    @Bean(destroyMethod = "close")
    Admin publicationAdmin(KafkaPublicationProperties properties) {
        Map<String, Object> settings = new HashMap<>(properties.producer());
        settings.keySet().retainAll(AdminClientConfig.configNames());
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "kairos-publication-admin");
        return Admin.create(settings);
    }

    @Bean
    KafkaTopic publicationTopic(Admin publicationAdmin, KafkaPublicationProperties properties) {
        return new KafkaTopic(publicationAdmin, properties);
    }

    @Bean
    KafkaPublisher kafkaPublisher(KafkaProducer<String, byte[]> publicationProducer, KafkaTopic publicationTopic,
                                  PublicEvents publicEvents, @Qualifier("eventSerializer") Serializer eventSerializer,
                                  KafkaPublicationProperties properties) {
        return new KafkaPublisher(publicationProducer, publicationTopic, publicEvents, eventSerializer, properties);
    }

    @EventListener(ApplicationReadyEvent.class)
    void createTopic(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(KafkaTopic.class).ensureAtStart();
    }

    /**
     * Events of one business are handled in order even when the group's token is split into several segments: they
     * are sequenced by business (Axon's default sequences by aggregate, one staff calendar, which would let two
     * calendars of a business overtake each other).
     */
    @Autowired
    void sequencedByBusiness(EventProcessingConfigurer configurer, PublicEvents publicEvents,
                             @Qualifier("eventSerializer") Serializer eventSerializer) {
        configurer.registerSequencingPolicy(KafkaPublisher.GROUP, c -> (EventMessage<?> event) -> {
            SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
            if (!PublicEvents.isPublic(payload.getType().getName())) {
                return null;
            }
            return publicEvents.businessOf(payload.getData()).orElse(null);
        });
    }
}

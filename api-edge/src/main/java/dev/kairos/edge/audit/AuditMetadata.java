package dev.kairos.edge.audit;

import dev.kairos.edge.support.Commands;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every event carries from the message that caused it: Axon's correlation id (the same along a whole chain of
 * messages) and trace id (the message that caused this one), and, for events of a command sent through the API, who
 * sent it and from where (and, when a customer sent it themselves, which customer: see {@link Commands}). Events
 * applied while a processor handles an event (waitlist offers, deadlines) take their correlation from that event.
 */
@Configuration
class AuditMetadata {

    /** Axon's own correlation and causation ids (declared here because a provider of our own replaces the default). */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider callerOriginProvider() {
        return new SimpleCorrelationDataProvider(Commands.WHO, Commands.IP, Commands.CUSTOMER);
    }
}

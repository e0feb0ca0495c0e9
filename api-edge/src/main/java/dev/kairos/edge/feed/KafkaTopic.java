package dev.kairos.edge.feed;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The topic public events go to, created with the configured partitions when missing. Tried when the engine starts;
 * a broker that cannot be reached then does not keep the engine down: publication tries again before its first
 * record and fails its batch (published again later from the stored position) while the topic cannot be made sure of.
 */
class KafkaTopic {
    private static final Logger log = LoggerFactory.getLogger(KafkaTopic.class);
    private final Admin admin;
    private final KafkaPublicationProperties properties;
    private volatile boolean ready;

    KafkaTopic(Admin admin, KafkaPublicationProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    String name() {
        return properties.topic();
    }

    /** Creates the topic unless it exists; throws when the broker does not answer within {@code timeout}. */
    void ensure(Duration timeout) {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            Optional<Short> replicas = properties.replicationFactor() < 0 ? Optional.empty() : Optional.of(properties.replicationFactor());
            NewTopic topic = new NewTopic(properties.topic(), Optional.of(properties.partitions()), replicas);
            try {
                admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Created Kafka topic {} with {} partitions", properties.topic(), properties.partitions());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("could not create the Kafka topic " + properties.topic(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("no answer from Kafka creating the topic " + properties.topic() + " within " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted creating the Kafka topic " + properties.topic(), e);
            }
            ready = true;
        }
    }

    /** At start: a failure is logged, not thrown (publication tries again). */
    void ensureAtStart() {
        try {
            ensure(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.warn("Kafka topic {} not made sure of at start (publication will try again): {}", properties.topic(), e.getMessage());
        }
    }
}

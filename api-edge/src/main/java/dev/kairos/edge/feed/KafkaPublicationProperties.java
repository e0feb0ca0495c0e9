package dev.kairos.edge.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Publication of the public event stream to Kafka ({@code kairos.kafka.*}).
 *
 * @param enabled           false publishes nothing and starts no embedded broker
 * @param bootstrapServers  the cluster to publish to; when absent, the runnable engine starts an embedded broker and
 *                          sets this to it (tests and embedders without it publish nothing)
 * @param topic             the topic every public event goes to
 * @param partitions        partitions of the topic when the engine creates it (a business's events stay in one)
 * @param replicationFactor replicas of the topic when the engine creates it; -1 for the broker's default
 * @param deliveryTimeout   how long the producer keeps trying one record (through a broker outage), and waits for
 *                          the cluster's metadata when sending, before the batch holding it fails and is published
 *                          again from the stored position
 * @param maxInFlight       unacknowledged requests per broker connection (1 to 5: the idempotent producer keeps
 *                          order within that bound)
 * @param linger            how long the producer waits to fill a batch
 * @param compression       {@code none}, {@code gzip}, {@code snappy}, {@code lz4} or {@code zstd}
 * @param producer          further producer settings by their Kafka names (security, client.id, ...); they cannot turn
 *                          off idempotence, {@code acks=all} or the in-flight bound
 * @param embedded          the broker the runnable engine starts when no bootstrap servers are given
 */
@ConfigurationProperties("kairos.kafka")
record KafkaPublicationProperties(@DefaultValue("true") boolean enabled,
                                  String bootstrapServers,
                                  @DefaultValue("kairos.events") String topic,
                                  @DefaultValue("12") int partitions,
                                  @DefaultValue("-1") short replicationFactor,
                                  @DefaultValue("2m") Duration deliveryTimeout,
                                  @DefaultValue("5") int maxInFlight,
                                  @DefaultValue("5ms") Duration linger,
                                  @DefaultValue("lz4") String compression,
                                  Map<String, String> producer,
                                  @DefaultValue Embedded embedded) {

    KafkaPublicationProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("kairos.kafka.partitions must be at least 1");
        }
        if (maxInFlight < 1 || maxInFlight > 5) {
            throw new IllegalArgumentException("kairos.kafka.max-in-flight must be 1 to 5 (ordering with idempotence)");
        }
        producer = producer == null ? Map.of() : Map.copyOf(producer);
    }

    /**
     * @param dataDir where the embedded broker keeps its log (default {@code ~/.kairos/kafka})
     * @param port    its client port on 127.0.0.1
     */
    record Embedded(Path dataDir, @DefaultValue("59092") int port) {
    }
}

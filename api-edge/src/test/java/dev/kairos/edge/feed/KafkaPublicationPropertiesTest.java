package dev.kairos.edge.feed;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The publication settings: what may be configured, and what no setting can turn off. */
class KafkaPublicationPropertiesTest {

    private static KafkaPublicationProperties properties(int partitions, int maxInFlight, Map<String, String> producer) {
        return new KafkaPublicationProperties(true, "127.0.0.1:9092", "kairos.events", partitions, (short) -1, Duration.ofMinutes(2),
                maxInFlight, Duration.ofMillis(5), "lz4", producer, new KafkaPublicationProperties.Embedded(null, 59092));
    }

    @Test
    void aTopicNeedsAPartitionAndOrderNeedsAtMostFiveRequestsInFlight() {
        assertThat(properties(1, 1, null).producer()).isEmpty();
        assertThat(properties(12, 5, Map.of()).partitions()).isEqualTo(12);
        assertThatThrownBy(() -> properties(0, 5, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partitions");
        assertThatThrownBy(() -> properties(1, 6, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-in-flight");
        assertThatThrownBy(() -> properties(1, 0, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void furtherProducerSettingsCannotTurnOffIdempotenceAcksOrTheInFlightBound() {
        Map<String, Object> settings = KafkaPublicationConfiguration.producerSettings(properties(1, 5, Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false", ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "50", ProducerConfig.CLIENT_ID_CONFIG, "node-a",
                "security.protocol", "SSL")));
        assertThat(settings).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "node-a")
                .containsEntry("security.protocol", "SSL")
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    }
}

package dev.kairos.edge.feed;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a consumer of the publication topic sees, read with a plain Kafka consumer from the beginning of every
 * partition, and what the event store says it should see.
 */
final class PublishedRecords {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PublishedRecords() {
    }

    /** One record as consumed. */
    record Received(String key, String id, String type, String source, String specVersion, String contentType,
                    long position, JsonNode value, int partition, long offset) {
    }

    /** A public event as the store holds it, in store order. */
    record StoredEvent(long position, String id, UUID business) {
    }

    /** Every record of every partition of {@code topic} now there, partition by partition, in offset order. */
    static List<Received> readAll(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<Received> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime()).as("reading %s to its end", topic).isLessThan(deadline);
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    received.add(new Received(r.key(), header(r, "ce_id"), header(r, "ce_type"), header(r, "ce_source"),
                            header(r, "ce_specversion"), header(r, "content-type"), Long.parseLong(header(r, "kairos-position")),
                            JSON.readTree(r.value()), r.partition(), r.offset()));
                }
            }
            return received;
        }
    }

    static List<PartitionInfo> partitions(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            return consumer.partitionsFor(topic, Duration.ofSeconds(30));
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The store's public events in store order (what the feed index says belongs to which business). */
    static List<StoredEvent> storedPublicEvents(JdbcTemplate jdbc) {
        return jdbc.query("""
                        SELECT e.global_index, e.event_identifier, f.business_id
                        FROM edge_event_feed f JOIN domainevententry e ON e.global_index = f.global_index
                        WHERE f.payload_type = ANY (?) ORDER BY e.global_index""",
                (rs, i) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class)),
                (Object) PublicEvents.sourceTypes(List.of()).toArray(String[]::new));
    }

    /** Record ids by key as a consumer that keeps the first of each id sees them. */
    static Map<String, List<String>> firstSeenByKey(List<Received> received) {
        Set<String> seen = new LinkedHashSet<>();
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (Received r : received) {
            if (seen.add(r.id())) {
                byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.id());
            }
        }
        return byKey;
    }

    /** Event ids by business in store order. */
    static Map<String, List<String>> storedByBusiness(List<StoredEvent> stored) {
        Map<String, List<String>> byBusiness = new LinkedHashMap<>();
        stored.forEach(e -> byBusiness.computeIfAbsent(e.business().toString(), k -> new ArrayList<>()).add(e.id()));
        return byBusiness;
    }
}

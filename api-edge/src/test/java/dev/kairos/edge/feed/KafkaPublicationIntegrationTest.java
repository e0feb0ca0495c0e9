package dev.kairos.edge.feed;

import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import dev.kairos.edge.Scenario;
import dev.kairos.infra.LocalKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.kairos.edge.feed.PublishedRecords.Received;
import static dev.kairos.edge.feed.PublishedRecords.StoredEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Public events published to a real Kafka broker (one per test JVM): every stored public event once a consumer
 * de-duplicates by {@code ce_id}, each business's in store order under its own key, through a broker restart in
 * the middle of a stream; the producer idempotent with {@code acks=all}.
 */
class KafkaPublicationIntegrationTest extends EngineTest {
    private static final String TOPIC = "kairos.events.publication-test";
    private static final int PARTITIONS = 3;
    private static final String SERVERS = TestBroker.shared().bootstrapServers();

    @Autowired
    private KafkaProducer<String, byte[]> producer;
    private Scenario studio;
    private Scenario gym;
    private UUID studioService;
    private UUID studioStaff;
    private UUID gymService;
    private UUID gymStaff;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("kairos.kafka.bootstrap-servers", () -> SERVERS);
        registry.add("kairos.kafka.topic", () -> TOPIC);
        registry.add("kairos.kafka.partitions", () -> PARTITIONS);
        registry.add("kairos.kafka.delivery-timeout", () -> "90s");
    }

    @BeforeEach
    void businesses() {
        if (studio == null) {
            studio = Scenario.business(api, "Publication Studio", "UTC");
            studioService = studio.service("Session", 30, 0, 0, 30, 0);
            studioStaff = studio.staff("Mia", "UTC", List.of(studioService), "08:00-20:00");
            gym = Scenario.business(api, "Publication Gym", "UTC");
            gymService = gym.service("Class", 30, 0, 0, 30, 0);
            gymStaff = gym.staff("Noah", "UTC", List.of(gymService), "08:00-20:00");
        }
    }

    private static int day = 7;

    /** Books {@code count} half-hour slots on a fresh day for each business, alternating between them. */
    private void bookAlternating(int count, Runnable between) {
        String date = "2026-12-%02d".formatted(day++);
        Instant first = Instant.parse(date + "T08:00:00Z");
        for (int i = 0; i < count; i++) {
            String start = first.plus(Duration.ofMinutes(30L * i)).toString();
            assertBooked(studio.book(studioService, studioStaff, start, "Ada"));
            assertBooked(gym.book(gymService, gymStaff, start, "Bo"));
            between.run();
        }
    }

    private static void assertBooked(Api.Response r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    }

    /** Waits until every stored public event is in the topic, and answers what a consumer reads. */
    private List<Received> publishedEverything() {
        List<StoredEvent> stored = PublishedRecords.storedPublicEvents(jdbc);
        List<String> ids = stored.stream().map(StoredEvent::id).toList();
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> PublishedRecords.readAll(SERVERS, TOPIC),
                        records -> records.stream().map(Received::id).collect(Collectors.toSet()).containsAll(ids));
    }

    private void assertEveryStoredEventOnceInOrderPerBusiness(List<Received> received) {
        List<StoredEvent> stored = PublishedRecords.storedPublicEvents(jdbc);
        Map<String, StoredEvent> byId = stored.stream().collect(Collectors.toMap(StoredEvent::id, Function.identity()));
        // nothing but the store's public events, each keyed by its own business
        for (Received r : received) {
            StoredEvent event = byId.get(r.id());
            assertThat(event).as("record %s is a stored public event", r.id()).isNotNull();
            assertThat(r.key()).as("key of %s", r.id()).isEqualTo(event.business().toString());
            assertThat(r.position()).as("position of %s", r.id()).isEqualTo(event.position());
        }
        assertThat(PublishedRecords.firstSeenByKey(received)).isEqualTo(PublishedRecords.storedByBusiness(stored));
        // a key lives in one partition
        Map<String, java.util.Set<Integer>> partitionsByKey = received.stream().collect(
                Collectors.groupingBy(Received::key, Collectors.mapping(Received::partition, Collectors.toSet())));
        partitionsByKey.values().forEach(partitions -> assertThat(partitions).hasSize(1));
    }

    @Test
    void everyPublicEventArrivesOnceAsAStructuredCloudEventKeyedByItsBusinessInStoreOrder() {
        bookAlternating(5, () -> { });
        Api.Response list = studio.book(studioService, studioStaff, "2026-12-20T10:00:00Z", "Cy");
        assertBooked(list);
        String appointment = list.text("id");
        assertThat(api.post("/api/v1/appointments/" + appointment + "/confirm", "", "X-Business-Id", studio.tenant()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/appointments/" + appointment + "/cancel", "{}", "X-Business-Id", studio.tenant()).status()).isEqualTo(200);

        List<Received> received = publishedEverything();

        assertEveryStoredEventOnceInOrderPerBusiness(received);
        assertThat(received).extracting(Received::id).doesNotHaveDuplicates();
        assertThat(PublishedRecords.partitions(SERVERS, TOPIC)).hasSize(PARTITIONS);
        for (Received r : received) {
            assertThat(r.contentType()).isEqualTo("application/cloudevents+json; charset=UTF-8");
            assertThat(r.specVersion()).isEqualTo("1.0");
            assertThat(r.value().path("specversion").asString()).isEqualTo("1.0");
            assertThat(r.value().path("id").asString()).isEqualTo(r.id());
            assertThat(r.value().path("type").asString()).isEqualTo(r.type());
            assertThat(r.value().path("source").asString()).isEqualTo(r.source()).isEqualTo("/businesses/" + r.key());
            assertThat(r.value().path("data").isObject()).isTrue();
        }
        List<String> studioTypes = received.stream().filter(r -> r.key().equals(studio.tenant())).map(Received::type).toList();
        assertThat(studioTypes).endsWith("kairos.appointment.booked.v1", "kairos.appointment.confirmed.v1",
                "kairos.appointment.cancelled.v1");
        Received cancelled = received.stream().filter(r -> r.type().equals("kairos.appointment.cancelled.v1")).findFirst().orElseThrow();
        assertThat(cancelled.value().path("subject").asString()).isEqualTo("appointments/" + appointment);
        assertThat(received.stream().filter(r -> r.key().equals(gym.tenant())).map(Received::type).distinct())
                .containsExactly("kairos.appointment.booked.v1");
    }

    @Test
    void theProducerIsIdempotentAndWaitsForEveryInSyncReplica() throws Exception {
        Field field = KafkaProducer.class.getDeclaredField("producerConfig");
        field.setAccessible(true);
        ProducerConfig config = (ProducerConfig) field.get(producer);
        assertThat(config.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
        assertThat(config.getString(ProducerConfig.ACKS_CONFIG)).isIn("all", "-1");
        assertThat(config.getInt(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)).isBetween(1, 5);
        assertThat(config.getInt(ProducerConfig.RETRIES_CONFIG)).isEqualTo(Integer.MAX_VALUE);

        // the broker knows the publisher as an idempotent producer (only those have a producer id and sequences)
        bookAlternating(1, () -> { });
        List<Received> received = publishedEverything();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS))) {
            List<TopicPartition> partitions = received.stream().map(r -> new TopicPartition(TOPIC, r.partition())).distinct().toList();
            List<ProducerState> producers = admin.describeProducers(partitions).all().get(30, TimeUnit.SECONDS).values().stream()
                    .flatMap(d -> d.activeProducers().stream()).toList();
            assertThat(producers).isNotEmpty().allSatisfy(p -> {
                assertThat(p.producerId()).isNotNegative();
                assertThat(p.lastSequence()).isNotNegative();
            });
        }
    }

    @Test
    void aBrokerRestartInTheMiddleOfAStreamLosesNothingAndKeepsEachBusinessesOrder() {
        LocalKafka broker = TestBroker.shared();
        int[] booked = {0};
        try {
            bookAlternating(16, () -> {
                booked[0]++;
                if (booked[0] == 4) {
                    broker.stop();
                } else if (booked[0] == 12) {
                    broker.start();
                }
            });
        } finally {
            broker.start();
        }

        List<Received> received = publishedEverything();

        assertEveryStoredEventOnceInOrderPerBusiness(received);
    }
}

package dev.kairos.edge.feed;

import dev.kairos.edge.EngineTest;

import dev.kairos.edge.KairosApplication;
import dev.kairos.infra.LocalKafka;
import dev.kairos.infra.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.kairos.edge.feed.PublishedRecords.Received;
import static dev.kairos.edge.feed.PublishedRecords.StoredEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node killed (SIGKILL, in its own JVM) while it publishes a long backlog: another node takes over from the
 * stored position once the dead node's claim times out. Nothing is lost, only events after the stored position at
 * the crash (the unacknowledged tail) may arrive twice, and de-duplicating by id yields exactly the store's public
 * events, each business's in store order.
 */
class KafkaPublicationCrashIntegrationTest {
    private static final String TOPIC = "kairos.events.crash-test";
    private static final int BUSINESSES = 5;
    private static final int EVENTS = 10_000;

    @Test
    void aNodeKilledMidStreamIsTakenOverFromTheStoredPositionWithoutLoss() throws Exception {
        String url = LocalPostgres.freshDatabase();
        DriverManagerDataSource database = new DriverManagerDataSource(url, "postgres", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration/command", "classpath:db/migration/availability",
                "classpath:db/migration/customers", "classpath:db/migration/edge").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        SyntheticEvents.store(jdbc, "crash", SyntheticEvents.businesses("crash", BUSINESSES), EVENTS);
        String servers = TestBroker.shared().bootstrapServers();
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domainevententry", Long.class);

        Process first = startNodeProcess(url, servers);
        long positionAtCrash;
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .until(() -> storedPosition(jdbc) >= head / 8);
        } finally {
            first.destroyForcibly().waitFor();
        }
        positionAtCrash = storedPosition(jdbc);
        assertThat(positionAtCrash).as("killed in the middle of the stream").isLessThan(head);
        List<Received> beforeTakeover = PublishedRecords.readAll(servers, TOPIC);
        assertThat(beforeTakeover).as("the killed node had published").isNotEmpty();

        ConfigurableApplicationContext second = new SpringApplicationBuilder(KairosApplication.class).run(nodeArguments(url, servers)
                .toArray(String[]::new));
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> storedPosition(jdbc) >= head);
        } finally {
            second.close();
        }

        List<Received> received = PublishedRecords.readAll(servers, TOPIC);
        List<StoredEvent> stored = PublishedRecords.storedPublicEvents(jdbc);
        assertThat(stored).hasSize(EVENTS);
        Map<String, StoredEvent> byId = stored.stream().collect(Collectors.toMap(StoredEvent::id, e -> e));
        Map<String, Long> copies = received.stream().collect(Collectors.groupingBy(Received::id, Collectors.counting()));
        assertThat(copies.keySet()).isEqualTo(byId.keySet());
        Set<String> duplicated = copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
        // only what was not yet acknowledged when the node died comes twice
        assertThat(duplicated).allSatisfy(id -> assertThat(byId.get(id).position()).isGreaterThan(positionAtCrash));
        assertThat(copies.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        received.forEach(r -> {
            assertThat(r.key()).isEqualTo(byId.get(r.id()).business().toString());
            assertThat(r.position()).isEqualTo(byId.get(r.id()).position());
        });
        assertThat(PublishedRecords.firstSeenByKey(received)).isEqualTo(PublishedRecords.storedByBusiness(stored));
        System.out.printf("crash takeover: killed at position %,d of %,d; %,d records before the takeover, %,d in all, %,d duplicated%n",
                positionAtCrash, head, beforeTakeover.size(), received.size(), duplicated.size());
    }

    /** The position the publication group's token stores (its one segment; a replay token while catching up). */
    private static long storedPosition(JdbcTemplate jdbc) {
        List<Long> positions = jdbc.queryForList("""
                SELECT coalesce((t -> 'currentToken' ->> 'index')::bigint, (t ->> 'index')::bigint, -1)
                FROM (SELECT convert_from(token, 'UTF8')::jsonb AS t FROM tokenentry WHERE processor_name = ? AND token IS NOT NULL) tokens""",
                Long.class, KafkaPublisher.GROUP);
        return positions.isEmpty() ? -1 : positions.get(0);
    }

    private static List<String> nodeArguments(String url, String servers) {
        return new ArrayList<>(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--server.port=0", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off", "--springdoc.api-docs.enabled=false",
                "--kairos.privacy.master-key=" + EngineTest.MASTER_KEY, "--kairos.privacy.master-key-id=test-1",
                "--kairos.kafka.bootstrap-servers=" + servers, "--kairos.kafka.topic=" + TOPIC, "--kairos.kafka.partitions=2",
                // small batches: the node is surely in the middle of the backlog when it dies
                "--axon.eventhandling.processors.kafka-publication.batch-size=20",
                "--axon.eventhandling.tokenstore.claim-timeout=3s"));
    }

    /** The engine in a JVM of its own, on this JVM's class path. */
    private static Process startNodeProcess(String url, String servers) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"), KairosApplication.class.getName()));
        command.addAll(nodeArguments(url, servers));
        File log = new File("target/kafka-crash-node.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return builder.start();
    }
}

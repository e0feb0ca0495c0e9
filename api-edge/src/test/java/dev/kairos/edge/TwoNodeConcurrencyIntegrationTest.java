package dev.kairos.edge;

import dev.kairos.booking.common.TimeSlot;
import dev.kairos.edge.config.ConflictRetryScheduler;
import dev.kairos.infra.LocalPostgres;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two engine instances on one database, many threads booking overlapping slots for the same staff members
 * through both. Each contested interval is a two-hour block in which four candidate starts (:00, :15, :30, :45
 * for a one-hour service) all overlap each other and nothing else: exactly one of them may win. Proven from the
 * HTTP answers, from the read model and by replaying the event store.
 */
class TwoNodeConcurrencyIntegrationTest {
    private static final int STAFF = 4;
    private static final int DAYS = 2;
    private static final int BLOCKS_PER_DAY = 6;
    private static final int THREADS = 12;
    private static final Instant FIRST_DAY = Instant.parse("2026-12-07T00:00:00Z");

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        String url = LocalPostgres.freshDatabase();
        nodeA = node(url);
        nodeB = node(url);
    }

    private static ConfigurableApplicationContext node(String url) {
        return EngineNodes.start(url, "1s", "--kairos.calendar.snapshot-threshold=20");
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
    }

    record Attempt(int staff, int block, int offsetMinutes) {
        Instant start() {
            return FIRST_DAY.plus(Duration.ofDays(block / BLOCKS_PER_DAY))
                    .plus(Duration.ofHours(8 + 2L * (block % BLOCKS_PER_DAY))).plus(Duration.ofMinutes(offsetMinutes));
        }
    }

    @Test
    void exactlyOneBookingPerContestedIntervalAcrossTwoNodes() throws Exception {
        Api a = new Api(EngineNodes.port(nodeA));
        Api b = new Api(EngineNodes.port(nodeB));
        Scenario clinic = Scenario.business(a, "Clinic", "UTC");
        UUID service = clinic.service("Consultation", 60, 0, 0, 15, 0);
        List<UUID> staff = new ArrayList<>();
        for (int i = 0; i < STAFF; i++) {
            staff.add(clinic.staff("Doctor " + i, "UTC", List.of(service), "08:00-20:00"));
        }
        List<Attempt> attempts = new ArrayList<>();
        for (int s = 0; s < STAFF; s++) {
            for (int block = 0; block < DAYS * BLOCKS_PER_DAY; block++) {
                for (int offset = 0; offset < 60; offset += 15) {
                    attempts.add(new Attempt(s, block, offset));
                }
            }
        }

        Map<String, Attempt> won = new ConcurrentHashMap<>();
        Map<Integer, Integer> otherStatuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(t);
            List<Attempt> mine = new ArrayList<>(attempts);
            Collections.shuffle(mine, random);
            done.add(pool.submit(() -> {
                for (int i = 0; i < mine.size(); i++) {
                    Attempt attempt = mine.get(i);
                    Api node = (i + random.nextInt(2)) % 2 == 0 ? a : b;
                    Api.Response r = clinic.bookVia(node, service, staff.get(attempt.staff()), attempt.start().toString(),
                            "Patient" + attempt.block());
                    if (r.status() == 201) {
                        won.put(r.text("id"), attempt);
                    } else if (r.status() != 409 || !r.code().equals("slot-unavailable")) {
                        otherStatuses.merge(r.status(), 1, Integer::sum);
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        int contested = STAFF * DAYS * BLOCKS_PER_DAY;
        assertThat(otherStatuses).as("answers other than 201 and 409 slot-unavailable").isEmpty();
        assertThat(won).hasSize(contested);
        assertThat(won.values().stream().map(w -> w.staff() + "/" + w.block()).collect(Collectors.toSet())).hasSize(contested);
        long retries = nodeA.getBean(ConflictRetryScheduler.class).retries() + nodeB.getBean(ConflictRetryScheduler.class).retries();
        assertThat(retries).as("write races between the nodes were lost and decided again").isPositive();

        // the event store, replayed per calendar
        EventStore eventStore = nodeA.getBean(EventStore.class);
        Map<String, TimeSlot> replayed = new HashMap<>();
        for (UUID s : staff) {
            Map<String, TimeSlot> live = CalendarHistory.liveBlocked(eventStore, s);
            CalendarHistory.assertNoOverlap(live.values());
            replayed.putAll(live);
        }
        assertThat(replayed.keySet()).isEqualTo(won.keySet());

        // the read model, once both nodes' projections have caught up
        JdbcTemplate jdbc = nodeB.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM appointment_view WHERE status IN ('SCHEDULED', 'CONFIRMED')", Long.class) == contested);
        Map<UUID, List<TimeSlot>> projected = new HashMap<>();
        Set<String> projectedIds = new java.util.HashSet<>();
        jdbc.query("SELECT appointment_id, staff_id, busy_from, busy_to FROM appointment_view WHERE status IN ('SCHEDULED', 'CONFIRMED')",
                rs -> {
                    projectedIds.add(rs.getString(1));
                    projected.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                            .add(new TimeSlot(rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()));
                });
        projected.values().forEach(CalendarHistory::assertNoOverlap);
        assertThat(projectedIds).isEqualTo(won.keySet());
    }
}

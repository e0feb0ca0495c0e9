package dev.kairos.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group sessions over HTTP: customers share a slot up to the service's capacity; many simultaneous seat bookings
 * never overfill a session, proven from the answers, the read model and a replay of the event store.
 */
class SeatsApiIntegrationTest extends EngineTest {
    private static final int CAPACITY = 4;
    private Scenario studio;
    private UUID yoga;
    private UUID cut;
    private UUID ana;

    @BeforeEach
    void studio() {
        studio = Scenario.business(api, "Studio", "UTC");
        Api.Response service = api.post("/api/v1/businesses/" + studio.businessId + "/services", """
                {"name":"Yoga","duration":"PT60M","price":{"amount":"12.00","currency":"EUR"},"capacity":%d}""".formatted(CAPACITY));
        assertThat(service.status()).isEqualTo(201);
        yoga = UUID.fromString(service.text("id"));
        Api.Response view = api.get("/api/v1/businesses/" + studio.businessId + "/services/" + yoga,
                "Consistency-Token", service.header("Consistency-Token").orElseThrow());
        assertThat(view.json().path("capacity").asInt()).isEqualTo(CAPACITY);
        cut = studio.service("Cut", 30, 0, 0, 30, 0);
        ana = studio.staff("Ana", "UTC", List.of(yoga, cut), "08:00-20:00");
    }

    private List<String> yogaSlots(String token) {
        Api.Response r = api.get("/api/v1/availability/staff/" + ana + "?serviceId=" + yoga + "&from=2026-12-07&to=2026-12-07",
                "X-Business-Id", studio.tenant(), "Consistency-Token", token);
        List<String> starts = new ArrayList<>();
        r.json().path("slots").forEach(s -> starts.add(s.path("start").asString()));
        return starts;
    }

    @Test
    void customersShareASessionUntilItIsFullAndACancelledSeatOpensAgain() {
        String token = null;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CAPACITY; i++) {
            Api.Response seat = studio.book(yoga, ana, "2026-12-07T10:00:00Z", "Guest" + i);
            assertThat(seat.status()).isEqualTo(201);
            ids.add(seat.text("id"));
            token = seat.header("Consistency-Token").orElseThrow();
            if (i < CAPACITY - 1) {
                assertThat(yogaSlots(token)).as("a session with seats left is still offered").contains("2026-12-07T10:00:00Z");
            }
        }
        assertThat(yogaSlots(token)).doesNotContain("2026-12-07T10:00:00Z")
                .contains("2026-12-07T09:00:00Z", "2026-12-07T11:00:00Z");
        long events = storedEvents();
        assertThat(studio.book(yoga, ana, "2026-12-07T10:00:00Z", "Late").code()).isEqualTo("session-full");
        assertThat(studio.book(cut, ana, "2026-12-07T10:30:00Z", "Solo").code()).isEqualTo("slot-unavailable");
        assertThat(storedEvents()).isEqualTo(events);

        Api.Response cancelled = api.post("/api/v1/appointments/" + ids.get(1) + "/cancel", "{}", "X-Business-Id", studio.tenant());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(yogaSlots(cancelled.header("Consistency-Token").orElseThrow())).contains("2026-12-07T10:00:00Z");
        assertThat(studio.book(yoga, ana, "2026-12-07T10:00:00Z", "Late").status()).isEqualTo(201);
    }

    @Test
    void aCapacityOutOfRangeIsRejected() {
        for (String capacity : List.of("0", "501", "-1")) {
            assertThat(api.post("/api/v1/businesses/" + studio.businessId + "/services", """
                    {"name":"Yoga","duration":"PT60M","price":{"amount":"12.00","currency":"EUR"},"capacity":%s}""".formatted(capacity))
                    .code()).as("capacity %s", capacity).isEqualTo("invalid-limit");
        }
    }

    @Test
    void simultaneousSeatBookingsNeverOverfillASession() throws Exception {
        // three sessions; 16 threads each try every session and the individual service across them
        List<String> sessions = List.of("2026-12-08T09:00:00Z", "2026-12-08T10:00:00Z", "2026-12-08T11:00:00Z");
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<String, AtomicInteger> won = new ConcurrentHashMap<>();
        AtomicInteger full = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int round = 0; round < sessions.size(); round++) {
                    String start = sessions.get((thread + round) % sessions.size());
                    boolean solo = thread == threads - 1 && round == 0;
                    Api.Response r = solo ? studio.book(cut, ana, start.replace(":00:00Z", ":30:00Z"), "Solo" + thread)
                            : studio.book(yoga, ana, start, "Guest" + thread + "x" + round);
                    if (r.status() == 201) {
                        won.computeIfAbsent((solo ? "solo@" : "") + start, k -> new AtomicInteger()).incrementAndGet();
                    } else if ("session-full".equals(r.code())) {
                        full.incrementAndGet();
                    } else {
                        assertThat(r.code()).isIn("slot-unavailable");
                        other.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        for (String start : sessions) {
            int seats = won.getOrDefault(start, new AtomicInteger()).get();
            int solo = won.getOrDefault("solo@" + start, new AtomicInteger()).get();
            assertThat(seats).as("seats of %s", start).isLessThanOrEqualTo(CAPACITY);
            assertThat(seats > 0 && solo > 0).as("a session and an individual booking overlapping at %s", start).isFalse();
        }
        assertThat(full.get()).as("some seat bookings found their session full").isPositive();

        // the read model: live appointments per start never exceed the capacity, and sessions never mix services
        String token = studio.book(cut, ana, "2026-12-08T15:00:00Z", "Marker").header("Consistency-Token").orElseThrow();
        api.get("/api/v1/businesses/" + studio.businessId + "/appointments?limit=1", "Consistency-Token", token);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT start_at, service_id, count(*) AS n FROM appointment_view "
                + "WHERE staff_id = ? AND status IN ('SCHEDULED', 'CONFIRMED') GROUP BY start_at, service_id", ana);
        for (Map<String, Object> row : rows) {
            long n = ((Number) row.get("n")).longValue();
            assertThat(n).as("appointments at %s", row.get("start_at")).isLessThanOrEqualTo(
                    yoga.equals(row.get("service_id")) ? CAPACITY : 1);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM appointment_view a JOIN appointment_view b ON a.staff_id = b.staff_id "
                + "AND a.appointment_id < b.appointment_id AND a.busy_from < b.busy_to AND b.busy_from < a.busy_to "
                + "AND NOT (a.service_id = b.service_id AND a.start_at = b.start_at) WHERE a.staff_id = ?", Long.class, ana))
                .as("overlapping appointments that are not seats of one session").isZero();

        // the event store: replaying the calendar's stream, no session ever held more than its capacity
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> seatsAt = new HashMap<>();
        Map<String, String> startOf = new HashMap<>();
        int booked = 0;
        for (Map<String, Object> e : jdbc.queryForList("SELECT payload_type, convert_from(payload, 'UTF8') AS payload FROM domainevententry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", ana.toString())) {
            String type = (String) e.get("payload_type");
            JsonNode p = json.readTree((String) e.get("payload"));
            if (type.endsWith(".AppointmentBooked") && p.path("serviceId").path("id").asText().equals(yoga.toString())) {
                String key = p.path("slot").path("start").asText();
                startOf.put(p.path("appointmentId").path("id").asText(), key);
                int now = seatsAt.merge(key, 1, Integer::sum);
                assertThat(now).as("seats at %s after event %s", key, type).isLessThanOrEqualTo(CAPACITY);
                booked++;
            } else if (type.endsWith(".AppointmentCancelled")) {
                String key = startOf.remove(p.path("appointmentId").path("id").asText());
                if (key != null) {
                    seatsAt.merge(key, -1, Integer::sum);
                }
            }
        }
        int answered = sessions.stream().mapToInt(s -> won.getOrDefault(s, new AtomicInteger()).get()).sum();
        assertThat(booked).as("seat bookings in the event store equal the 201 answers").isEqualTo(answered);
        System.out.printf("seats: %d booked, %d session-full, %d slot-unavailable over %d threads%n", answered, full.get(),
                other.get(), threads);
    }
}

package dev.kairos.edge;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Eight threads book single appointments into the occurrences of two daily series while the series themselves are
 * booked (one free-ones, one all-or-nothing). Proven from the read model and from the event store: no two live
 * intervals of the staff member overlap, and each series' stored outcome is exactly what its answer said.
 */
class SeriesConcurrencyIntegrationTest extends EngineTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate FIRST = LocalDate.of(2026, 12, 7);
    private static final int DAYS = 20;

    record Interval(Instant start, Instant end, UUID appointment, UUID series) {
        boolean overlaps(Interval o) {
            return start.isBefore(o.end) && o.start.isBefore(end);
        }
    }

    @Test
    void singlesRacingTwoSeriesNeverOverlapAndEachSeriesOutcomeIsWhatWasStored() throws Exception {
        Scenario studio = Scenario.business(api, "Studio", "Europe/Berlin");
        UUID lesson = studio.service("Lesson", 60, 0, 0, 30, 0);
        UUID mia = studio.staff("Mia", "Europe/Berlin", List.of(lesson), "09:00-17:00");

        List<Instant> singles = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            for (String time : List.of("10:00", "10:30", "13:30")) {
                singles.add(FIRST.plusDays(d).atTime(LocalTime.parse(time)).atZone(BERLIN).toInstant());
            }
        }
        Collections.shuffle(singles, new Random(42));

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch warmedUp = new CountDownLatch(8);
        Map<Instant, UUID> bookedSingles = new ConcurrentHashMap<>();
        List<Future<?>> work = new ArrayList<>();
        List<List<Instant>> perThread = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            perThread.add(new ArrayList<>());
        }
        for (int i = 0; i < singles.size(); i++) {
            perThread.get(i % 8).add(singles.get(i));
        }
        for (List<Instant> mine : perThread) {
            work.add(pool.submit(() -> {
                for (Instant start : mine) {
                    Api.Response r = studio.book(lesson, mia, start.toString(), "Guest");
                    assertThat(r.status()).as(r.raw().body()).isIn(201, 409);
                    if (r.status() == 201) {
                        bookedSingles.put(start, UUID.fromString(r.text("id")));
                    } else {
                        assertThat(r.code()).isIn("slot-unavailable");
                    }
                    warmedUp.countDown();
                }
            }));
        }
        Future<Api.Response> freeOnes = pool.submit(() -> {
            warmedUp.await();
            return bookSeries(studio, mia, lesson, "10:00", "FREE_ONES", "free-ones");
        });
        Future<Api.Response> allOrNothing = pool.submit(() -> {
            warmedUp.await();
            return bookSeries(studio, mia, lesson, "14:00", "ALL_OR_NOTHING", "all-or-nothing");
        });
        for (Future<?> f : work) {
            f.get(120, TimeUnit.SECONDS);
        }
        Api.Response free = freeOnes.get(120, TimeUnit.SECONDS);
        Api.Response all = allOrNothing.get(120, TimeUnit.SECONDS);
        pool.shutdown();

        awaitProjection(mia);
        List<Interval> fromReadModel = jdbc.query("SELECT busy_from, busy_to, appointment_id, series_id FROM appointment_view "
                        + "WHERE staff_id = ? AND status IN ('SCHEDULED', 'CONFIRMED') ORDER BY busy_from",
                (rs, i) -> new Interval(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class)), mia);
        List<Interval> fromEvents = replay(mia);
        assertNoOverlap(fromReadModel);
        assertNoOverlap(fromEvents);
        assertThat(new HashSet<>(fromReadModel)).isEqualTo(new HashSet<>(fromEvents));
        assertThat(fromEvents.stream().filter(i -> i.series() == null).map(Interval::appointment).toList())
                .containsExactlyInAnyOrderElementsOf(bookedSingles.values());

        checkSeries(studio, free, seriesId(studio, "free-ones"), fromEvents);
        checkSeries(studio, all, seriesId(studio, "all-or-nothing"), fromEvents);
        if (all.status() == 201) {
            assertThat(all.json().path("booked")).hasSize(DAYS);
        }
    }

    private Api.Response bookSeries(Scenario studio, UUID mia, UUID lesson, String time, String mode, String key) {
        return api.post("/api/v1/businesses/" + studio.businessId + "/series", """
                {"staffId":"%s","serviceId":"%s","rule":"FREQ=DAILY;COUNT=%d","start":"%sT%s:00","mode":"%s",
                 "customer":{"name":"Ada","email":"ada@example.com"}}
                """.formatted(mia, lesson, DAYS, FIRST, time, mode), "Idempotency-Key", key);
    }

    private static UUID seriesId(Scenario studio, String key) {
        return UUID.nameUUIDFromBytes((studio.businessId + "|series|" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The series' answer, its SeriesBooked event and its appointments in the store all tell the same story. */
    private void checkSeries(Scenario studio, Api.Response answer, UUID seriesId, List<Interval> live) {
        assertThat(answer.status()).as(answer.raw().body()).isIn(201, 409);
        Set<UUID> stored = new HashSet<>();
        live.stream().filter(i -> seriesId.equals(i.series())).forEach(i -> stored.add(i.appointment()));
        List<String> seriesEvents = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE payload_type = 'dev.kairos.booking.series.SeriesBooked' "
                + "AND convert_from(payload, 'UTF8')::jsonb -> 'seriesId' ->> 'id' = ?", String.class, seriesId.toString());
        if (answer.status() == 409) {
            assertThat(answer.code()).isEqualTo("series-conflict");
            assertThat(stored).isEmpty();
            assertThat(seriesEvents).isEmpty();
            for (JsonNode conflict : answer.json().path("conflicts")) {
                Instant start = java.time.OffsetDateTime.parse(conflict.path("start").asString()).toInstant();
                Interval wanted = new Interval(start, start.plusSeconds(3600), null, null);
                assertThat(live).as("conflict %s is held by another booking", conflict).anyMatch(wanted::overlaps);
            }
            return;
        }
        Set<UUID> answered = new HashSet<>();
        answer.json().path("booked").forEach(b -> answered.add(UUID.fromString(b.path("appointmentId").asString())));
        assertThat(stored).isEqualTo(answered);
        assertThat(seriesEvents).hasSize(1);
        JsonNode event = JSON.readTree(seriesEvents.get(0));
        Set<UUID> booked = new HashSet<>();
        event.path("occurrences").forEach(o -> {
            if (o.path("code").isNull() || o.path("code").isMissingNode()) {
                booked.add(UUID.fromString(o.path("appointmentId").path("id").asString()));
            }
        });
        assertThat(booked).isEqualTo(answered);
        assertThat(answered.size() + answer.json().path("skipped").size()).isEqualTo(DAYS);
        JsonNode view = api.get("/api/v1/series/" + seriesId, "X-Business-Id", studio.tenant()).json();
        List<String> statuses = new ArrayList<>();
        view.path("occurrences").forEach(o -> statuses.add(o.path("status").asString()));
        assertThat(statuses.stream().filter("SCHEDULED"::equals).count()).isEqualTo(answered.size());
    }

    /** Rebuilds the live intervals of one calendar from its stored events alone. */
    private List<Interval> replay(UUID staff) {
        List<Interval> live = new ArrayList<>();
        jdbc.query("SELECT payload_type, convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", rs -> {
            String type = rs.getString(1);
            if (type.endsWith(".AppointmentBooked")) {
                JsonNode e = JSON.readTree(rs.getString(2));
                JsonNode series = e.path("seriesId");
                live.add(new Interval(Instant.parse(e.path("blocked").path("start").asString()),
                        Instant.parse(e.path("blocked").path("end").asString()),
                        UUID.fromString(e.path("appointmentId").path("id").asString()),
                        series.isNull() || series.isMissingNode() ? null : UUID.fromString(series.path("id").asString())));
            } else {
                assertThat(type).as("only bookings happened").doesNotContain("Cancelled").doesNotContain("Rescheduled");
            }
        }, staff.toString());
        live.sort((a, b) -> a.start().compareTo(b.start()));
        return live;
    }

    private static void assertNoOverlap(List<Interval> sorted) {
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i - 1).end()).as("%s and %s", sorted.get(i - 1), sorted.get(i))
                    .isBeforeOrEqualTo(sorted.get(i).start());
        }
    }

    private void awaitProjection(UUID staff) {
        long last = jdbc.queryForObject("SELECT max(sequence_number) FROM domainevententry WHERE aggregate_identifier = ?",
                Long.class, staff.toString());
        await("the schedule read model catches up with " + staff).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    Long seen = jdbc.query("SELECT sequence FROM schedule_position WHERE aggregate_id = ?",
                            rs -> rs.next() ? rs.getLong(1) : null, staff.toString());
                    return seen != null && seen >= last;
                });
    }
}

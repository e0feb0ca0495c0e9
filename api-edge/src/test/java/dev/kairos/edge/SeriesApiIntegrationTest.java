package dev.kairos.edge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Series over HTTP: preview, all-or-nothing against a concurrent booking made after the preview, free ones,
 * reading the series with wall-clock times, rescheduling and cancelling by scope, daylight saving, retries.
 */
class SeriesApiIntegrationTest extends EngineTest {
    private Scenario studio;
    private UUID lesson;
    private UUID mia;

    @BeforeEach
    void studio() {
        studio = Scenario.business(api, "Studio", "Europe/Berlin");
        lesson = studio.service("Lesson", 60, 0, 0, 60, 0);
        mia = studio.staff("Mia", "Europe/Berlin", List.of(lesson), "09:00-17:00");
    }

    private String seriesBody(String rule, String start, String mode, String extra) {
        return """
                {"staffId":"%s","serviceId":"%s","rule":"%s","start":"%s","mode":"%s",
                 "customer":{"name":"Ada","email":"ada@example.com"}%s}
                """.formatted(mia, lesson, rule, start, mode, extra);
    }

    private Api.Response bookSeries(String rule, String start, String mode, String... headers) {
        return api.post("/api/v1/businesses/" + studio.businessId + "/series", seriesBody(rule, start, mode, ""), headers);
    }

    private Api.Response series(String id, Api.Response after) {
        return api.get("/api/v1/series/" + id, "X-Business-Id", studio.tenant(),
                "Consistency-Token", after.header("Consistency-Token").orElseThrow());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.path(field).asString()));
        return values;
    }

    @Test
    void previewThenAConcurrentBookingThenAllOrNothingRejectsAndFreeOnesSkipsIt() {
        String rule = "FREQ=WEEKLY;BYDAY=MO;COUNT=4";
        Api.Response preview = api.post("/api/v1/businesses/" + studio.businessId + "/series/preview", """
                {"staffId":"%s","serviceId":"%s","rule":"%s","start":"2026-12-07T10:00:00"}
                """.formatted(mia, lesson, rule));
        assertThat(preview.status()).as(preview.raw().body()).isEqualTo(200);
        assertThat(preview.json().path("free").asInt()).isEqualTo(4);
        assertThat(preview.text("timeZone")).isEqualTo("Europe/Berlin");
        assertThat(texts(preview.json().path("occurrences"), "start")).containsExactly("2026-12-07T10:00:00+01:00",
                "2026-12-14T10:00:00+01:00", "2026-12-21T10:00:00+01:00", "2026-12-28T10:00:00+01:00");

        // between preview and commit someone takes the second Monday
        assertThat(studio.book(lesson, mia, "2026-12-14T09:30:00Z", "Bea").status()).isEqualTo(201);
        long events = storedEvents();
        Api.Response rejected = bookSeries(rule, "2026-12-07T10:00:00", "ALL_OR_NOTHING");
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.code()).isEqualTo("series-conflict");
        assertThat(rejected.json().path("conflicts")).hasSize(1);
        assertThat(rejected.json().path("conflicts").get(0).path("index").asInt()).isEqualTo(1);
        assertThat(rejected.json().path("conflicts").get(0).path("code").asString()).isEqualTo("slot-unavailable");
        assertThat(storedEvents()).as("nothing stored").isEqualTo(events);

        Api.Response booked = bookSeries(rule, "2026-12-07T10:00:00", "FREE_ONES", "Idempotency-Key", "weekly-ada");
        assertThat(booked.status()).as(booked.raw().body()).isEqualTo(201);
        assertThat(booked.json().path("booked")).hasSize(3);
        assertThat(booked.json().path("skipped").get(0).path("localStart").asString()).isEqualTo("2026-12-14T10:00:00");
        String id = booked.text("id");
        assertThat(booked.header("Location")).contains("/api/v1/series/" + id);

        Api.Response read = series(id, booked);
        assertThat(read.status()).isEqualTo(200);
        JsonNode occurrences = read.json().path("occurrences");
        assertThat(texts(occurrences, "status")).containsExactly("SCHEDULED", "SKIPPED", "SCHEDULED", "SCHEDULED");
        assertThat(texts(occurrences, "localStart")).containsExactly("2026-12-07T10:00:00", "2026-12-14T10:00:00",
                "2026-12-21T10:00:00", "2026-12-28T10:00:00");
        assertThat(texts(occurrences, "timeZone")).containsOnly("Europe/Berlin");
        String first = occurrences.get(0).path("appointmentId").asString();
        assertThat(api.get("/api/v1/appointments/" + first, "X-Business-Id", studio.tenant()).text("seriesId")).isEqualTo(id);

        // a retry answers the same and stores nothing
        long afterBooking = storedEvents();
        Api.Response retry = bookSeries(rule, "2026-12-07T10:00:00", "FREE_ONES", "Idempotency-Key", "weekly-ada");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(id);
        assertThat(storedEvents()).isEqualTo(afterBooking);
    }

    @Test
    void rescheduleThisAndFollowingAllOrNothingThenCancelThisAndFollowing() {
        Api.Response booked = bookSeries("FREQ=DAILY;COUNT=5", "2026-12-07T10:00:00", "ALL_OR_NOTHING");
        assertThat(booked.status()).as(booked.raw().body()).isEqualTo(201);
        String id = booked.text("id");
        List<String> ids = texts(booked.json().path("booked"), "appointmentId");

        Api.Response moved = api.post("/api/v1/series/" + id + "/reschedule",
                "{\"scope\":\"THIS_AND_FOLLOWING\",\"appointmentId\":\"" + ids.get(2) + "\",\"newLocalTime\":\"15:00\"}",
                "X-Business-Id", studio.tenant());
        assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
        assertThat(texts(moved.json().path("rescheduled"), "")).hasSize(3);
        assertThat(texts(series(id, moved).json().path("occurrences"), "localStart")).containsExactly("2026-12-07T10:00:00",
                "2026-12-08T10:00:00", "2026-12-09T15:00:00", "2026-12-10T15:00:00", "2026-12-11T15:00:00");

        assertThat(studio.book(lesson, mia, "2026-12-11T15:00:00Z", "Bea").status()).isEqualTo(201);
        long events = storedEvents();
        Api.Response blocked = api.post("/api/v1/series/" + id + "/reschedule", "{\"scope\":\"ALL\",\"newLocalTime\":\"16:00\"}",
                "X-Business-Id", studio.tenant());
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.code()).isEqualTo("series-conflict");
        assertThat(blocked.json().path("conflicts").get(0).path("start").asString()).isEqualTo("2026-12-11T16:00:00+01:00");
        assertThat(storedEvents()).isEqualTo(events);

        // one occurrence cancelled on its own stays in the series
        assertThat(api.post("/api/v1/appointments/" + ids.get(3) + "/cancel", null, "X-Business-Id", studio.tenant()).status())
                .isEqualTo(200);
        Api.Response cancelled = api.post("/api/v1/series/" + id + "/cancel",
                "{\"scope\":\"THIS_AND_FOLLOWING\",\"appointmentId\":\"" + ids.get(1) + "\",\"reason\":\"moved away\"}",
                "X-Business-Id", studio.tenant());
        assertThat(cancelled.status()).as(cancelled.raw().body()).isEqualTo(200);
        assertThat(cancelled.json().path("cancelled")).hasSize(3);
        assertThat(texts(series(id, cancelled).json().path("occurrences"), "status"))
                .containsExactly("SCHEDULED", "CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED");
        Api.Response again = api.post("/api/v1/series/" + id + "/cancel", "{\"scope\":\"ALL\"}", "X-Business-Id", studio.tenant());
        assertThat(again.json().path("cancelled")).hasSize(1);
        assertThat(api.post("/api/v1/series/" + id + "/cancel", "{\"scope\":\"ALL\"}", "X-Business-Id", studio.tenant())
                .json().path("cancelled")).isEmpty();
    }

    @Test
    void aWeeklySeriesStaysAtNineInBerlinAcrossTheSpringChangeAndMayNameAnotherZone() {
        Api.Response service = api.post("/api/v1/businesses/" + studio.businessId + "/services", """
                {"name":"Long","duration":"PT60M","price":{"amount":"40.00","currency":"EUR"},"bufferBefore":"PT0M",
                 "bufferAfter":"PT0M","slotInterval":"PT60M","minimumNotice":"PT0M","maxAdvanceDays":200}
                """);
        UUID longService = UUID.fromString(service.text("id"));
        UUID max = studio.staff("Max", "Europe/Berlin", List.of(longService), "08:00-18:00");
        Api.Response booked = api.post("/api/v1/businesses/" + studio.businessId + "/series", """
                {"staffId":"%s","serviceId":"%s","rule":"FREQ=WEEKLY;BYDAY=MO;COUNT=3","start":"2027-03-22T09:00:00",
                 "mode":"ALL_OR_NOTHING","customer":{"name":"Ada","email":"ada@example.com"}}
                """.formatted(max, longService));
        assertThat(booked.status()).as(booked.raw().body()).isEqualTo(201);
        JsonNode occurrences = series(booked.text("id"), booked).json().path("occurrences");
        assertThat(texts(occurrences, "start")).containsExactly("2027-03-22T09:00:00+01:00", "2027-03-29T09:00:00+02:00",
                "2027-04-05T09:00:00+02:00");

        // 09:00 in London is 10:00 in Berlin
        Api.Response london = api.post("/api/v1/businesses/" + studio.businessId + "/series", """
                {"staffId":"%s","serviceId":"%s","rule":"FREQ=DAILY;COUNT=2","start":"2027-03-30T09:00:00",
                 "timeZone":"Europe/London","mode":"ALL_OR_NOTHING","customer":{"name":"Ada","email":"ada@example.com"}}
                """.formatted(max, longService));
        assertThat(london.status()).as(london.raw().body()).isEqualTo(201);
        assertThat(london.text("timeZone")).isEqualTo("Europe/London");
        assertThat(london.json().path("booked").get(0).path("start").asString()).isEqualTo("2027-03-30T09:00:00+01:00");
        assertThat(api.get("/api/v1/appointments/" + london.json().path("booked").get(0).path("appointmentId").asString(),
                "X-Business-Id", studio.tenant(), "Consistency-Token", london.header("Consistency-Token").orElseThrow())
                .text("start")).as("shown in the staff member's zone").isEqualTo("2027-03-30T10:00:00+02:00");
    }

    @Test
    void badInputIsRejectedWithCodesAndStoresNothing() {
        Api.Response booked = bookSeries("FREQ=DAILY;COUNT=2", "2026-12-07T10:00:00", "ALL_OR_NOTHING");
        String id = booked.text("id");
        Api.Response single = studio.book(lesson, mia, "2026-12-09T09:00:00Z", "Bea");
        long events = storedEvents();
        String series = "/api/v1/businesses/" + studio.businessId + "/series";
        record Case(String body, int status, String code) {
        }
        List<Case> cases = List.of(
                new Case(seriesBody("FREQ=YEARLY;COUNT=2", "2026-12-07T10:00:00", "FREE_ONES", ""), 422, "invalid-recurrence"),
                new Case(seriesBody("FREQ=WEEKLY;BYHOUR=9;COUNT=2", "2026-12-07T10:00:00", "FREE_ONES", ""), 422, "invalid-recurrence"),
                new Case(seriesBody("FREQ=WEEKLY", "2026-12-07T10:00:00", "FREE_ONES", ""), 422, "invalid-recurrence"),
                new Case(seriesBody("FREQ=DAILY;COUNT=105", "2026-12-07T10:00:00", "FREE_ONES", ""), 422, "series-too-long"),
                new Case(seriesBody("FREQ=WEEKLY;COUNT=10", "2026-12-07T10:00:00", "FREE_ONES", ""), 422, "series-too-long"),
                new Case(seriesBody("FREQ=DAILY;COUNT=2", "2026-12-07T10:00:00", "FREE_ONES", ",\"timeZone\":\"Mars/Olympus\""), 422, "invalid-time-zone"),
                new Case(seriesBody("FREQ=DAILY;COUNT=2", "2026-12-07T10:00:00", "SOMETIMES", ""), 400, "invalid-value"),
                new Case(seriesBody("FREQ=DAILY;COUNT=2", "2026-12-07T10:00:00+01:00", "FREE_ONES", ""), 400, "invalid-value"),
                new Case(seriesBody("FREQ=DAILY;COUNT=2", "2026-12-07T10:00:00", "FREE_ONES", ",\"colour\":\"red\""), 400, "unknown-field"),
                new Case("{\"staffId\":\"" + mia + "\",\"serviceId\":\"" + lesson + "\",\"rule\":\"FREQ=DAILY;COUNT=2\",\"start\":\"2026-12-07T10:00:00\","
                        + "\"customer\":{\"name\":\"Ada\",\"email\":\"ada@example.com\"}}", 422, "validation-failed"),
                new Case(seriesBody("FREQ=DAILY;COUNT=2", "2026-12-07T03:00:00", "FREE_ONES", ""), 409, "series-conflict"),
                new Case(seriesBody("FREQ=DAILY;COUNT=2", "2026-11-30T10:00:00", "ALL_OR_NOTHING", ""), 409, "series-conflict"));
        for (Case c : cases) {
            Api.Response r = api.post(series, c.body());
            assertThat(r.status()).as(c.body() + " -> " + r.raw().body()).isEqualTo(c.status());
            assertThat(r.code()).as(c.body()).isEqualTo(c.code());
            assertThat(r.contentType()).contains("application/problem+json");
        }
        assertThat(api.post(series + "/preview", "{\"staffId\":\"" + mia + "\",\"serviceId\":\"" + lesson
                + "\",\"rule\":\"nonsense\",\"start\":\"2026-12-07T10:00:00\"}").code()).isEqualTo("invalid-recurrence");

        String tenant = studio.tenant();
        assertThat(api.get("/api/v1/series/" + UUID.randomUUID(), "X-Business-Id", tenant).code()).isEqualTo("series-not-found");
        assertThat(api.get("/api/v1/series/" + id, "X-Business-Id", UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/series/" + id + "/cancel", "{\"scope\":\"ALL\"}", "X-Business-Id",
                UUID.randomUUID().toString()).code()).isEqualTo("series-not-found");
        assertThat(api.post("/api/v1/series/" + id + "/cancel", "{\"scope\":\"ONE\"}", "X-Business-Id", tenant).code())
                .isEqualTo("validation-failed");
        assertThat(api.post("/api/v1/series/" + id + "/cancel", "{\"scope\":\"SOME\"}", "X-Business-Id", tenant).code())
                .isEqualTo("invalid-value");
        assertThat(api.post("/api/v1/series/" + id + "/cancel", "{\"scope\":\"ONE\",\"appointmentId\":\"" + single.text("id") + "\"}",
                "X-Business-Id", tenant).code()).isEqualTo("occurrence-not-in-series");
        assertThat(api.post("/api/v1/series/" + id + "/reschedule", "{\"scope\":\"ALL\"}", "X-Business-Id", tenant).code())
                .isEqualTo("validation-failed");
        assertThat(api.post("/api/v1/series/" + id + "/reschedule", "{\"scope\":\"ALL\",\"newLocalTime\":\"25:00\"}",
                "X-Business-Id", tenant).code()).isEqualTo("invalid-value");
        assertThat(api.post("/api/v1/series/" + id + "/cancel", "{\"scope\":\"ALL\"}").code()).isEqualTo("tenant-required");
        assertThat(storedEvents()).isEqualTo(events);
    }
}

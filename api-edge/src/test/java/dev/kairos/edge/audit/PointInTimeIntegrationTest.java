package dev.kairos.edge.audit;

import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import dev.kairos.edge.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Calendars snapshotted every five events and not cached, so a replay has snapshots newer than the instants asked. */
@TestPropertySource(properties = {"kairos.calendar.snapshot-threshold=5", "kairos.calendar.cache-enabled=false"})
class PointInTimeIntegrationTest extends EngineTest {
    private static final String PASSWORD = "a long enough replay passphrase";

    private Api owner(String business, String email) {
        Api.Response r = api.anonymous().post("/api/v1/auth/register", """
                {"business":{"name":"%s","timeZone":"Europe/Paris","currency":"EUR"},
                 "owner":{"name":"Olga Owner","email":"%s","password":"%s"}}""".formatted(business, email, PASSWORD));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return api.as(r.text("access_token"));
    }

    private static UUID businessOf(Api owner) {
        return UUID.fromString(owner.get("/api/v1/auth/me").text("businessId"));
    }

    private static Instant between(Instant a, Instant b) {
        return a.plus(Duration.between(a, b).dividedBy(2));
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void bookRescheduleCancelAsTheyWereBeforeBetweenAndAfterEachChange() {
        Api olga = owner("Replayed Salon", "olga@replay.test");
        Scenario salon = Scenario.of(olga, businessOf(olga));
        UUID haircut = salon.service("Haircut", 30, 0, 0, 30, 0);
        UUID mia = salon.staff("Mia", "Europe/Paris", List.of(haircut), "09:00-17:00");
        Api.Response booked = salon.book(haircut, mia, "2026-12-07T10:00:00+01:00", "Ann");
        assertThat(booked.status()).as(booked.raw().body()).isEqualTo(201);
        String id = booked.text("id");
        assertThat(olga.post("/api/v1/appointments/" + id + "/reschedule", "{\"start\":\"2026-12-07T14:00:00+01:00\"}").status()).isEqualTo(200);
        assertThat(olga.post("/api/v1/appointments/" + id + "/cancel", "{\"reason\":\"customer asked\"}").status()).isEqualTo(200);

        // later bookings: the calendar is snapshotted after all of the above
        for (String start : List.of("2026-12-07T11:00:00+01:00", "2026-12-07T12:00:00+01:00", "2026-12-07T15:00:00+01:00")) {
            assertThat(salon.book(haircut, mia, start, "Later").status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshotevententry WHERE aggregate_identifier = ?", Long.class, mia.toString()) > 0);

        List<Instant> recorded = new ArrayList<>();
        ok(olga.get("/api/v1/audit/staff-calendar/" + mia + "/events")).path("items")
                .forEach(e -> recorded.add(Instant.parse(e.path("timestamp").asString())));
        assertThat(recorded).hasSize(7).isSorted().doesNotHaveDuplicates();
        Instant registered = recorded.get(0), bookedAt = recorded.get(1), movedAt = recorded.get(2), cancelledAt = recorded.get(3);
        Instant laterBooking = recorded.get(4);
        String calendar = "/api/v1/audit/calendars/" + mia + "?at=";
        String appointment = "/api/v1/audit/appointments/" + id + "?at=";

        // before the staff member was registered there was no calendar
        Api.Response none = olga.get(calendar + registered.minusNanos(1000));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.code()).isEqualTo("staff-not-found");
        // registered, nothing booked yet
        for (Instant at : List.of(registered, between(registered, bookedAt))) {
            JsonNode empty = ok(olga.get(calendar + at));
            assertThat(empty.path("appointments")).isEmpty();
            assertThat(empty.path("active").asBoolean()).isTrue();
            assertThat(olga.get(appointment + at).code()).isEqualTo("appointment-not-found");
        }
        // booked at 10:00, then moved to 14:00, then cancelled
        check(olga, calendar, appointment, List.of(bookedAt, between(bookedAt, movedAt)), "2026-12-07T09:00:00Z", "SCHEDULED", 1, true);
        check(olga, calendar, appointment, List.of(movedAt, between(movedAt, cancelledAt)), "2026-12-07T13:00:00Z", "SCHEDULED", 2, true);
        check(olga, calendar, appointment, List.of(cancelledAt, between(cancelledAt, laterBooking)), "2026-12-07T13:00:00Z", "CANCELLED", 3, false);
        // today: the later bookings are on the calendar, the cancelled appointment stays cancelled
        JsonNode now = ok(olga.get(calendar + "2999-01-01T00:00:00Z"));
        assertThat(now.path("appointments")).extracting(a -> Instant.parse(a.path("start").asString())).containsExactly(
                Instant.parse("2026-12-07T10:00:00Z"), Instant.parse("2026-12-07T11:00:00Z"), Instant.parse("2026-12-07T14:00:00Z"));
        assertThat(now.path("revision").asLong()).isEqualTo(1);
        assertThat(ok(olga.get(appointment + "2999-01-01T00:00:00Z")).path("appointment").path("status").asString()).isEqualTo("CANCELLED");
    }

    private static void check(Api api, String calendar, String appointment, List<Instant> instants, String start, String status,
                              long revision, boolean onCalendar) {
        for (Instant at : instants) {
            JsonNode cal = ok(api.get(calendar + at));
            assertThat(Instant.parse(cal.path("at").asString())).isEqualTo(at);
            if (onCalendar) {
                assertThat(cal.path("appointments")).hasSize(1);
                JsonNode live = cal.path("appointments").get(0);
                assertThat(Instant.parse(live.path("start").asString())).as(at.toString()).isEqualTo(Instant.parse(start));
                assertThat(live.path("status").asString()).isEqualTo(status);
                assertThat(live.path("revision").asLong()).isEqualTo(revision);
            } else {
                assertThat(cal.path("appointments")).as(at.toString()).isEmpty();
            }
            JsonNode one = ok(api.get(appointment + at)).path("appointment");
            assertThat(Instant.parse(one.path("start").asString())).as(at.toString()).isEqualTo(Instant.parse(start));
            assertThat(Instant.parse(one.path("end").asString())).isEqualTo(Instant.parse(start).plusSeconds(1800));
            assertThat(one.path("status").asString()).as(at.toString()).isEqualTo(status);
            assertThat(one.path("revision").asLong()).isEqualTo(revision);
        }
    }

    @Test
    void anotherBusinesssCalendarsAndAppointmentsAreNotFoundAndABadInstantIsAProblem() {
        Api olga = owner("Replay One", "one@replay.test");
        Api rita = owner("Replay Two", "two@replay.test");
        Scenario salon = Scenario.of(olga, businessOf(olga));
        UUID haircut = salon.service("Haircut", 30, 0, 0, 30, 0);
        UUID mia = salon.staff("Mia", "Europe/Paris", List.of(haircut), "09:00-17:00");
        Api.Response booked = salon.book(haircut, mia, "2026-12-07T10:00:00+01:00", "Ann");
        assertThat(booked.status()).isEqualTo(201);
        String later = "?at=2999-01-01T00:00:00Z";

        assertThat(ok(olga.get("/api/v1/audit/calendars/" + mia + later)).path("appointments")).hasSize(1);
        Api.Response calendar = rita.get("/api/v1/audit/calendars/" + mia + later);
        assertThat(calendar.status()).isEqualTo(404);
        assertThat(calendar.code()).isEqualTo("staff-not-found");
        Api.Response appointment = rita.get("/api/v1/audit/appointments/" + booked.text("id") + later);
        assertThat(appointment.status()).isEqualTo(404);
        assertThat(appointment.code()).isEqualTo("appointment-not-found");
        assertThat(calendar.raw().body() + appointment.raw().body()).doesNotContain("Replay One").doesNotContain("Ann");

        for (String at : List.of("yesterday", "2026-13-01T00:00:00Z", "2026-12-01", "")) {
            Api.Response r = olga.get("/api/v1/audit/calendars/" + mia + "?at=" + at);
            assertThat(r.status()).as(at + " " + r.raw().body()).isEqualTo(400);
            assertThat(r.code()).as(at).isIn("invalid-value", "missing-parameter");
            assertThat(olga.get("/api/v1/audit/appointments/" + booked.text("id") + "?at=" + at).status()).isEqualTo(400);
        }
        Api.Response missing = olga.get("/api/v1/audit/calendars/" + mia);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("missing-parameter");
    }
}

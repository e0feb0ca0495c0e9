package dev.kairos.edge;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calendars decided from snapshots (every five events here, no aggregate cache), and a move between two staff
 * members whose second half fails inside the database: nothing of the move may remain.
 */
@TestPropertySource(properties = {"kairos.calendar.snapshot-threshold=5", "kairos.calendar.cache-enabled=false"})
class SnapshotAndMoveFailureIntegrationTest extends EngineTest {

    @AfterEach
    void dropFailureTrigger() {
        jdbc.execute("DROP TRIGGER IF EXISTS fail_transfer_out ON domainevententry");
        jdbc.execute("DROP FUNCTION IF EXISTS fail_transfer_out()");
    }

    @Test
    void calendarsAreSnapshottedAndDecideCorrectlyFromTheSnapshot() {
        Scenario salon = Scenario.business(api, "Salon", "UTC");
        UUID cut = salon.service("Cut", 30, 0, 0, 30, 0);
        UUID mia = salon.staff("Mia", "UTC", List.of(cut), "08:00-20:00");
        for (int hour = 8; hour < 20; hour++) {
            assertThat(salon.book(cut, mia, "2026-12-07T%02d:00:00Z".formatted(hour), "C" + hour).status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshotevententry WHERE aggregate_identifier = ?", Long.class, mia.toString()) > 0);
        String snapshot = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM snapshotevententry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1", String.class, mia.toString());
        assertThat(snapshot).contains("\"live\"").contains("2026-12-07T08:00:00Z");

        // loaded from the snapshot (the cache is off): every booked hour is still taken, the half hours are free
        for (int hour = 8; hour < 20; hour++) {
            assertThat(salon.book(cut, mia, "2026-12-07T%02d:00:00Z".formatted(hour), "X" + hour).code())
                    .isEqualTo("slot-unavailable");
        }
        assertThat(salon.book(cut, mia, "2026-12-07T08:30:00Z", "Half").status()).isEqualTo(201);
    }

    @Test
    void aMoveWhoseReleaseFailsLeavesBothCalendarsUnchanged() {
        Scenario salon = Scenario.business(api, "Salon", "UTC");
        UUID cut = salon.service("Cut", 30, 0, 0, 30, 0);
        UUID mia = salon.staff("Mia", "UTC", List.of(cut), "08:00-20:00");
        UUID leo = salon.staff("Leo", "UTC", List.of(cut), "08:00-20:00");
        String appointment = salon.book(cut, mia, "2026-12-07T09:00:00Z", "Ada").text("id");
        long events = storedEvents();

        // the database refuses the second half of the move (releasing Mia's time) after Leo accepted it
        jdbc.execute("CREATE FUNCTION fail_transfer_out() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION 'storage failure in the middle of a move'; END $$");
        jdbc.execute("CREATE TRIGGER fail_transfer_out BEFORE INSERT ON domainevententry FOR EACH ROW "
                + "WHEN (NEW.payload_type = 'dev.kairos.booking.calendar.AppointmentTransferredOut') EXECUTE FUNCTION fail_transfer_out()");
        Api.Response move = api.post("/api/v1/appointments/" + appointment + "/reschedule",
                "{\"start\":\"2026-12-07T10:00:00Z\",\"staffId\":\"" + leo + "\"}", "X-Business-Id", salon.tenant());
        assertThat(move.status()).isEqualTo(500);
        assertThat(move.code()).isEqualTo("internal-error");
        assertThat(storedEvents()).as("neither half of the move is stored").isEqualTo(events);
        dropFailureTrigger();

        // Mia still holds 09:00, Leo's 10:00 is free, and the appointment can still be moved
        assertThat(salon.book(cut, mia, "2026-12-07T09:00:00Z", "Bob").code()).isEqualTo("slot-unavailable");
        assertThat(salon.book(cut, leo, "2026-12-07T10:00:00Z", "Cy").status()).isEqualTo(201);
        Api.Response retried = api.post("/api/v1/appointments/" + appointment + "/reschedule",
                "{\"start\":\"2026-12-07T11:00:00Z\",\"staffId\":\"" + leo + "\"}", "X-Business-Id", salon.tenant());
        assertThat(retried.status()).isEqualTo(200);
        assertThat(salon.book(cut, mia, "2026-12-07T09:00:00Z", "Bob").status()).isEqualTo(201);
    }

    @Test
    void aSeriesIsRememberedThroughASnapshot() {
        Scenario salon = Scenario.business(api, "Salon", "UTC");
        UUID cut = salon.service("Cut", 30, 0, 0, 30, 0);
        UUID mia = salon.staff("Mia", "UTC", List.of(cut), "08:00-20:00");
        String body = """
                {"staffId":"%s","serviceId":"%s","rule":"FREQ=DAILY;COUNT=6","start":"2026-12-07T09:00:00",
                 "mode":"ALL_OR_NOTHING","customer":{"name":"Ada","email":"ada@example.com"}}
                """.formatted(mia, cut);
        String path = "/api/v1/businesses/" + salon.businessId + "/series";
        Api.Response booked = api.post(path, body, "Idempotency-Key", "daily-ada");
        assertThat(booked.status()).as(booked.raw().body()).isEqualTo(201);
        String third = booked.json().path("booked").get(2).path("appointmentId").asString();
        assertThat(salon.book(cut, mia, "2026-12-07T12:00:00Z", "Bea").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshotevententry WHERE aggregate_identifier = ?", Long.class, mia.toString()) > 0);
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM snapshotevententry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1", String.class, mia.toString()))
                .contains("\"series\"").contains(booked.text("id"));

        // decided from the snapshot: the occurrences hold their time, a retry stores nothing, scopes resolve by index
        assertThat(salon.book(cut, mia, "2026-12-09T09:00:00Z", "Cy").code()).isEqualTo("slot-unavailable");
        long events = storedEvents();
        jdbc.update("DELETE FROM idempotency_record");
        assertThat(api.post(path, body, "Idempotency-Key", "daily-ada").status()).isEqualTo(201);
        assertThat(storedEvents()).isEqualTo(events);
        Api.Response cancelled = api.post("/api/v1/series/" + booked.text("id") + "/cancel",
                "{\"scope\":\"THIS_AND_FOLLOWING\",\"appointmentId\":\"" + third + "\"}", "X-Business-Id", salon.tenant());
        assertThat(cancelled.status()).as(cancelled.raw().body()).isEqualTo(200);
        assertThat(cancelled.json().path("cancelled")).hasSize(4);
        assertThat(salon.book(cut, mia, "2026-12-09T09:00:00Z", "Cy").status()).isEqualTo(201);
        assertThat(salon.book(cut, mia, "2026-12-08T09:00:00Z", "Cy").code()).isEqualTo("slot-unavailable");
    }
}

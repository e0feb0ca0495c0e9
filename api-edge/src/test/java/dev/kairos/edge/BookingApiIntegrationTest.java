package dev.kairos.edge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The booking flow over HTTP against real PostgreSQL. Now is Tuesday 2026-12-01 08:00 UTC. */
class BookingApiIntegrationTest extends EngineTest {
    private Scenario salon;
    private UUID haircut;
    private UUID mia;
    private UUID leo;

    @BeforeEach
    void salon() {
        salon = Scenario.business(api, "Salon Aurora", "Europe/Berlin");
        haircut = salon.service("Haircut", 45, 0, 15, 30, 120);
        mia = salon.staff("Mia", "Europe/Berlin", List.of(haircut), "09:00-12:00", "13:00-17:00");
        leo = salon.staff("Leo", "Europe/Berlin", List.of(haircut), "09:00-17:00");
    }

    @Test
    void booksAndRejectsAClashWithTheNearestFreeAlternatives() {
        Api.Response booked = salon.book(haircut, mia, "2026-12-07T09:00:00+01:00", "Ada");
        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.header("ETag")).contains("\"1\"");
        assertThat(booked.header("Location")).contains("/api/v1/appointments/" + booked.text("id"));

        Api.Response clash = salon.book(haircut, mia, "2026-12-07T09:30:00+01:00", "Bob");
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.contentType()).startsWith("application/problem+json");
        assertThat(clash.code()).isEqualTo("slot-unavailable");
        List<String> alternatives = new ArrayList<>();
        clash.json().path("alternatives").forEach(a -> alternatives.add(a.path("start").asString()));
        // 09:00 is taken with its 15-minute cleanup until 10:00; the nearest free starts in the client's offset:
        assertThat(alternatives).containsExactly("2026-12-07T10:00:00+01:00", "2026-12-07T10:30:00+01:00",
                "2026-12-07T11:00:00+01:00");
    }

    @Test
    void backToBackIsAllowedButTheBufferBlocks() {
        assertThat(salon.book(haircut, leo, "2026-12-07T10:00:00+01:00", "Ada").status()).isEqualTo(201);
        // 10:00-10:45 plus 15 minutes cleanup: 10:45 collides with the buffer, 11:00 is back to back
        assertThat(salon.book(haircut, leo, "2026-12-07T10:45:00+01:00", "Bob").code()).isEqualTo("slot-unavailable");
        assertThat(salon.book(haircut, leo, "2026-12-07T11:00:00+01:00", "Bob").status()).isEqualTo(201);
    }

    @Test
    void availabilityReflectsABookingWhenAskedWithItsConsistencyToken() {
        Api.Response booked = salon.book(haircut, mia, "2026-12-07T09:00:00+01:00", "Ada");
        String token = booked.header("Consistency-Token").orElseThrow();
        Api.Response slots = api.get("/api/v1/availability/staff/" + mia + "?serviceId=" + haircut
                        + "&from=2026-12-07&to=2026-12-07&timeZone=America/New_York",
                "X-Business-Id", salon.tenant(), "Consistency-Token", token);
        assertThat(slots.status()).isEqualTo(200);
        assertThat(slots.header("Consistency-Status")).contains("applied");
        assertThat(slots.text("timeZone")).isEqualTo("America/New_York");
        List<String> starts = new ArrayList<>();
        slots.json().path("slots").forEach(s -> starts.add(s.path("start").asString()));
        // Berlin 09:00 is New York 03:00; taken until 10:00 Berlin (04:00 New York), lunch 12:00-13:00 Berlin
        assertThat(starts).startsWith("2026-12-07T04:00:00-05:00", "2026-12-07T04:30:00-05:00", "2026-12-07T05:00:00-05:00")
                .doesNotContain("2026-12-07T03:00:00-05:00", "2026-12-07T03:30:00-05:00", "2026-12-07T05:30:00-05:00")
                .contains("2026-12-07T07:00:00-05:00", "2026-12-07T10:00:00-05:00")
                .hasSize(3 + 7);
    }

    @Test
    void serviceAvailabilityListsEveryStaffMemberFreeAtEachSlot() {
        String token = salon.book(haircut, mia, "2026-12-07T09:00:00+01:00", "Ada").header("Consistency-Token").orElseThrow();
        Api.Response slots = api.get("/api/v1/availability/service/" + haircut + "?from=2026-12-07&to=2026-12-07",
                "X-Business-Id", salon.tenant(), "Consistency-Token", token);
        assertThat(slots.text("timeZone")).isEqualTo("Europe/Berlin");
        var first = slots.json().path("slots").get(0);
        assertThat(first.path("start").asString()).isEqualTo("2026-12-07T09:00:00+01:00");
        assertThat(first.path("staffIds").toString()).contains(leo.toString()).doesNotContain(mia.toString());
    }

    @Test
    void aQueryWaitsForEveryTokenItIsGiven() {
        String miaToken = salon.book(haircut, mia, "2026-12-07T09:00:00+01:00", "Ada").header("Consistency-Token").orElseThrow();
        String leoToken = salon.book(haircut, leo, "2026-12-07T09:00:00+01:00", "Bob").header("Consistency-Token").orElseThrow();
        Api.Response slots = api.get("/api/v1/availability/service/" + haircut + "?from=2026-12-07&to=2026-12-07",
                "X-Business-Id", salon.tenant(), "Consistency-Token", miaToken + ", " + leoToken);
        assertThat(slots.header("Consistency-Status")).contains("applied");
        assertThat(slots.json().path("slots").get(0).path("start").asString())
                .as("09:00 is taken by both, with cleanup until 10:00").isEqualTo("2026-12-07T10:00:00+01:00");
    }

    @Test
    void minimumNoticeMaximumAdvanceAndWorkingHoursAreEnforced() {
        // now is 09:00 Berlin on 2026-12-01; the service needs two hours' notice
        assertThat(salon.book(haircut, mia, "2026-12-01T10:00:00+01:00", "Ada").code()).isEqualTo("minimum-notice-not-met");
        assertThat(salon.book(haircut, mia, "2027-03-01T10:00:00+01:00", "Ada").code()).isEqualTo("maximum-advance-exceeded");
        assertThat(salon.book(haircut, mia, "2026-12-07T11:30:00+01:00", "Ada").code()).isEqualTo("outside-working-hours");
        assertThat(salon.book(haircut, mia, "2026-12-07T11:30:00+01:00", "Ada").status()).isEqualTo(422);
    }

    @Test
    void reschedulesMovesToAnotherStaffMemberAndCancels() {
        Api.Response booked = salon.book(haircut, mia, "2026-12-07T09:00:00+01:00", "Ada");
        String id = booked.text("id");
        String path = "/api/v1/appointments/" + id;

        Api.Response stale = api.post(path + "/reschedule", "{\"start\":\"2026-12-07T14:00:00+01:00\"}",
                "X-Business-Id", salon.tenant(), "If-Match", "\"7\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("revision-mismatch");

        Api.Response moved = api.post(path + "/reschedule", "{\"start\":\"2026-12-07T14:00:00+01:00\"}",
                "X-Business-Id", salon.tenant(), "If-Match", "\"1\"");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.header("ETag")).contains("\"2\"");

        Api.Response toLeo = api.post(path + "/reschedule",
                "{\"start\":\"2026-12-08T11:00:00+01:00\",\"staffId\":\"" + leo + "\"}", "X-Business-Id", salon.tenant());
        assertThat(toLeo.status()).isEqualTo(200);
        Api.Response after = api.get(path, "X-Business-Id", salon.tenant(),
                "Consistency-Token", toLeo.header("Consistency-Token").orElseThrow());
        assertThat(after.text("staffId")).isEqualTo(leo.toString());
        assertThat(after.text("start")).isEqualTo("2026-12-08T11:00:00+01:00");
        assertThat(after.header("ETag")).contains("\"3\"");

        // Mia's old time is free again, Leo's new one is taken
        assertThat(salon.book(haircut, mia, "2026-12-07T14:00:00+01:00", "Bob").status()).isEqualTo(201);
        assertThat(salon.book(haircut, leo, "2026-12-08T11:00:00+01:00", "Cy").code()).isEqualTo("slot-unavailable");

        Api.Response cancelled = api.post(path + "/cancel", "{\"reason\":\"customer asked\"}", "X-Business-Id", salon.tenant());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("revision").asLong()).isEqualTo(4);
        assertThat(api.post(path + "/cancel", null, "X-Business-Id", salon.tenant()).status()).isEqualTo(200);
        assertThat(api.post(path + "/confirm", null, "X-Business-Id", salon.tenant()).code()).isEqualTo("illegal-status-transition");
        assertThat(salon.book(haircut, leo, "2026-12-08T11:00:00+01:00", "Cy").status()).isEqualTo(201);
    }

    @Test
    void statusFlowConfirmThenCompleteOnlyAfterTheStart() {
        String id = salon.book(haircut, mia, "2026-12-07T09:00:00+01:00", "Ada").text("id");
        String path = "/api/v1/appointments/" + id;
        assertThat(api.post(path + "/complete", null, "X-Business-Id", salon.tenant()).code()).isEqualTo("illegal-status-transition");
        assertThat(api.post(path + "/confirm", null, "X-Business-Id", salon.tenant()).status()).isEqualTo(200);
        assertThat(api.post(path + "/confirm", null, "X-Business-Id", salon.tenant()).status()).isEqualTo(200);
        assertThat(api.post(path + "/no-show", null, "X-Business-Id", salon.tenant()).code()).isEqualTo("appointment-not-started");
    }

    @Test
    void idempotencyKeyReturnsTheFirstAnswerAndBooksOnce() {
        Api.Response first = salon.book(haircut, mia, "2026-12-07T09:00:00+01:00", "Ada", "Idempotency-Key", "order-17");
        long events = storedEvents();
        Api.Response retry = salon.book(haircut, mia, "2026-12-07T09:00:00+01:00", "Ada", "Idempotency-Key", "order-17");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(storedEvents()).isEqualTo(events);

        Api.Response reused = salon.book(haircut, mia, "2026-12-07T14:00:00+01:00", "Ada", "Idempotency-Key", "order-17");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("idempotency-key-reused");

        // a rejection is an answer too: the retry gets the same 409 without deciding again
        Api.Response clash = salon.book(haircut, mia, "2026-12-07T09:15:00+01:00", "Bob", "Idempotency-Key", "order-18");
        Api.Response clashRetry = salon.book(haircut, mia, "2026-12-07T09:15:00+01:00", "Bob", "Idempotency-Key", "order-18");
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clashRetry.status()).isEqualTo(409);
        assertThat(clashRetry.header("Idempotent-Replayed")).contains("true");
    }

    @Test
    void appointmentsArePagedByCursorWithoutGapsOrDuplicates() {
        String token = null;
        for (int day = 7; day <= 11; day++) {
            for (String time : List.of("09:00", "10:00", "11:00")) {
                Api.Response booked = salon.book(haircut, mia, "2026-12-%02dT%s:00+01:00".formatted(day, time), "C" + day + time.charAt(1));
                assertThat(booked.status()).isEqualTo(201);
                token = booked.header("Consistency-Token").orElseThrow();
            }
        }
        assertThat(salon.book(haircut, leo, "2026-12-07T09:00:00+01:00", "Zed").status()).isEqualTo(201);
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get("/api/v1/businesses/" + salon.businessId + "/appointments?staffId=" + mia
                    + "&from=2026-12-01T00:00:00Z&limit=4" + (cursor == null ? "" : "&cursor=" + cursor), "Consistency-Token", token);
            assertThat(page.status()).isEqualTo(200);
            page.json().path("items").forEach(i -> assertThat(seen.add(i.path("id").asString())).isTrue());
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(15);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void customerHasTheirHistory() {
        Api.Response booked = salon.book(haircut, mia, "2026-12-07T09:00:00+01:00", "Ada");
        String customer = booked.text("customerId");
        Api.Response view = await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/customers/" + customer, "X-Business-Id", salon.tenant()), r -> r.status() == 200);
        assertThat(view.text("email")).isEqualTo("ada@example.com");
        assertThat(view.json().path("appointments").get(0).path("appointmentId").asString()).isEqualTo(booked.text("id"));
    }

    @Test
    void anotherBusinessSeesAndChangesNothing() {
        Api.Response booked = salon.book(haircut, mia, "2026-12-07T09:00:00+01:00", "Ada");
        String token = booked.header("Consistency-Token").orElseThrow();
        api.get("/api/v1/appointments/" + booked.text("id"), "X-Business-Id", salon.tenant(), "Consistency-Token", token);
        Scenario rival = Scenario.business(api, "Rival", "Europe/Berlin");
        String id = booked.text("id");
        assertThat(api.get("/api/v1/appointments/" + id, "X-Business-Id", rival.tenant()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/appointments/" + id + "/cancel", null, "X-Business-Id", rival.tenant()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/availability/service/" + haircut + "?from=2026-12-07&to=2026-12-07",
                "X-Business-Id", rival.tenant()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers/" + booked.text("customerId"), "X-Business-Id", rival.tenant()).status()).isEqualTo(404);
        assertThat(rival.book(haircut, mia, "2026-12-07T14:00:00+01:00", "Eve").status()).isEqualTo(404);
        // a path that names one business and a header that names another is not found either
        assertThat(api.get("/api/v1/businesses/" + salon.businessId + "/services/" + haircut, "X-Business-Id", rival.tenant()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/appointments/" + id, "X-Business-Id", salon.tenant()).text("status")).isEqualTo("SCHEDULED");
    }

    @Test
    void openApiDocumentIsServed() {
        Api.Response doc = api.get("/v3/api-docs", "Accept", "application/json");
        assertThat(doc.status()).as(doc.raw().body()).isEqualTo(200);
        assertThat(doc.json().path("paths").has("/api/v1/businesses/{businessId}/appointments")).isTrue();
        assertThat(doc.json().path("paths").has("/api/v1/availability/service/{serviceId}")).isTrue();
        assertThat(doc.json().path("paths").has("/api/v1/businesses/{businessId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver"))
                .isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}

package dev.kairos.edge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Holds over HTTP: they take the slot from everyone else, become appointments, are released, or expire. */
class HoldApiIntegrationTest extends EngineTest {
    private static final String CUSTOMER = "{\"customer\":{\"name\":\"Ada\",\"email\":\"ada@example.com\"}}";
    private Scenario salon;
    private UUID cut;
    private UUID mia;

    @BeforeEach
    void salon() {
        salon = Scenario.business(api, "Salon", "UTC");
        cut = salon.service("Cut", 60, 0, 0, 60, 0);
        mia = salon.staff("Mia", "UTC", List.of(cut), "09:00-12:00");
    }

    private Api.Response hold(String start, String holdFor) {
        return api.post("/api/v1/businesses/" + salon.businessId + "/holds", "{\"staffId\":\"" + mia + "\",\"serviceId\":\""
                + cut + "\",\"start\":\"" + start + "\"" + (holdFor == null ? "" : ",\"holdFor\":\"" + holdFor + "\"") + "}");
    }

    private List<String> slotsOn(String date, String token) {
        Api.Response r = api.get("/api/v1/availability/staff/" + mia + "?serviceId=" + cut + "&from=" + date + "&to=" + date,
                "X-Business-Id", salon.tenant(), "Consistency-Token", token);
        List<String> starts = new ArrayList<>();
        r.json().path("slots").forEach(s -> starts.add(s.path("start").asString()));
        return starts;
    }

    private Api.Response holdView(String id, String token) {
        return token == null ? api.get("/api/v1/holds/" + id, "X-Business-Id", salon.tenant())
                : api.get("/api/v1/holds/" + id, "X-Business-Id", salon.tenant(), "Consistency-Token", token);
    }

    private long scheduledDeadlines() {
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name LIKE '%eadline%'", Long.class);
    }

    @Test
    void aHeldSlotIsTakenForEveryoneElseUntilItIsConfirmedIntoAnAppointment() {
        Api.Response held = hold("2026-12-07T10:00:00Z", null);
        assertThat(held.status()).isEqualTo(201);
        assertThat(held.text("expiresAt")).isEqualTo("2026-12-01T08:10:00Z");
        String token = held.header("Consistency-Token").orElseThrow();
        assertThat(slotsOn("2026-12-07", token)).containsExactly("2026-12-07T09:00:00Z", "2026-12-07T11:00:00Z");
        assertThat(salon.book(cut, mia, "2026-12-07T10:00:00Z", "Bob").code()).isEqualTo("slot-unavailable");
        assertThat(hold("2026-12-07T10:00:00Z", null).code()).isEqualTo("slot-unavailable");

        String id = held.text("id");
        Api.Response confirmed = api.post("/api/v1/holds/" + id + "/confirm", CUSTOMER, "X-Business-Id", salon.tenant());
        assertThat(confirmed.status()).isEqualTo(201);
        assertThat(confirmed.text("staffId")).isEqualTo(mia.toString());
        String appointment = confirmed.text("id");
        String confirmedToken = confirmed.header("Consistency-Token").orElseThrow();
        Api.Response view = api.get("/api/v1/appointments/" + appointment, "X-Business-Id", salon.tenant(),
                "Consistency-Token", confirmedToken);
        assertThat(view.text("start")).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(view.json().path("customer").path("name").asString()).isEqualTo("Ada");
        Api.Response heldNow = holdView(id, confirmedToken);
        assertThat(heldNow.text("state")).isEqualTo("CONFIRMED");
        assertThat(heldNow.text("appointmentId")).isEqualTo(appointment);
        assertThat(slotsOn("2026-12-07", confirmedToken)).containsExactly("2026-12-07T09:00:00Z", "2026-12-07T11:00:00Z");

        long events = storedEvents();
        Api.Response again = api.post("/api/v1/holds/" + id + "/confirm", CUSTOMER, "X-Business-Id", salon.tenant());
        assertThat(again.status()).as("a retried confirmation answers like the first").isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(appointment);
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void aReleasedHoldFreesTheSlotAndCannotBeConfirmed() {
        String id = hold("2026-12-07T10:00:00Z", "PT15M").text("id");
        Api.Response released = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/holds/" + id))
                .DELETE().header("X-Business-Id", salon.tenant()));
        assertThat(released.status()).isEqualTo(200);
        String token = released.header("Consistency-Token").orElseThrow();
        assertThat(holdView(id, token).text("state")).isEqualTo("RELEASED");
        assertThat(slotsOn("2026-12-07", token)).hasSize(3);
        assertThat(api.post("/api/v1/holds/" + id + "/confirm", CUSTOMER, "X-Business-Id", salon.tenant()).code())
                .isEqualTo("hold-ended");
        assertThat(salon.book(cut, mia, "2026-12-07T10:00:00Z", "Bob").status()).isEqualTo(201);
    }

    @Test
    void anUnconfirmedHoldExpiresByItsPersistentDeadline() {
        long scheduled = scheduledDeadlines();
        String id = hold("2026-12-07T10:00:00Z", "PT5S").text("id");
        assertThat(scheduledDeadlines()).as("the expiry is a row in the scheduler's table").isEqualTo(scheduled + 1);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> "EXPIRED".equals(holdView(id, null).text("state")));
        assertThat(api.post("/api/v1/holds/" + id + "/confirm", CUSTOMER, "X-Business-Id", salon.tenant()).code())
                .isEqualTo("hold-expired");
        assertThat(salon.book(cut, mia, "2026-12-07T10:00:00Z", "Bob").status()).isEqualTo(201);
    }

    @Test
    void badHoldsAreRejectedAndStoreNothing() {
        long events = storedEvents();
        assertThat(hold("2026-12-07T10:00:00Z", "PT1S").code()).isEqualTo("invalid-duration");
        assertThat(hold("2026-12-07T10:00:00Z", "PT2H").code()).isEqualTo("invalid-duration");
        assertThat(hold("2026-12-07T10:00:00Z", "ten minutes").code()).isEqualTo("invalid-value");
        assertThat(hold("2026-12-07T18:00:00Z", null).code()).isEqualTo("outside-working-hours");
        assertThat(api.post("/api/v1/businesses/" + salon.businessId + "/holds", "{\"serviceId\":\"" + cut + "\"}").code())
                .isEqualTo("validation-failed");
        Api.Response unknown = api.post("/api/v1/holds/" + UUID.randomUUID() + "/confirm", CUSTOMER, "X-Business-Id", salon.tenant());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("hold-not-found");
        assertThat(holdView(UUID.randomUUID().toString(), null).code()).isEqualTo("hold-not-found");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void anotherBusinessCannotSeeConfirmOrReleaseAHold() {
        Api.Response held = hold("2026-12-07T10:00:00Z", null);
        String id = held.text("id");
        Scenario other = Scenario.business(api, "Other", "UTC");
        assertThat(api.post("/api/v1/holds/" + id + "/confirm", CUSTOMER, "X-Business-Id", other.tenant()).code())
                .isEqualTo("hold-not-found");
        assertThat(holdView(id, held.header("Consistency-Token").orElseThrow()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/holds/" + id, "X-Business-Id", other.tenant()).code()).isEqualTo("hold-not-found");
        Api.Response release = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/holds/" + id))
                .DELETE().header("X-Business-Id", other.tenant()));
        assertThat(release.code()).isEqualTo("hold-not-found");
    }
}

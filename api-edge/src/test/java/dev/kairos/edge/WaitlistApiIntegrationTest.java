package dev.kairos.edge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The waitlist over HTTP: a cancellation is offered to the first in line as a hold; declined or lapsed offers pass
 * to the next; an accepted offer becomes the customer's appointment. Offers last five seconds here.
 */
@TestPropertySource(properties = "kairos.waitlist.offer-hold=PT5S")
class WaitlistApiIntegrationTest extends EngineTest {
    private Scenario salon;
    private UUID cut;
    private UUID mia;
    private String tenDaClock;

    @BeforeEach
    void fullyBookedSalon() {
        salon = Scenario.business(api, "Salon", "UTC");
        cut = salon.service("Cut", 60, 0, 0, 60, 0);
        mia = salon.staff("Mia", "UTC", List.of(cut), "09:00-12:00");
        salon.book(cut, mia, "2026-12-07T09:00:00Z", "Carl");
        tenDaClock = salon.book(cut, mia, "2026-12-07T10:00:00Z", "Dora").text("id");
        salon.book(cut, mia, "2026-12-07T11:00:00Z", "Emil");
    }

    private String join(String name) {
        Api.Response joined = api.post("/api/v1/businesses/" + salon.businessId + "/waitlist", """
                {"serviceId":"%s","from":"2026-12-07T00:00:00Z","to":"2026-12-08T00:00:00Z",
                 "customer":{"name":"%s","email":"%s@example.com"}}""".formatted(cut, name, name.toLowerCase()));
        assertThat(joined.status()).isEqualTo(201);
        return joined.text("id");
    }

    private Api.Response entry(String id) {
        return api.get("/api/v1/waitlist/" + id, "X-Business-Id", salon.tenant());
    }

    private void awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> state.equals(entry(id).text("state")));
    }

    private Api.Response cancel(String appointmentId) {
        return api.post("/api/v1/appointments/" + appointmentId + "/cancel", "{}", "X-Business-Id", salon.tenant());
    }

    @Test
    void aCancellationIsOfferedInOrderAndTheAcceptedOfferBecomesABooking() {
        String ada = join("Ada");
        String bob = join("Bob");
        assertThat(cancel(tenDaClock).status()).isEqualTo(200);
        awaitState(ada, "OFFERED");
        Api.Response offer = entry(ada);
        assertThat(offer.json().path("offer").path("start").asString()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(entry(bob).text("state")).isEqualTo("WAITING");
        assertThat(salon.book(cut, mia, "2026-12-07T10:00:00Z", "Fred").code()).as("the offer holds the slot").isEqualTo("slot-unavailable");

        assertThat(api.post("/api/v1/waitlist/" + ada + "/decline", "", "X-Business-Id", salon.tenant()).status()).isEqualTo(200);
        awaitState(bob, "OFFERED");
        assertThat(entry(ada).text("state")).as("Ada keeps her place, for other slots").isEqualTo("WAITING");

        Api.Response accepted = api.post("/api/v1/waitlist/" + bob + "/accept", "", "X-Business-Id", salon.tenant());
        assertThat(accepted.status()).isEqualTo(201);
        Api.Response appointment = api.get("/api/v1/appointments/" + accepted.text("id"), "X-Business-Id", salon.tenant(),
                "Consistency-Token", accepted.header("Consistency-Token").orElseThrow());
        assertThat(appointment.text("start")).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(appointment.json().path("customer").path("name").asString()).isEqualTo("Bob");
        awaitState(bob, "BOOKED");
        long events = storedEvents();
        Api.Response again = api.post("/api/v1/waitlist/" + bob + "/accept", "", "X-Business-Id", salon.tenant());
        assertThat(again.status()).as("an acceptance sent again answers like the first: " + again.raw().body()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(accepted.text("id"));
        assertThat(storedEvents()).isEqualTo(events);
        Api.Response line = api.get("/api/v1/businesses/" + salon.businessId + "/waitlist?serviceId=" + cut);
        assertThat(line.json().size()).isEqualTo(1);
        assertThat(line.json().get(0).path("id").asString()).isEqualTo(ada);
    }

    @Test
    void anUnansweredOfferLapsesAndPassesToTheNextInLine() {
        String ada = join("Ada");
        String bob = join("Bob");
        cancel(tenDaClock);
        awaitState(ada, "OFFERED");
        awaitState(bob, "OFFERED");
        assertThat(entry(ada).text("state")).isEqualTo("WAITING");
        assertThat(api.post("/api/v1/waitlist/" + ada + "/accept", "", "X-Business-Id", salon.tenant()).code())
                .isEqualTo("no-open-offer");
    }

    @Test
    void badWaitlistRequestsAreRejectedAndStoreNothing() {
        String ada = join("Ada");
        long events = storedEvents();
        String path = "/api/v1/businesses/" + salon.businessId + "/waitlist";
        assertThat(api.post(path, "{\"from\":\"2026-12-07T00:00:00Z\",\"to\":\"2026-12-08T00:00:00Z\"}").code())
                .isEqualTo("validation-failed");
        assertThat(api.post(path, """
                {"serviceId":"%s","from":"2026-12-08T00:00:00Z","to":"2026-12-07T00:00:00Z","customer":{"name":"X","email":"x@example.com"}}"""
                .formatted(cut)).code()).isEqualTo("invalid-time-range");
        assertThat(api.post(path, """
                {"serviceId":"%s","staffId":"%s","from":"2026-12-07T00:00:00Z","to":"2026-12-08T00:00:00Z","customer":{"name":"X","email":"x@example.com"}}"""
                .formatted(cut, UUID.randomUUID())).code()).isEqualTo("staff-not-found");
        assertThat(api.post("/api/v1/waitlist/" + ada + "/accept", "", "X-Business-Id", salon.tenant()).code()).isEqualTo("no-open-offer");
        assertThat(api.post("/api/v1/waitlist/" + ada + "/decline", "", "X-Business-Id", salon.tenant()).code()).isEqualTo("no-open-offer");
        Api.Response unknown = api.post("/api/v1/waitlist/" + UUID.randomUUID() + "/accept", "", "X-Business-Id", salon.tenant());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("waitlist-entry-not-found");
        Scenario other = Scenario.business(api, "Other", "UTC");
        long afterOther = storedEvents();
        assertThat(api.get("/api/v1/waitlist/" + ada, "X-Business-Id", other.tenant()).code()).isEqualTo("waitlist-entry-not-found");
        assertThat(storedEvents() - afterOther + events).isEqualTo(events);

        Api.Response left = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/waitlist/" + ada))
                .DELETE().header("X-Business-Id", salon.tenant()));
        assertThat(left.status()).isEqualTo(200);
        awaitState(ada, "LEFT");
    }
}

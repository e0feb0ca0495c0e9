package dev.kairos.edge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Time off over HTTP: it removes slots, blocks bookings, refuses to cover a booking, and comes back off. */
class TimeOffApiIntegrationTest extends EngineTest {
    private Scenario salon;
    private UUID cut;
    private UUID mia;
    private String timeOff;

    @BeforeEach
    void salon() {
        salon = Scenario.business(api, "Salon", "UTC");
        cut = salon.service("Cut", 60, 0, 0, 60, 0);
        mia = salon.staff("Mia", "UTC", List.of(cut), "09:00-12:00");
        timeOff = "/api/v1/businesses/" + salon.businessId + "/staff/" + mia + "/time-off";
    }

    private List<String> slotsOn(String date, String token) {
        Api.Response r = api.get("/api/v1/availability/staff/" + mia + "?serviceId=" + cut + "&from=" + date + "&to=" + date,
                "X-Business-Id", salon.tenant(), "Consistency-Token", token);
        List<String> starts = new ArrayList<>();
        r.json().path("slots").forEach(s -> starts.add(s.path("start").asString()));
        return starts;
    }

    @Test
    void timeOffRemovesSlotsAndBlocksBookingsUntilItIsLifted() {
        Api.Response blocked = api.post(timeOff, "{\"start\":\"2026-12-07T09:00:00Z\",\"end\":\"2026-12-07T11:00:00Z\",\"reason\":\"dentist\"}");
        assertThat(blocked.status()).isEqualTo(201);
        String token = blocked.header("Consistency-Token").orElseThrow();
        assertThat(slotsOn("2026-12-07", token)).containsExactly("2026-12-07T11:00:00Z");
        assertThat(salon.book(cut, mia, "2026-12-07T10:00:00Z", "Ada").code()).isEqualTo("slot-unavailable");
        assertThat(api.get(timeOff, "Consistency-Token", token).json().get(0).path("reason").asString()).isEqualTo("dentist");

        Api.Response lifted = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + timeOff + "/" + blocked.text("id"))).DELETE());
        assertThat(lifted.status()).isEqualTo(200);
        assertThat(slotsOn("2026-12-07", lifted.header("Consistency-Token").orElseThrow())).hasSize(3);
        assertThat(salon.book(cut, mia, "2026-12-07T10:00:00Z", "Ada").status()).isEqualTo(201);
    }

    @Test
    void badTimeOffIsRejectedAndStoresNothing() {
        assertThat(salon.book(cut, mia, "2026-12-07T10:00:00Z", "Ada").status()).isEqualTo(201);
        long events = storedEvents();
        assertThat(api.post(timeOff, "{\"start\":\"2026-12-07T09:00:00Z\",\"end\":\"2026-12-07T12:00:00Z\"}").code())
                .as("an appointment is in the way").isEqualTo("slot-unavailable");
        assertThat(api.post(timeOff, "{\"start\":\"2026-12-07T12:00:00Z\",\"end\":\"2026-12-07T09:00:00Z\"}").code())
                .isEqualTo("invalid-time-range");
        assertThat(api.post(timeOff, "{\"start\":\"2026-12-07T09:00:00Z\"}").code()).isEqualTo("validation-failed");
        Api.Response unknown = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + timeOff + "/" + UUID.randomUUID())).DELETE());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("time-off-not-found");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void theTimeOffOfAStaffMemberTheBusinessDoesNotHaveIsNotFound() {
        Scenario other = Scenario.business(api, "Barber", "UTC");
        UUID shave = other.service("Shave", 30, 0, 0, 30, 0);
        UUID max = other.staff("Max", "UTC", List.of(shave), "09:00-12:00");
        for (UUID staff : List.of(max, UUID.randomUUID())) {
            Api.Response r = api.get("/api/v1/businesses/" + salon.businessId + "/staff/" + staff + "/time-off");
            assertThat(r.status()).as(r.raw().body()).isEqualTo(404);
            assertThat(r.code()).isEqualTo("staff-not-found");
        }
        assertThat(api.get(timeOff).status()).isEqualTo(200);
    }
}

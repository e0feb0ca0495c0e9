package dev.kairos.edge;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A staff member's daily limit over HTTP: a full day offers no slots and takes no booking; other days do. */
class BookingLimitsApiIntegrationTest extends EngineTest {

    @Test
    void aFullDayOffersNoSlotsAndRejectsBookings() {
        Scenario salon = Scenario.business(api, "Salon", "UTC");
        UUID cut = salon.service("Cut", 60, 0, 0, 60, 0);
        UUID mia = salon.staff("Mia", "UTC", List.of(cut), "09:00-13:00");
        String staff = "/api/v1/businesses/" + salon.businessId + "/staff/" + mia;
        assertThat(api.put(staff + "/booking-limits", "{\"perDay\":2}").status()).isEqualTo(200);
        assertThat(salon.book(cut, mia, "2026-12-07T09:00:00Z", "Ada").status()).isEqualTo(201);
        String token = salon.book(cut, mia, "2026-12-07T10:00:00Z", "Bob").header("Consistency-Token").orElseThrow();

        Api.Response third = salon.book(cut, mia, "2026-12-07T12:00:00Z", "Cy");
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo("booking-limit-reached");
        Api.Response slots = api.get("/api/v1/availability/staff/" + mia + "?serviceId=" + cut + "&from=2026-12-07&to=2026-12-08",
                "X-Business-Id", salon.tenant(), "Consistency-Token", token);
        List<String> starts = new ArrayList<>();
        slots.json().path("slots").forEach(s -> starts.add(s.path("start").asString()));
        assertThat(starts).noneMatch(s -> s.startsWith("2026-12-07")).contains("2026-12-08T09:00:00Z");
        assertThat(api.get(staff, "Consistency-Token", token).json().path("bookingLimits").path("perDay").asInt()).isEqualTo(2);
    }

    @Test
    void limitsOutOfRangeAreRejected() {
        Scenario salon = Scenario.business(api, "Salon", "UTC");
        UUID cut = salon.service("Cut", 60, 0, 0, 60, 0);
        UUID mia = salon.staff("Mia", "UTC", List.of(cut), "09:00-13:00");
        long events = storedEvents();
        Api.Response zero = api.put("/api/v1/businesses/" + salon.businessId + "/staff/" + mia + "/booking-limits", "{\"perDay\":0}");
        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.code()).isEqualTo("invalid-limit");
        assertThat(storedEvents()).isEqualTo(events);
    }
}

package dev.kairos.edge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A staff member's own hours on one date, over HTTP: they shape both the free slots and the booking decision. */
class DateOverridesApiIntegrationTest extends EngineTest {
    private Scenario salon;
    private UUID cut;
    private UUID mia;
    private String miaPath;

    @BeforeEach
    void salon() {
        salon = Scenario.business(api, "Salon", "UTC");
        cut = salon.service("Cut", 60, 0, 0, 60, 0);
        mia = salon.staff("Mia", "UTC", List.of(cut), "09:00-12:00");
        miaPath = "/api/v1/businesses/" + salon.businessId + "/staff/" + mia;
    }

    private List<String> slotsOn(String date, String token) {
        Api.Response r = api.get("/api/v1/availability/staff/" + mia + "?serviceId=" + cut + "&from=" + date + "&to=" + date,
                "X-Business-Id", salon.tenant(), "Consistency-Token", token);
        assertThat(r.header("Consistency-Status")).contains("applied");
        List<String> starts = new ArrayList<>();
        r.json().path("slots").forEach(s -> starts.add(s.path("start").asString()));
        return starts;
    }

    private Api.Response delete(String path) {
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).DELETE());
    }

    @Test
    void aDayOffAndOtherHoursShapeSlotsAndBookings() {
        Api.Response dayOff = api.put(miaPath + "/overrides/2026-12-24", "{\"hours\":[]}");
        assertThat(dayOff.status()).isEqualTo(200);
        assertThat(slotsOn("2026-12-24", dayOff.header("Consistency-Token").orElseThrow())).isEmpty();
        assertThat(salon.book(cut, mia, "2026-12-24T09:00:00Z", "Ada").code()).isEqualTo("outside-working-hours");

        Api.Response late = api.put(miaPath + "/overrides/2026-12-24", "{\"hours\":[{\"from\":\"15:00\",\"to\":\"17:00\"}]}");
        assertThat(slotsOn("2026-12-24", late.header("Consistency-Token").orElseThrow()))
                .containsExactly("2026-12-24T15:00:00Z", "2026-12-24T16:00:00Z");
        assertThat(salon.book(cut, mia, "2026-12-24T15:00:00Z", "Ada").status()).isEqualTo(201);
        Api.Response staff = api.get(miaPath, "Consistency-Token", late.header("Consistency-Token").orElseThrow());
        assertThat(staff.json().path("dateOverrides").path("2026-12-24").get(0).path("from").asString()).isEqualTo("15:00");

        Api.Response cleared = delete(miaPath + "/overrides/2026-12-24");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(slotsOn("2026-12-24", cleared.header("Consistency-Token").orElseThrow()))
                .containsExactly("2026-12-24T09:00:00Z", "2026-12-24T10:00:00Z", "2026-12-24T11:00:00Z");
        assertThat(slotsOn("2026-12-23", cleared.header("Consistency-Token").orElseThrow())).hasSize(3);
    }

    @Test
    void badOverridesAreRejectedAndStoreNothing() {
        long events = storedEvents();
        assertThat(api.put(miaPath + "/overrides/2026-02-30", "{\"hours\":[]}").code()).isEqualTo("invalid-value");
        assertThat(api.put(miaPath + "/overrides/2026-12-24",
                "{\"hours\":[{\"from\":\"09:00\",\"to\":\"13:00\"},{\"from\":\"12:00\",\"to\":\"14:00\"}]}").code())
                .isEqualTo("invalid-working-hours");
        assertThat(api.put(miaPath + "/overrides/2026-12-24", "{}").code()).isEqualTo("invalid-working-hours");
        assertThat(api.put("/api/v1/businesses/" + salon.businessId + "/staff/" + UUID.randomUUID() + "/overrides/2026-12-24",
                "{\"hours\":[]}").code()).isEqualTo("staff-not-found");
        assertThat(api.put(miaPath + "/overrides/2026-12-24", "{\"hours\":[]}", "If-Match", "\"9\"").code())
                .isEqualTo("revision-mismatch");
        assertThat(storedEvents()).isEqualTo(events);
    }
}

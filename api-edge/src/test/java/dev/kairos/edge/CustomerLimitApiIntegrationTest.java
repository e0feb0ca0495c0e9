package dev.kairos.edge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's limit of bookings per customer per period, across staff members, through the API. */
class CustomerLimitApiIntegrationTest extends EngineTest {
    private Scenario salon;
    private UUID cut;
    private UUID mia;
    private UUID noah;

    @BeforeEach
    void salon() {
        salon = Scenario.business(api, "Salon", "Europe/Berlin");
        cut = salon.limitedService("Cut", 30, 1, "week");
        mia = salon.staff("Mia", "Europe/Berlin", List.of(cut), "09:00-17:00");
        noah = salon.staff("Noah", "Europe/Berlin", List.of(cut), "09:00-17:00");
    }

    @Test
    void theServiceShowsItsLimit() {
        Api.Response r = api.get("/api/v1/businesses/" + salon.businessId + "/services/" + cut);
        assertThat(r.json().path("customerLimit").path("max").asInt()).isEqualTo(1);
        assertThat(r.json().path("customerLimit").path("period").asString()).isEqualTo("WEEK");
    }

    @Test
    void aSecondBookingInTheWeekIsRejectedOnAnyStaffMemberAndStoresNothing() {
        assertThat(salon.book(cut, mia, "2026-12-07T10:00:00+01:00", "Ada").status()).isEqualTo(201);
        long events = storedEvents();

        Api.Response other = salon.book(cut, noah, "2026-12-09T10:00:00+01:00", "Ada");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("customer-limit-reached");
        Api.Response any = salon.bookAnyStaffVia(api, cut, "2026-12-13T16:00:00+01:00", "Ada");
        assertThat(any.status()).isEqualTo(409);
        assertThat(any.code()).isEqualTo("customer-limit-reached");
        assertThat(storedEvents()).isEqualTo(events);

        assertThat(salon.book(cut, noah, "2026-12-09T10:00:00+01:00", "Grace").status()).as("another customer").isEqualTo(201);
        assertThat(salon.book(cut, noah, "2026-12-14T10:00:00+01:00", "Ada").status()).as("the next week").isEqualTo(201);
    }

    @Test
    void cancellingFreesThePlaceAndReschedulingIntoAFullWeekIsRejected() {
        Api.Response first = salon.book(cut, mia, "2026-12-07T10:00:00+01:00", "Ada");
        Api.Response nextWeek = salon.book(cut, mia, "2026-12-14T10:00:00+01:00", "Ada");
        assertThat(nextWeek.status()).isEqualTo(201);

        Api.Response moved = api.post("/api/v1/appointments/" + nextWeek.text("id") + "/reschedule",
                "{\"start\":\"2026-12-08T10:00:00+01:00\",\"staffId\":\"" + noah + "\"}", "X-Business-Id", salon.tenant());
        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.code()).isEqualTo("customer-limit-reached");

        Api.Response cancelled = api.post("/api/v1/appointments/" + first.text("id") + "/cancel", "{}", "X-Business-Id", salon.tenant());
        assertThat(cancelled.status()).isEqualTo(200);
        Api.Response movedNow = api.post("/api/v1/appointments/" + nextWeek.text("id") + "/reschedule",
                "{\"start\":\"2026-12-08T10:00:00+01:00\",\"staffId\":\"" + noah + "\"}", "X-Business-Id", salon.tenant());
        assertThat(movedNow.status()).as(movedNow.raw().body()).isEqualTo(200);
        assertThat(salon.book(cut, mia, "2026-12-15T10:00:00+01:00", "Ada").status()).as("the week it left").isEqualTo(201);
    }

    @Test
    void theLimitCanBeRevisedAndRemoved() {
        Api.Response revised = api.put("/api/v1/businesses/" + salon.businessId + "/services/" + cut, """
                {"name":"Cut","duration":"PT30M","price":{"amount":"40.00","currency":"EUR"},"maxAdvanceDays":60,
                 "customerLimit":{"max":2,"period":"day"}}
                """);
        assertThat(revised.status()).as(revised.raw().body()).isEqualTo(200);
        assertThat(salon.book(cut, mia, "2026-12-07T10:00:00+01:00", "Ada").status()).isEqualTo(201);
        assertThat(salon.book(cut, noah, "2026-12-07T11:00:00+01:00", "Ada").status()).isEqualTo(201);
        assertThat(salon.book(cut, noah, "2026-12-07T12:00:00+01:00", "Ada").code()).isEqualTo("customer-limit-reached");
        assertThat(salon.book(cut, noah, "2026-12-08T12:00:00+01:00", "Ada").status()).isEqualTo(201);

        Api.Response unlimited = api.put("/api/v1/businesses/" + salon.businessId + "/services/" + cut, """
                {"name":"Cut","duration":"PT30M","price":{"amount":"40.00","currency":"EUR"},"maxAdvanceDays":60}
                """);
        assertThat(unlimited.status()).isEqualTo(200);
        assertThat(salon.book(cut, noah, "2026-12-07T12:00:00+01:00", "Ada").status()).isEqualTo(201);
    }
}

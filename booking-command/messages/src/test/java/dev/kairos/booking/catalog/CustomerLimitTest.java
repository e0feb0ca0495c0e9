package dev.kairos.booking.catalog;

import dev.kairos.booking.catalog.CustomerLimit.Period;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerLimitTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aLimitNeedsAtLeastOneBookingAndAPeriod() {
        assertThat(new CustomerLimit(1, Period.DAY).max()).isEqualTo(1);
        assertThat(new CustomerLimit(CustomerLimit.MAX, Period.MONTH).max()).isEqualTo(CustomerLimit.MAX);
        assertInvalid(() -> new CustomerLimit(0, Period.WEEK));
        assertInvalid(() -> new CustomerLimit(-3, Period.WEEK));
        assertInvalid(() -> new CustomerLimit(CustomerLimit.MAX + 1, Period.WEEK));
        assertInvalid(() -> new CustomerLimit(2, null));
    }

    @Test
    void periodsAreParsedByNameAndUnknownOnesAreInvalid() {
        assertThat(Period.parse("day")).isEqualTo(Period.DAY);
        assertThat(Period.parse("Week")).isEqualTo(Period.WEEK);
        assertThat(Period.parse("MONTH")).isEqualTo(Period.MONTH);
        assertInvalid(() -> Period.parse("fortnight"));
        assertInvalid(() -> Period.parse(null));
    }

    @Test
    void periodsFollowTheWallClockOfTheZone() {
        Instant lateSundayUtc = Instant.parse("2027-03-28T22:30:00Z"); // Monday 00:30 in Berlin (summer time)
        assertThat(new CustomerLimit(1, Period.DAY).periodOf(lateSundayUtc, BERLIN)).isEqualTo(LocalDate.of(2027, 3, 29));
        assertThat(new CustomerLimit(1, Period.WEEK).periodOf(lateSundayUtc, BERLIN)).isEqualTo(LocalDate.of(2027, 3, 29));
        assertThat(new CustomerLimit(1, Period.WEEK).periodOf(lateSundayUtc, ZoneId.of("UTC"))).isEqualTo(LocalDate.of(2027, 3, 22));
        Instant newYearsEveUtc = Instant.parse("2026-12-31T23:30:00Z"); // already January in Berlin
        assertThat(new CustomerLimit(1, Period.MONTH).periodOf(newYearsEveUtc, BERLIN)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(new CustomerLimit(1, Period.MONTH).periodOf(newYearsEveUtc, ZoneId.of("UTC"))).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    private static void assertInvalid(Runnable construction) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(BookingException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_LIMIT));
    }
}

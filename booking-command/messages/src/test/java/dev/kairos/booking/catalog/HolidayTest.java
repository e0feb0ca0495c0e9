package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.HolidayId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidayTest {
    private static final HolidayId ID = new HolidayId(new UUID(0, 1));
    private static final LocalDate XMAS = LocalDate.of(2026, 12, 25);

    @Test
    void coversItsDatesInTheGivenZone() {
        Holiday christmas = new Holiday(ID, "  Christmas ", XMAS, XMAS.plusDays(1));
        assertThat(christmas.name()).isEqualTo("Christmas");
        assertThat(christmas.period(ZoneId.of("Europe/Berlin")).start()).isEqualTo(Instant.parse("2026-12-24T23:00:00Z"));
        assertThat(christmas.period(ZoneId.of("Europe/Berlin")).end()).isEqualTo(Instant.parse("2026-12-26T23:00:00Z"));
        assertThat(christmas.period(ZoneId.of("America/New_York")).start()).isEqualTo(Instant.parse("2026-12-25T05:00:00Z"));
    }

    @Test
    void daylightSavingDaysKeepTheirRealLength() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate springForward = LocalDate.of(2027, 3, 28);
        assertThat(new Holiday(ID, "Short day", springForward, springForward).period(berlin).length()).isEqualTo(Duration.ofHours(23));
        // in Santiago the clocks jump from 24:00 to 01:00: the day starts at the end of the gap
        ZoneId santiago = ZoneId.of("America/Santiago");
        LocalDate gapDay = LocalDate.of(2026, 9, 6);
        Instant start = new Holiday(ID, "Gap day", gapDay, gapDay).period(santiago).start();
        assertThat(start.atZone(santiago).toLocalDate()).isEqualTo(gapDay);
        assertThat(start.atZone(santiago).toLocalTime()).isEqualTo(LocalTime.of(1, 0));
    }

    @Test
    void invalidHolidaysAreRejected() {
        assertRejected(() -> new Holiday(ID, " ", XMAS, XMAS), ErrorCode.VALIDATION_FAILED);
        assertRejected(() -> new Holiday(ID, "x".repeat(201), XMAS, XMAS), ErrorCode.VALIDATION_FAILED);
        assertRejected(() -> new Holiday(ID, "Christmas", null, XMAS), ErrorCode.VALIDATION_FAILED);
        assertRejected(() -> new Holiday(ID, "Christmas", XMAS, XMAS.minusDays(1)), ErrorCode.INVALID_TIME_RANGE);
        assertRejected(() -> new Holiday(ID, "Christmas", XMAS, XMAS.plusDays(Holiday.LONGEST_DAYS)), ErrorCode.INVALID_TIME_RANGE);
        assertThat(new Holiday(ID, "Year off", XMAS, XMAS.plusDays(Holiday.LONGEST_DAYS - 1)).to()).isEqualTo(XMAS.plusDays(365));
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode()).isEqualTo(code);
    }
}

package dev.kairos.booking.scheduling;

import dev.kairos.booking.catalog.ServiceTerms;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.kairos.booking.scheduling.Fixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

class BookingWindowTest {

    private static final Instant NOW = Instant.parse("2026-03-08T10:15:00Z");

    @Test
    void earliestIsNowPlusMinimumNoticeAndLatestIsNowPlusWholeDays() {
        ServiceTerms t = terms(Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO, Duration.ofHours(2), 14);
        BookingWindow window = BookingWindow.of(t, NOW);
        assertThat(window.earliest()).isEqualTo(Instant.parse("2026-03-08T12:15:00Z"));
        assertThat(window.latest()).isEqualTo(Instant.parse("2026-03-22T10:15:00Z"));
    }

    @Test
    void boundariesAreInclusive() {
        BookingWindow window = new BookingWindow(Instant.parse("2026-03-08T12:00:00Z"), Instant.parse("2026-03-09T12:00:00Z"));

        assertThat(window.tooSoon(Instant.parse("2026-03-08T11:59:59.999999999Z"))).isTrue();
        assertThat(window.tooSoon(Instant.parse("2026-03-08T12:00:00Z"))).isFalse();
        assertThat(window.tooSoon(Instant.parse("2026-03-09T12:00:00Z"))).isFalse();

        assertThat(window.tooLate(Instant.parse("2026-03-09T12:00:00Z"))).isFalse();
        assertThat(window.tooLate(Instant.parse("2026-03-09T12:00:00.000000001Z"))).isTrue();
        assertThat(window.tooLate(Instant.parse("2026-03-08T12:00:00Z"))).isFalse();
    }

    @Test
    void zeroNoticeMeansNowIsBookable() {
        BookingWindow window = BookingWindow.of(terms(30, 30), NOW);
        assertThat(window.earliest()).isEqualTo(NOW);
        assertThat(window.tooSoon(NOW)).isFalse();
        assertThat(window.tooSoon(NOW.minusNanos(1))).isTrue();
    }

    @Test
    void maximumAdvanceCountsTwentyFourHourDaysAcrossDaylightSavingChanges() {
        // New York springs forward on 2026-03-08: one calendar day later is only 23 hours later,
        // but the window is counted in 24-hour days.
        Instant now = Instant.parse("2026-03-07T17:00:00Z"); // 12:00 EST
        ServiceTerms t = terms(Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO, Duration.ZERO, 1);
        BookingWindow window = BookingWindow.of(t, now);
        assertThat(window.latest()).isEqualTo(Instant.parse("2026-03-08T17:00:00Z")); // 13:00 EDT
    }

    @Test
    void noticeLongerThanAdvanceGivesAnEmptyWindow() {
        ServiceTerms t = terms(Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO, Duration.ofDays(3), 2);
        BookingWindow window = BookingWindow.of(t, NOW);
        Instant start = NOW.plus(Duration.ofDays(2));
        assertThat(window.tooSoon(start) || window.tooLate(start)).isTrue();
        Instant later = NOW.plus(Duration.ofDays(3));
        assertThat(window.tooSoon(later) || window.tooLate(later)).isTrue();
    }

    @Test
    void maximumAdvanceLimits() {
        ServiceTerms t = terms(Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO, Duration.ZERO, 3660);
        assertThat(BookingWindow.of(t, NOW).latest()).isEqualTo(NOW.plus(Duration.ofDays(3660)));
    }
}

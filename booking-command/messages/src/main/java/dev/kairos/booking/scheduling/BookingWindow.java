package dev.kairos.booking.scheduling;

import dev.kairos.booking.catalog.ServiceTerms;

import java.time.Duration;
import java.time.Instant;

/**
 * When a service may start, seen from {@code now}: not before the minimum notice and not later than the maximum
 * advance (counted in 24-hour days).
 */
public record BookingWindow(Instant earliest, Instant latest) {

    public static BookingWindow of(ServiceTerms terms, Instant now) {
        return new BookingWindow(now.plus(terms.minimumNotice()), now.plus(Duration.ofDays(terms.maxAdvanceDays())));
    }

    public boolean tooSoon(Instant start) {
        return start.isBefore(earliest);
    }

    public boolean tooLate(Instant start) {
        return start.isAfter(latest);
    }
}

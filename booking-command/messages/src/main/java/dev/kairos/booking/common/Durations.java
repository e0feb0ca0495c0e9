package dev.kairos.booking.common;

import java.time.Duration;

/** Validation of durations carried by commands. */
public final class Durations {
    private Durations() {
    }

    public static Duration requireNonNegative(Duration d, String what) {
        BookingException.require(d != null && !d.isNegative(), ErrorCode.INVALID_DURATION, () -> what + " must not be negative");
        return d;
    }

    public static Duration requirePositive(Duration d, String what, Duration max) {
        BookingException.require(d != null && !d.isNegative() && !d.isZero() && d.compareTo(max) <= 0, ErrorCode.INVALID_DURATION,
                () -> what + " must be positive and at most " + max);
        return d;
    }
}

package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Wall-clock working time within one day, {@code [from, to)}. A {@code to} of 00:00 means the end of the day
 * (24:00), so 22:00–00:00 is the last two hours of the day.
 */
public record WorkingInterval(LocalTime from, LocalTime to) {
    public WorkingInterval {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        BookingException.require(endsAtMidnight(to) || to.isAfter(from), ErrorCode.INVALID_WORKING_HOURS,
                () -> "working interval must end after it starts: " + from + "-" + to);
        BookingException.require(from.getNano() == 0 && to.getNano() == 0 && from.getSecond() == 0 && to.getSecond() == 0,
                ErrorCode.INVALID_WORKING_HOURS, "working hours are whole minutes");
    }

    private static boolean endsAtMidnight(LocalTime to) {
        return to.equals(LocalTime.MIDNIGHT);
    }

    public boolean endsAtMidnight() {
        return endsAtMidnight(to);
    }

    /** Whether this interval overlaps another of the same day. */
    public boolean overlaps(WorkingInterval o) {
        boolean thisEndsAfterOtherStarts = endsAtMidnight() || to.isAfter(o.from);
        boolean otherEndsAfterThisStarts = o.endsAtMidnight() || o.to.isAfter(from);
        return thisEndsAfterOtherStarts && otherEndsAfterThisStarts;
    }
}

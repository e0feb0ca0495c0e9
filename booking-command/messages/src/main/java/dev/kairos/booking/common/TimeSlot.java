package dev.kairos.booking.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open interval {@code [start, end)} on the time line. */
public record TimeSlot(Instant start, Instant end) implements Comparable<TimeSlot> {
    public TimeSlot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        BookingException.require(end.isAfter(start), ErrorCode.INVALID_TIME_RANGE,
                () -> "end " + end + " must be after start " + start);
    }

    public static TimeSlot of(Instant start, Duration length) {
        return new TimeSlot(start, start.plus(length));
    }

    public boolean overlaps(TimeSlot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(TimeSlot other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** This slot widened by a buffer before and after. */
    public TimeSlot widen(Duration before, Duration after) {
        return new TimeSlot(start.minus(before), end.plus(after));
    }

    @Override
    public int compareTo(TimeSlot o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : end.compareTo(o.end);
    }
}

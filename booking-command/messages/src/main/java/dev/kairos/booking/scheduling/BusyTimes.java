package dev.kairos.booking.scheduling;

import dev.kairos.booking.common.TimeSlot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A staff member's blocked intervals, answering "does this interval collide with any of them" in O(log n).
 * The intervals need not be disjoint or sorted.
 */
public final class BusyTimes {
    private final long[] starts;
    private final long[] maxEndUpTo;

    private BusyTimes(List<TimeSlot> sorted) {
        starts = new long[sorted.size()];
        maxEndUpTo = new long[sorted.size()];
        long maxEnd = Long.MIN_VALUE;
        for (int i = 0; i < sorted.size(); i++) {
            starts[i] = micros(sorted.get(i).start());
            maxEnd = Math.max(maxEnd, micros(sorted.get(i).end()));
            maxEndUpTo[i] = maxEnd;
        }
    }

    public static BusyTimes of(List<TimeSlot> intervals) {
        List<TimeSlot> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.naturalOrder());
        return new BusyTimes(sorted);
    }

    public static BusyTimes none() {
        return new BusyTimes(List.of());
    }

    /** Whether {@code slot} overlaps any busy interval (half-open: touching is not overlapping). */
    public boolean collides(TimeSlot slot) {
        long end = micros(slot.end());
        int idx = lastStartBefore(end);
        return idx >= 0 && maxEndUpTo[idx] > micros(slot.start());
    }

    private int lastStartBefore(long value) {
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < value) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}

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
    private BusyTimes(long[] starts, long[] maxEndUpTo) {
        this.starts = starts;
        this.maxEndUpTo = maxEndUpTo;
    }

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

    /** Collects intervals handed over in ascending order of their start, as microseconds since the epoch. */
    public static Sorted sorted() {
        return new Sorted();
    }

    public static final class Sorted {
        private long[] starts = new long[32];
        private long[] maxEnds = new long[32];
        private int size;
        private long maxEnd = Long.MIN_VALUE;

        private Sorted() {
        }

        public Sorted add(long startMicros, long endMicros) {
            if (size > 0 && startMicros < starts[size - 1]) {
                throw new IllegalArgumentException("intervals must come in ascending order of start");
            }
            if (size == starts.length) {
                starts = java.util.Arrays.copyOf(starts, size * 2);
                maxEnds = java.util.Arrays.copyOf(maxEnds, size * 2);
            }
            maxEnd = Math.max(maxEnd, endMicros);
            starts[size] = startMicros;
            maxEnds[size] = maxEnd;
            size++;
            return this;
        }

        public BusyTimes build() {
            return new BusyTimes(java.util.Arrays.copyOf(starts, size), java.util.Arrays.copyOf(maxEnds, size));
        }
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

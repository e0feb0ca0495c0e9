package dev.kairos.benchmark;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a load phase measured. {@code measured} holds the requests started inside the measured window,
 * {@code total} every request including warm-up.
 */
record PhaseResult(String name, double seconds, Map<Integer, Long> measured, Map<Integer, Long> total,
                   long[] sortedLatencyNanos, long quantity, String firstFailure) {

    long attempts() {
        return sortedLatencyNanos.length;
    }

    long measured(int code) {
        return measured.getOrDefault(code, 0L);
    }

    long total(int code) {
        return total.getOrDefault(code, 0L);
    }

    double perSecond(long count) {
        return count / seconds;
    }

    double share(int code) {
        return attempts() == 0 ? 0 : (double) measured(code) / attempts();
    }

    double meanQuantity() {
        return attempts() == 0 ? 0 : (double) quantity / attempts();
    }

    /** Latency at quantile {@code q} (0..1), nearest-rank, in milliseconds. */
    double millisAt(double q) {
        if (sortedLatencyNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sortedLatencyNanos.length);
        return sortedLatencyNanos[Math.max(0, rank - 1)] / 1e6;
    }

    double maxMillis() {
        return millisAt(1);
    }

    /** Counts of outcomes, over the whole phase, other than the expected ones. */
    Map<Integer, Long> unexpected(Set<Integer> expected) {
        Map<Integer, Long> other = new TreeMap<>(total);
        other.keySet().removeAll(expected);
        return other;
    }
}

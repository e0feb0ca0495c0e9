package dev.kairos.benchmark;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Counts of outcomes, and for measured requests their latencies; filled by one thread, then merged. */
final class Tally {
    private final Map<Integer, Long> codes = new TreeMap<>();
    private long[] latencies = new long[1024];
    private int size;
    private long quantity;

    void count(Outcome outcome) {
        codes.merge(outcome.code(), 1L, Long::sum);
    }

    void measure(Outcome outcome, long latencyNanos) {
        count(outcome);
        quantity += outcome.quantity();
        if (size == latencies.length) {
            latencies = Arrays.copyOf(latencies, size * 2);
        }
        latencies[size++] = latencyNanos;
    }

    void addAll(Tally other) {
        other.codes.forEach((code, n) -> codes.merge(code, n, Long::sum));
        quantity += other.quantity;
        for (int i = 0; i < other.size; i++) {
            if (size == latencies.length) {
                latencies = Arrays.copyOf(latencies, size * 2);
            }
            latencies[size++] = other.latencies[i];
        }
    }

    Map<Integer, Long> codes() {
        return Map.copyOf(codes);
    }

    long quantity() {
        return quantity;
    }

    long[] sortedLatencies() {
        long[] sorted = Arrays.copyOf(latencies, size);
        Arrays.sort(sorted);
        return sorted;
    }
}

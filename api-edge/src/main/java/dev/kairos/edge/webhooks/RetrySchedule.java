package dev.kairos.edge.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff with full jitter, on a fixed grid from the delivery's
 * creation. Retry {@code k} (1-based) falls at a uniformly random instant of window {@code k}, which starts where
 * window {@code k - 1} ends; window {@code k} is {@code min(cap, base * 2^(k-1))} wide. So retries never bunch
 * (each is anywhere in its window), the gaps grow exponentially, and the whole schedule has a guaranteed span: with
 * the defaults (15 attempts, base 30 s, cap 6 h) the last retry is 26 h 31.5 min to 32 h 31.5 min after the first attempt.
 */
record RetrySchedule(int maxAttempts, Duration base, Duration cap) {

    RetrySchedule {
        if (maxAttempts < 1 || base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("a retry schedule needs at least one attempt and 0 < base <= cap");
        }
    }

    /** How many retries follow the first attempt. */
    int retries() {
        return maxAttempts - 1;
    }

    /** The width of retry window {@code k}. */
    Duration window(int k) {
        long millis = base.toMillis();
        for (int i = 1; i < k && millis < cap.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }

    /** Where retry window {@code k} starts, from the delivery's creation. */
    Duration windowStart(int k) {
        Duration start = Duration.ZERO;
        for (int i = 1; i < k; i++) {
            start = start.plus(window(i));
        }
        return start;
    }

    /**
     * When retry {@code k} is due for a delivery created at {@code created}, drawing from {@code random}. A retry
     * whose window passed already (the engine was away, or a manual attempt came between) falls at a random instant
     * of a window of the same width from {@code now}, so retries never follow each other at once.
     */
    Instant retryAt(int k, Instant created, Instant now, RandomGenerator random) {
        long width = window(k).toMillis();
        Instant at = created.plus(windowStart(k)).plusMillis(random.nextLong(width));
        return at.isBefore(now) ? now.plusMillis(random.nextLong(width)) : at;
    }
}

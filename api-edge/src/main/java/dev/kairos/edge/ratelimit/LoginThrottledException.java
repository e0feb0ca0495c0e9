package dev.kairos.edge.ratelimit;

import java.time.Duration;

/** Too many failed logins for this account or from this address: the next attempt may come after {@link #retryAfter()}. */
public class LoginThrottledException extends RuntimeException {
    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("too many failed logins; try again in " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The {@code Retry-After} value: whole seconds, rounded up, at least one. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }
}

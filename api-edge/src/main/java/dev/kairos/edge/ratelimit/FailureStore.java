package dev.kairos.edge.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Failed logins per key (an account or an address) and until when the key is throttled. */
interface FailureStore {
    /** Counts one more failure at {@code now}; failures more than {@code forgetAfter} before it are forgotten first. */
    long countFailure(String key, Instant now, Duration forgetAfter);

    /** Throttles {@code key} at least until {@code until} (a later throttle already in place stays). */
    void throttleUntil(String key, Instant until, Duration forgetAfter);

    Optional<Instant> throttledUntil(String key);

    void forget(String key);
}

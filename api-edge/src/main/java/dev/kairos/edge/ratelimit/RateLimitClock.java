package dev.kairos.edge.ratelimit;

import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Instant;

/**
 * The time rate limits and login throttling count in: wall-clock time, so that nodes sharing counters in Redis
 * agree. A bean of its own (named {@code rateLimitClock}), not the engine's {@link Clock}: tests fix that one at one
 * instant, and budgets would never refill.
 */
public final class RateLimitClock implements TimeMeter {
    private final Clock clock;

    public RateLimitClock(Clock clock) {
        this.clock = clock;
    }

    public Instant instant() {
        return clock.instant();
    }

    public long millis() {
        return clock.millis();
    }

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}

package dev.kairos.edge.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Failed logins in this node's memory: at most {@code maxKeys} keys, each dropped {@code forgetAfter} after its last change. */
final class LocalFailures implements FailureStore {
    private record Entry(long failures, Instant lastFailure, Instant throttledUntil) {
    }

    private final Cache<String, Entry> entries;

    LocalFailures(RateLimitClock clock, int maxKeys, Duration forgetAfter) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterWrite(forgetAfter)
                .ticker(clock::currentTimeNanos)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public long countFailure(String key, Instant now, Duration forgetAfter) {
        Entry entry = entries.asMap().compute(key, (k, old) -> {
            boolean forgotten = old == null || old.lastFailure().plus(forgetAfter).isBefore(now);
            return new Entry(forgotten ? 1 : old.failures() + 1, now, old == null ? Instant.EPOCH : old.throttledUntil());
        });
        return entry.failures();
    }

    @Override
    public void throttleUntil(String key, Instant until, Duration forgetAfter) {
        entries.asMap().compute(key, (k, old) -> old == null
                ? new Entry(0, Instant.EPOCH, until)
                : new Entry(old.failures(), old.lastFailure(), until.isAfter(old.throttledUntil()) ? until : old.throttledUntil()));
    }

    @Override
    public Optional<Instant> throttledUntil(String key) {
        Entry entry = entries.getIfPresent(key);
        return entry == null || entry.throttledUntil().equals(Instant.EPOCH) ? Optional.empty() : Optional.of(entry.throttledUntil());
    }

    @Override
    public void forget(String key) {
        entries.invalidate(key);
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}

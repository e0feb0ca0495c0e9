package dev.kairos.edge.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in this node's memory, at most {@code maxKeys} per policy: a bucket untouched for its policy's
 * window has refilled completely, so it is dropped then; under a flood of new addresses the least recently used
 * buckets go first, so memory stays bounded whatever arrives.
 */
final class LocalBuckets implements Buckets {
    private final RateLimitClock clock;
    private final int maxKeys;
    private final Map<Policy, Cache<String, Bucket>> byPolicy = new ConcurrentHashMap<>();

    LocalBuckets(RateLimitClock clock, int maxKeys) {
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    @Override
    public ConsumptionProbe tryConsume(Policy policy, String key) {
        Bucket bucket = cache(policy).get(key, k -> Bucket.builder()
                .addLimit(policy.bucket().getBandwidths()[0])
                .withCustomTimePrecision(clock)
                .build());
        return bucket.tryConsumeAndReturnRemaining(1);
    }

    /** How many buckets this node holds now, over all policies (after pending evictions). */
    long size() {
        return byPolicy.values().stream().peek(Cache::cleanUp).mapToLong(Cache::estimatedSize).sum();
    }

    private Cache<String, Bucket> cache(Policy policy) {
        return byPolicy.computeIfAbsent(policy, p -> Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(p.window())
                .ticker(clock::currentTimeNanos)
                .executor(Runnable::run)
                .build());
    }
}

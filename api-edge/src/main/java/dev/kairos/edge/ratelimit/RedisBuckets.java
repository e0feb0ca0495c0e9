package dev.kairos.edge.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Duration;

/**
 * Token buckets in Redis, shared by every node (compare-and-swap updates, so two nodes never both spend the last
 * token). A bucket's key expires once it would have refilled completely.
 */
final class RedisBuckets implements Buckets {
    private final ProxyManager<String> buckets;
    private final String prefix;

    RedisBuckets(StatefulRedisConnection<String, byte[]> connection, RateLimitClock clock, String prefix, Duration timeout) {
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(clock)
                .requestTimeout(timeout)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        this.prefix = prefix + "bucket:";
    }

    @Override
    public ConsumptionProbe tryConsume(Policy policy, String key) {
        return buckets.builder()
                .withImplicitConfigurationReplacement(policy.version(), TokensInheritanceStrategy.PROPORTIONALLY)
                .build(prefix + policy.name() + ":" + key, policy::bucket)
                .tryConsumeAndReturnRemaining(1);
    }
}

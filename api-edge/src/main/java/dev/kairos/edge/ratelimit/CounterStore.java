package dev.kairos.edge.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * Where this node keeps its counters: request buckets and failed logins, in memory or, when
 * {@code kairos.rate-limits.redis-url} is set, in Redis (one client, connected at start so that a wrong address
 * fails the start rather than the first request).
 */
final class CounterStore implements AutoCloseable {
    private final Buckets buckets;
    private final FailureStore failures;
    private final AutoCloseable connections;

    private CounterStore(Buckets buckets, FailureStore failures, AutoCloseable connections) {
        this.buckets = buckets;
        this.failures = failures;
        this.connections = connections;
    }

    static CounterStore of(RateLimitProperties properties, RateLimitClock clock) {
        return properties.shared() ? redis(properties, clock) : inMemory(properties, clock);
    }

    static CounterStore inMemory(RateLimitProperties properties, RateLimitClock clock) {
        return new CounterStore(new LocalBuckets(clock, properties.maxTrackedKeys()),
                new LocalFailures(clock, properties.maxTrackedKeys(), properties.login().forgetAfter()), () -> { });
    }

    static CounterStore redis(RateLimitProperties properties, RateLimitClock clock) {
        RedisURI uri = RedisURI.create(properties.redisUrl());
        uri.setTimeout(properties.redisTimeout());
        RedisClient client = RedisClient.create(uri);
        try {
            StatefulRedisConnection<String, byte[]> binary = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            StatefulRedisConnection<String, String> text = client.connect(StringCodec.UTF8);
            return new CounterStore(
                    new RedisBuckets(binary, clock, properties.redisKeyPrefix(), properties.redisTimeout()),
                    new RedisFailures(text.sync(), properties.redisKeyPrefix()),
                    () -> {
                        binary.close();
                        text.close();
                        client.shutdown();
                    });
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    Buckets buckets() {
        return buckets;
    }

    FailureStore failures() {
        return failures;
    }

    @Override
    public void close() throws Exception {
        connections.close();
    }
}

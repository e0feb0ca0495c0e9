package dev.kairos.edge.ratelimit;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed logins in Redis, shared by every node: one hash per key ({@code n} failures, {@code last} failure and
 * {@code until}, epoch milliseconds), changed atomically by scripts and expiring {@code forgetAfter} after its last change.
 */
final class RedisFailures implements FailureStore {
    private static final String COUNT = """
            local n = tonumber(redis.call('HGET', KEYS[1], 'n') or '0')
            local last = tonumber(redis.call('HGET', KEYS[1], 'last') or '0')
            if tonumber(ARGV[1]) - last > tonumber(ARGV[2]) then n = 0 end
            n = n + 1
            redis.call('HSET', KEYS[1], 'n', n, 'last', ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return n
            """;
    private static final String THROTTLE = """
            local current = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
            if tonumber(ARGV[1]) > current then redis.call('HSET', KEYS[1], 'until', ARGV[1]) end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """;

    private final RedisCommands<String, String> redis;
    private final String prefix;

    RedisFailures(RedisCommands<String, String> redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix + "login:";
    }

    @Override
    public long countFailure(String key, Instant now, Duration forgetAfter) {
        Long failures = redis.eval(COUNT, ScriptOutputType.INTEGER, new String[]{prefix + key},
                Long.toString(now.toEpochMilli()), Long.toString(forgetAfter.toMillis()));
        return failures;
    }

    @Override
    public void throttleUntil(String key, Instant until, Duration forgetAfter) {
        redis.eval(THROTTLE, ScriptOutputType.INTEGER, new String[]{prefix + key},
                Long.toString(until.toEpochMilli()), Long.toString(forgetAfter.toMillis()));
    }

    @Override
    public Optional<Instant> throttledUntil(String key) {
        String until = redis.hget(prefix + key, "until");
        return until == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(until)));
    }

    @Override
    public void forget(String key) {
        redis.del(prefix + key);
    }
}

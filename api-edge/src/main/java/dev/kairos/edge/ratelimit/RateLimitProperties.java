package dev.kairos.edge.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Abuse throttling ({@code kairos.rate-limits}): request budgets per client IP (anonymous callers), per user and per
 * API key, and login throttling. With {@code redis-url} set, every node counts against the same budgets in Redis;
 * without it, each node keeps its own counters in bounded memory.
 *
 * @param enabled         whether request budgets are enforced (login throttling always is)
 * @param perIp           the budget of each client address for requests without an authenticated caller
 * @param perUser         the budget of each signed-in user, wherever the requests come from
 * @param perApiKey       the budget of each API key
 * @param maxTrackedKeys  how many callers a node keeps counters for, per budget, when counting in memory
 * @param redisUrl        e.g. {@code redis://127.0.0.1:6379/0}; absent: counters in memory on each node
 * @param redisKeyPrefix  prefix of every key written to Redis
 * @param redisTimeout    how long a Redis round trip may take
 * @param login           login throttling against password guessing
 */
@ConfigurationProperties("kairos.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"300", "1m"}) Budget perIp,
        @DefaultValue({"600", "1m"}) Budget perUser,
        @DefaultValue({"1200", "1m"}) Budget perApiKey,
        @DefaultValue("100000") int maxTrackedKeys,
        String redisUrl,
        @DefaultValue("kairos:rl:") String redisKeyPrefix,
        @DefaultValue("1s") Duration redisTimeout,
        @DefaultValue Login login) {

    public RateLimitProperties {
        if (maxTrackedKeys < 1) {
            throw new IllegalArgumentException("kairos.rate-limits.max-tracked-keys must be positive");
        }
        redisUrl = redisUrl == null || redisUrl.isBlank() ? null : redisUrl.strip();
    }

    /** Whether counters live in Redis, shared by all nodes. */
    public boolean shared() {
        return redisUrl != null;
    }

    /** {@code capacity} requests per {@code period}, refilled smoothly over the period. */
    public record Budget(long capacity, Duration period) {
        public Budget {
            if (capacity < 1 || period == null || period.isNegative() || period.toSeconds() < 1) {
                throw new IllegalArgumentException("a rate-limit budget needs a positive capacity and a period of at least one second");
            }
        }
    }

    /**
     * After {@code accountFailures} failed logins for one account (or {@code ipFailures} from one address), each
     * further attempt waits: {@code firstWait}, doubling with every further failure, at most {@code maxWait}. Failures
     * older than {@code forgetAfter} no longer count; a successful login clears the account's failures.
     */
    public record Login(
            @DefaultValue("5") int accountFailures,
            @DefaultValue("20") int ipFailures,
            @DefaultValue("1s") Duration firstWait,
            @DefaultValue("15m") Duration maxWait,
            @DefaultValue("1h") Duration forgetAfter) {
        public Login {
            if (accountFailures < 1 || ipFailures < 1) {
                throw new IllegalArgumentException("kairos.rate-limits.login failure thresholds must be positive");
            }
            if (firstWait.isNegative() || firstWait.isZero() || maxWait.compareTo(firstWait) < 0 || forgetAfter.compareTo(maxWait) < 0) {
                throw new IllegalArgumentException("kairos.rate-limits.login needs 0 < first-wait <= max-wait <= forget-after");
            }
        }
    }
}

package dev.kairos.edge.ratelimit;

import dev.kairos.edge.access.Caller;
import io.github.bucket4j.ConsumptionProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Decides whether a request fits its caller's budget: a signed-in user or an API key is counted by its own id, an
 * anonymous request by its client address. When the shared counters cannot be reached the request goes through
 * (an outage of Redis must not take the API down) and the failure is logged.
 */
final class RateLimiter {
    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final Buckets buckets;
    private final Policy perIp;
    private final Policy perUser;
    private final Policy perApiKey;

    RateLimiter(Buckets buckets, RateLimitProperties properties) {
        this.buckets = buckets;
        this.perIp = Policy.of("ip", properties.perIp());
        this.perUser = Policy.of("user", properties.perUser());
        this.perApiKey = Policy.of("api-key", properties.perApiKey());
    }

    /** Spends one request of the budget that {@code caller} (or, when anonymous, {@code remoteAddress}) counts against. */
    Optional<Decision> take(Optional<Caller> caller, String remoteAddress) {
        Policy policy = caller.map(c -> c.kind() == Caller.Kind.API_KEY ? perApiKey : perUser).orElse(perIp);
        String key = caller.map(Caller::limitKey).orElseGet(() -> "ip:" + ClientAddress.key(remoteAddress));
        try {
            return Optional.of(Decision.of(policy, buckets.tryConsume(policy, key)));
        } catch (RuntimeException e) {
            log.warn("rate-limit counters unreachable; request let through: {}", e.toString());
            return Optional.empty();
        }
    }

    /** The outcome for one request, with the numbers the response headers tell. */
    record Decision(Policy policy, boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {

        static Decision of(Policy policy, ConsumptionProbe probe) {
            return new Decision(policy, probe.isConsumed(), probe.getRemainingTokens(),
                    seconds(probe.getNanosToWaitForReset()),
                    probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
        }

        /** {@code RateLimit: "ip";r=299;t=1} */
        String header() {
            return "\"" + policy.name() + "\";r=" + remaining + ";t=" + resetSeconds;
        }

        private static long seconds(long nanos) {
            return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
        }
    }
}

package dev.kairos.edge.ratelimit;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.Role;
import dev.kairos.edge.access.Scope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {
    private static final Optional<Caller> ANONYMOUS = Optional.empty();
    private final ManualClock time = new ManualClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final RateLimitClock clock = new RateLimitClock(time);

    static RateLimitProperties budgets(long perIp, long perUser, long perApiKey, int maxTrackedKeys) {
        return new RateLimitProperties(true,
                new RateLimitProperties.Budget(perIp, Duration.ofMinutes(1)),
                new RateLimitProperties.Budget(perUser, Duration.ofMinutes(1)),
                new RateLimitProperties.Budget(perApiKey, Duration.ofMinutes(1)),
                maxTrackedKeys, null, "kairos:rl:", Duration.ofSeconds(1), LoginThrottleTest.login());
    }

    private RateLimiter limiter(LocalBuckets buckets) {
        return new RateLimiter(buckets, budgets(3, 5, 7, 1000));
    }

    private RateLimiter limiter() {
        return limiter(new LocalBuckets(clock, 1000));
    }

    @Test
    void anAnonymousAddressSpendsItsBudgetAndIsToldWhereItStands() {
        RateLimiter limiter = limiter();

        RateLimiter.Decision first = limiter.take(ANONYMOUS, "203.0.113.7").orElseThrow();
        assertThat(first.allowed()).isTrue();
        assertThat(first.policy().header()).isEqualTo("\"ip\";q=3;w=60");
        // 3 per minute refill one every 20 s: one spent → full again in 20 s
        assertThat(first.header()).isEqualTo("\"ip\";r=2;t=20");
        assertThat(limiter.take(ANONYMOUS, "203.0.113.7").orElseThrow().header()).isEqualTo("\"ip\";r=1;t=40");
        assertThat(limiter.take(ANONYMOUS, "203.0.113.7").orElseThrow().header()).isEqualTo("\"ip\";r=0;t=60");

        RateLimiter.Decision over = limiter.take(ANONYMOUS, "203.0.113.7").orElseThrow();
        assertThat(over.allowed()).isFalse();
        assertThat(over.remaining()).isZero();
        assertThat(over.retryAfterSeconds()).isEqualTo(20);
        assertThat(over.header()).isEqualTo("\"ip\";r=0;t=60");
    }

    @Test
    void aSpentBudgetRefillsWithTime() {
        RateLimiter limiter = limiter();
        for (int i = 0; i < 3; i++) {
            limiter.take(ANONYMOUS, "203.0.113.7");
        }
        time.advance(Duration.ofSeconds(19));
        RateLimiter.Decision early = limiter.take(ANONYMOUS, "203.0.113.7").orElseThrow();
        assertThat(early.allowed()).isFalse();
        assertThat(early.retryAfterSeconds()).isEqualTo(1);

        time.advance(Duration.ofSeconds(1));
        assertThat(limiter.take(ANONYMOUS, "203.0.113.7").orElseThrow().allowed()).isTrue();
        assertThat(limiter.take(ANONYMOUS, "203.0.113.7").orElseThrow().allowed()).isFalse();

        time.advance(Duration.ofMinutes(1));
        assertThat(limiter.take(ANONYMOUS, "203.0.113.7").orElseThrow().header()).isEqualTo("\"ip\";r=2;t=20");
    }

    @Test
    void addressesHaveBudgetsOfTheirOwn() {
        RateLimiter limiter = limiter();
        for (int i = 0; i < 3; i++) {
            limiter.take(ANONYMOUS, "203.0.113.7");
        }
        assertThat(limiter.take(ANONYMOUS, "203.0.113.7").orElseThrow().allowed()).isFalse();
        assertThat(limiter.take(ANONYMOUS, "203.0.113.8").orElseThrow().allowed()).isTrue();
    }

    @Test
    void usersAndApiKeysAreCountedByThemselvesNotByTheirAddress() {
        RateLimiter limiter = limiter();
        Optional<Caller> alice = Optional.of(user());
        Optional<Caller> bob = Optional.of(user());
        Optional<Caller> key = Optional.of(Caller.apiKey(UUID.randomUUID(), new BusinessId(UUID.randomUUID()), Set.of(Scope.CATALOG_READ)));

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.take(alice, "203.0.113.7").orElseThrow().allowed()).isTrue();
        }
        RateLimiter.Decision over = limiter.take(alice, "198.51.100.1").orElseThrow();
        assertThat(over.allowed()).as("alice's budget follows her to another address").isFalse();
        assertThat(over.policy().header()).isEqualTo("\"user\";q=5;w=60");

        assertThat(limiter.take(bob, "203.0.113.7").orElseThrow().header()).isEqualTo("\"user\";r=4;t=12");
        assertThat(limiter.take(ANONYMOUS, "203.0.113.7").orElseThrow().header()).isEqualTo("\"ip\";r=2;t=20");
        RateLimiter.Decision integration = limiter.take(key, "203.0.113.7").orElseThrow();
        assertThat(integration.policy().header()).isEqualTo("\"api-key\";q=7;w=60");
        assertThat(integration.remaining()).isEqualTo(6);
    }

    @Test
    void ipv6ClientsAreCountedByTheirSlash64() {
        RateLimiter limiter = limiter();
        limiter.take(ANONYMOUS, "2001:db8:1:2::1");
        limiter.take(ANONYMOUS, "2001:db8:1:2:aaaa::7");
        limiter.take(ANONYMOUS, "2001:0db8:0001:0002:ffff:ffff:ffff:ffff");
        assertThat(limiter.take(ANONYMOUS, "2001:db8:1:2::99").orElseThrow().allowed()).isFalse();
        assertThat(limiter.take(ANONYMOUS, "2001:db8:1:3::1").orElseThrow().allowed()).isTrue();

        assertThat(ClientAddress.key("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("[2001:db8:1:2::1]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ClientAddress.key(null)).isEqualTo("unknown");
    }

    @Test
    void aFloodOfAddressesKeepsMemoryBounded() {
        LocalBuckets buckets = new LocalBuckets(clock, 100);
        RateLimiter limiter = limiter(buckets);
        for (int i = 0; i < 20_000; i++) {
            limiter.take(ANONYMOUS, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(buckets.size()).isLessThanOrEqualTo(100);

        // a bucket untouched for its whole window has refilled, so it is dropped
        time.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(buckets.size()).isZero();
    }

    @Test
    void whenTheCountersCannotBeReachedRequestsGoThrough() {
        RateLimiter limiter = new RateLimiter((policy, key) -> {
            throw new IllegalStateException("connection refused");
        }, budgets(3, 5, 7, 10));
        assertThat(limiter.take(ANONYMOUS, "203.0.113.7")).isEmpty();
    }

    @Test
    void budgetsMustBePositive() {
        assertThatThrownBy(() -> new RateLimitProperties.Budget(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitProperties.Budget(10, Duration.ofMillis(500))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> budgets(1, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(budgets(1, 1, 1, 1).shared()).isFalse();
    }

    private static Caller user() {
        return Caller.user(UUID.randomUUID(), new BusinessId(UUID.randomUUID()), Set.of(Role.OWNER), null, null, UUID.randomUUID());
    }
}

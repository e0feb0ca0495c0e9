package dev.kairos.edge.ratelimit;

import dev.kairos.edge.access.Caller;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two nodes sharing their counters through the real Redis on 127.0.0.1:6379, under a key prefix of this run's own. */
class RedisRateLimitTest {
    private static final String REDIS = "redis://127.0.0.1:6379/0";
    private static final Optional<Caller> ANONYMOUS = Optional.empty();
    private final String prefix = "kairos-test:" + UUID.randomUUID() + ":";
    private final ManualClock time = new ManualClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final RateLimitClock clock = new RateLimitClock(time);
    private final RateLimitProperties properties = shared(RateLimiterTest.budgets(3, 5, 7, 1000));
    private final CounterStore nodeA = CounterStore.of(properties, clock);
    private final CounterStore nodeB = CounterStore.of(properties, clock);

    @AfterEach
    void cleanUp() throws Exception {
        nodeA.close();
        nodeB.close();
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            var keys = connection.sync().keys(prefix + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    void twoNodesSpendOneBudget() {
        RateLimiter a = new RateLimiter(nodeA.buckets(), properties);
        RateLimiter b = new RateLimiter(nodeB.buckets(), properties);

        assertThat(a.take(ANONYMOUS, "203.0.113.7").orElseThrow().header()).isEqualTo("\"ip\";r=2;t=20");
        assertThat(b.take(ANONYMOUS, "203.0.113.7").orElseThrow().header()).isEqualTo("\"ip\";r=1;t=40");
        assertThat(a.take(ANONYMOUS, "203.0.113.7").orElseThrow().header()).isEqualTo("\"ip\";r=0;t=60");
        RateLimiter.Decision over = b.take(ANONYMOUS, "203.0.113.7").orElseThrow();
        assertThat(over.allowed()).isFalse();
        assertThat(over.retryAfterSeconds()).isEqualTo(20);
        assertThat(a.take(ANONYMOUS, "203.0.113.7").orElseThrow().allowed()).isFalse();
        assertThat(a.take(ANONYMOUS, "198.51.100.1").orElseThrow().allowed()).isTrue();

        time.advance(Duration.ofSeconds(20));
        assertThat(b.take(ANONYMOUS, "203.0.113.7").orElseThrow().allowed()).isTrue();
        assertThat(a.take(ANONYMOUS, "203.0.113.7").orElseThrow().allowed()).isFalse();
    }

    @Test
    void twoNodesCountOneAccountsFailedLogins() {
        LoginThrottle a = new LoginThrottle(nodeA.failures(), LoginThrottleTest.login(), clock);
        LoginThrottle b = new LoginThrottle(nodeB.failures(), LoginThrottleTest.login(), clock);

        a.failed("ann@example.com", "203.0.113.7");
        b.failed("ann@example.com", "198.51.100.1");
        assertThatCode(() -> a.check("ann@example.com", "203.0.113.7")).doesNotThrowAnyException();
        a.failed("ann@example.com", "192.0.2.1");

        assertThatThrownBy(() -> b.check("ann@example.com", "192.0.2.50"))
                .isInstanceOfSatisfying(LoginThrottledException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        time.advance(Duration.ofSeconds(1));
        b.failed("ann@example.com", "192.0.2.50");
        assertThatThrownBy(() -> a.check("ann@example.com", "203.0.113.7"))
                .isInstanceOfSatisfying(LoginThrottledException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2)));

        b.succeeded("ann@example.com", "192.0.2.50");
        assertThatCode(() -> a.check("ann@example.com", "203.0.113.7")).doesNotThrowAnyException();
    }

    @Test
    void twoNodesCountOneAddresssFailedLogins() {
        LoginThrottle a = new LoginThrottle(nodeA.failures(), LoginThrottleTest.login(), clock);
        LoginThrottle b = new LoginThrottle(nodeB.failures(), LoginThrottleTest.login(), clock);
        for (int i = 0; i < 6; i++) {
            (i % 2 == 0 ? a : b).failed("user" + i + "@example.com", "203.0.113.7");
        }
        assertThatThrownBy(() -> a.check("new@example.com", "203.0.113.7")).isInstanceOf(LoginThrottledException.class);
        assertThatThrownBy(() -> b.check("new@example.com", "203.0.113.7")).isInstanceOf(LoginThrottledException.class);
        assertThatCode(() -> b.check("new@example.com", "203.0.113.8")).doesNotThrowAnyException();

        // failures older than forget-after count no more, whatever node counts the next one
        time.advance(Duration.ofHours(1).plusSeconds(1));
        a.failed("new@example.com", "203.0.113.7");
        assertThatCode(() -> b.check("new@example.com", "203.0.113.7")).doesNotThrowAnyException();
    }

    @Test
    void whenRedisGoesAwayRequestsGoThrough() throws Exception {
        RateLimiter a = new RateLimiter(nodeA.buckets(), properties);
        assertThat(a.take(ANONYMOUS, "203.0.113.7")).isPresent();
        nodeA.close();
        assertThat(a.take(ANONYMOUS, "203.0.113.7")).isEmpty();
    }

    @Test
    void aWrongRedisAddressFailsTheStart() {
        RateLimitProperties wrong = new RateLimitProperties(true, properties.perIp(), properties.perUser(), properties.perApiKey(),
                10, "redis://127.0.0.1:1/0", prefix, Duration.ofSeconds(1), properties.login());
        assertThatThrownBy(() -> CounterStore.of(wrong, clock)).isInstanceOf(RuntimeException.class);
    }

    private RateLimitProperties shared(RateLimitProperties p) {
        return new RateLimitProperties(true, p.perIp(), p.perUser(), p.perApiKey(), p.maxTrackedKeys(), REDIS, prefix,
                Duration.ofSeconds(2), p.login());
    }
}

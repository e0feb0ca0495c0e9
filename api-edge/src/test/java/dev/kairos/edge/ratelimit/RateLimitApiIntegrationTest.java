package dev.kairos.edge.ratelimit;

import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request budgets and login throttling over HTTP through the whole engine and its security chain: anonymous callers
 * get 10 requests a minute per address, users 1000 each; the rate-limit clock is one the test moves.
 */
@TestPropertySource(properties = {"kairos.rate-limits.per-ip.capacity=10", "kairos.rate-limits.per-ip.period=1m",
        "kairos.rate-limits.per-user.capacity=1000", "kairos.rate-limits.per-user.period=1m"})
@Import(RateLimitApiIntegrationTest.MovableClock.class)
class RateLimitApiIntegrationTest extends EngineTest {
    @Autowired
    ManualClock rateLimitTime;

    @BeforeEach
    void freshBudgets() {
        // budgets idle for a window are full again, failed logins older than an hour are forgotten
        rateLimitTime.advance(Duration.ofHours(2));
    }

    @Test
    void anAnonymousAddressOverItsBudgetIsToldToWaitAndRecovers() {
        Api anonymous = api.anonymous();
        for (int remaining = 9; remaining >= 0; remaining--) {
            Api.Response ok = anonymous.get("/actuator/health");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Policy")).contains("\"ip\";q=10;w=60");
            assertThat(ok.header("RateLimit")).contains("\"ip\";r=" + remaining + ";t=" + (10 - remaining) * 6);
        }

        Api.Response over = anonymous.get("/actuator/health");
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.contentType()).startsWith("application/problem+json");
        assertThat(over.code()).isEqualTo("rate-limited");
        assertThat(over.header("Retry-After")).contains("6");
        assertThat(over.header("RateLimit")).contains("\"ip\";r=0;t=60");
        assertThat(anonymous.get("/api/v1/businesses").status()).as("refused before authentication is even asked for").isEqualTo(429);

        rateLimitTime.advance(Duration.ofSeconds(6));
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(429);
    }

    @Test
    void aSignedInUserIsCountedByTheirOwnBudgetNotTheAddress() {
        api.get("/actuator/health");
        Api.Response first = api.get("/actuator/health");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("RateLimit-Policy")).contains("\"user\";q=1000;w=60");
        assertThat(first.header("RateLimit")).hasValueSatisfying(v -> assertThat(v).startsWith("\"user\";r=998;"));

        // the address's budget is left untouched by the user's requests (the sign-in itself was anonymous)
        Api.Response anonymous = api.anonymous().get("/actuator/health");
        assertThat(anonymous.header("RateLimit-Policy")).contains("\"ip\";q=10;w=60");
        assertThat(anonymous.header("RateLimit")).hasValueSatisfying(v -> assertThat(v).matches("\"ip\";r=(8|9);t=\\d+"));
    }

    @Test
    void guessingOnePasswordIsSlowedDownExponentially() {
        for (int i = 0; i < 5; i++) {
            Api.Response wrong = api.login("guess@kairos.test", "not the password " + i, null);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.code()).isEqualTo("invalid-credentials");
        }
        Api.Response throttled = api.login("guess@kairos.test", "not the password 5", null);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(throttled.code()).isEqualTo("login-throttled");
        assertThat(throttled.header("Retry-After")).contains("1");

        rateLimitTime.advance(Duration.ofSeconds(1));
        assertThat(api.login("guess@kairos.test", "not the password 6", null).status()).isEqualTo(401);
        Api.Response longer = api.login("guess@kairos.test", "not the password 7", null);
        assertThat(longer.status()).isEqualTo(429);
        assertThat(longer.header("Retry-After")).contains("2");

        // another account from the same address is not held up
        assertThat(api.login(ADMIN_EMAIL, ADMIN_PASSWORD, null).status()).isEqualTo(200);
    }

    @TestConfiguration
    static class MovableClock {
        @Bean
        ManualClock rateLimitTime() {
            return new ManualClock(NOW);
        }

        @Bean
        @Primary
        RateLimitClock movableRateLimitClock(ManualClock rateLimitTime) {
            return new RateLimitClock(rateLimitTime);
        }
    }
}

package dev.kairos.edge.ratelimit;

import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
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
 * The per-address budget over HTTP through the whole engine: anonymous requests to the public health endpoint, with
 * a budget of 3 a minute and a rate-limit clock the test moves.
 */
@TestPropertySource(properties = {"kairos.rate-limits.per-ip.capacity=3", "kairos.rate-limits.per-ip.period=1m"})
@Import(RateLimitApiIntegrationTest.MovableClock.class)
class RateLimitApiIntegrationTest extends EngineTest {
    @Autowired
    ManualClock rateLimitTime;

    @Test
    void anAnonymousAddressOverItsBudgetIsToldToWaitAndRecovers() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            Api.Response ok = api.get("/actuator/health");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Policy")).contains("\"ip\";q=3;w=60");
            assertThat(ok.header("RateLimit")).contains("\"ip\";r=" + remaining + ";t=" + (3 - remaining) * 20);
        }

        Api.Response over = api.get("/actuator/health");
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.contentType()).startsWith("application/problem+json");
        assertThat(over.code()).isEqualTo("rate-limited");
        assertThat(over.header("Retry-After")).contains("20");
        assertThat(over.header("RateLimit")).contains("\"ip\";r=0;t=60");

        rateLimitTime.advance(Duration.ofSeconds(20));
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").status()).isEqualTo(429);
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

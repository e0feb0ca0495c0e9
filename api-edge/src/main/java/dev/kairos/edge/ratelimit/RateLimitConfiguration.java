package dev.kairos.edge.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** Request budgets and login throttling, counted in memory or in Redis (see {@link RateLimitProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /** The time budgets refill in; tests replace it with a clock they move. */
    @Bean
    RateLimitClock rateLimitClock() {
        return new RateLimitClock(Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    CounterStore rateLimitCounters(RateLimitProperties properties, RateLimitClock rateLimitClock) {
        return CounterStore.of(properties, rateLimitClock);
    }

    @Bean
    RateLimitFilter rateLimitFilter(CounterStore rateLimitCounters, RateLimitProperties properties, JsonMapper json) {
        return new RateLimitFilter(new RateLimiter(rateLimitCounters.buckets(), properties), properties.enabled(), json);
    }

    @Bean
    LoginThrottle loginThrottle(CounterStore rateLimitCounters, RateLimitProperties properties, RateLimitClock rateLimitClock) {
        return new LoginThrottle(rateLimitCounters.failures(), properties.login(), rateLimitClock);
    }
}

package dev.kairos.edge.ratelimit;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.Role;
import dev.kairos.edge.support.ProblemHandler;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class RateLimitFilterTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ManualClock time = new ManualClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final RateLimitClock clock = new RateLimitClock(time);
    private final RateLimitFilter filter = new RateLimitFilter(
            new RateLimiter(new LocalBuckets(clock, 1000), RateLimiterTest.budgets(2, 4, 8, 1000)), true, JSON);
    private final AtomicInteger passed = new AtomicInteger();
    private final FilterChain chain = (request, response) -> {
        passed.incrementAndGet();
        ((jakarta.servlet.http.HttpServletResponse) response).setStatus(200);
    };

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyAnsweredRequestCarriesTheRateLimitHeaders() throws Exception {
        MockHttpServletResponse response = send("203.0.113.7");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("RateLimit-Policy")).isEqualTo("\"ip\";q=2;w=60");
        assertThat(response.getHeader("RateLimit")).isEqualTo("\"ip\";r=1;t=30");
        assertThat(response.getHeader("Retry-After")).isNull();
        assertThat(passed).hasValue(1);
    }

    @Test
    void overTheBudgetTheRequestIsAnsweredWith429AndRetryAfter() throws Exception {
        send("203.0.113.7");
        send("203.0.113.7");
        MockHttpServletResponse over = send("203.0.113.7");

        assertThat(passed).as("the request over budget never reaches the API").hasValue(2);
        assertThat(over.getStatus()).isEqualTo(429);
        assertThat(over.getHeader("Retry-After")).isEqualTo("30");
        assertThat(over.getHeader("RateLimit-Policy")).isEqualTo("\"ip\";q=2;w=60");
        assertThat(over.getHeader("RateLimit")).isEqualTo("\"ip\";r=0;t=60");
        assertThat(over.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(over.getContentAsString());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(over.getContentAsString()).contains("\"code\":\"rate-limited\"");

        time.advance(Duration.ofSeconds(30));
        assertThat(send("203.0.113.7").getStatus()).isEqualTo(200);
        assertThat(passed).hasValue(3);
    }

    @Test
    void aSignedInUserIsCountedByTheirOwnBudget() throws Exception {
        send("203.0.113.7");
        send("203.0.113.7");
        assertThat(send("203.0.113.7").getStatus()).isEqualTo(429);

        Caller user = Caller.user(UUID.randomUUID(), new BusinessId(UUID.randomUUID()), Set.of(Role.STAFF), null, null, UUID.randomUUID());
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        MockHttpServletResponse response = send("203.0.113.7");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("RateLimit-Policy")).isEqualTo("\"user\";q=4;w=60");
        assertThat(response.getHeader("RateLimit")).isEqualTo("\"user\";r=3;t=15");
    }

    @Test
    void switchedOffRequestsPassUncounted() throws Exception {
        RateLimitFilter off = new RateLimitFilter(
                new RateLimiter(new LocalBuckets(clock, 10), RateLimiterTest.budgets(1, 1, 1, 10)), false, JSON);
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            off.filter(request("203.0.113.7"), response, chain);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeader("RateLimit")).isNull();
        }
        assertThat(passed).hasValue(5);
    }

    @Test
    void aThrottledLoginIsAnswered429WithRetryAfter() throws Exception {
        LoginThrottle throttle = new LoginThrottle(new LocalFailures(clock, 100, Duration.ofHours(1)), LoginThrottleTest.login(), clock);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new LoginProbe(throttle)).setControllerAdvice(new ProblemHandler()).build();
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/login").param("email", "ann@example.com").with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                    .andExpect(status().isNoContent());
        }
        mvc.perform(post("/login").param("email", "ann@example.com").with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("login-throttled"));
    }

    /** Stands where the login endpoint does: asks the throttle first, then counts a failed password. */
    @RestController
    static final class LoginProbe {
        private final LoginThrottle throttle;

        LoginProbe(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @PostMapping("/login")
        org.springframework.http.ResponseEntity<Void> login(@RequestParam String email, jakarta.servlet.http.HttpServletRequest request) {
            throttle.check(email, request.getRemoteAddr());
            throttle.failed(email, request.getRemoteAddr());
            return org.springframework.http.ResponseEntity.noContent().build();
        }
    }

    private MockHttpServletResponse send(String address) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.filter(request(address), response, chain);
        return response;
    }

    private static MockHttpServletRequest request(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/businesses");
        request.setRemoteAddr(address);
        return request;
    }
}

package dev.kairos.edge.ratelimit;

import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.CallerFilter;
import dev.kairos.edge.support.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * Counts every request against its caller's budget and tells the caller where it stands with the IETF
 * {@code RateLimit-Policy} and {@code RateLimit} headers; over the budget it answers {@code 429} with
 * {@code Retry-After} and the problem {@code rate-limited}. First of the caller filters: a request over its budget
 * costs nothing further.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class RateLimitFilter implements CallerFilter {
    static final String POLICY = "RateLimit-Policy";
    static final String STATE = "RateLimit";

    private final RateLimiter limiter;
    private final boolean enabled;
    private final JsonMapper json;

    RateLimitFilter(RateLimiter limiter, boolean enabled, JsonMapper json) {
        this.limiter = limiter;
        this.enabled = enabled;
        this.json = json;
    }

    @Override
    public void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!enabled) {
            chain.doFilter(request, response);
            return;
        }
        Optional<RateLimiter.Decision> decision = limiter.take(Caller.current(), request.getRemoteAddr());
        if (decision.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter.Decision d = decision.get();
        response.setHeader(POLICY, d.policy().header());
        response.setHeader(STATE, d.header());
        if (d.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(d.retryAfterSeconds()));
        Problems.write(response, json, ErrorCode.RATE_LIMITED, "request budget '" + d.policy().name() + "' of " + d.policy().quota()
                + " per " + d.policy().window().toSeconds() + " s spent; retry in " + d.retryAfterSeconds() + " s");
    }
}

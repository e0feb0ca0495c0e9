package dev.kairos.edge.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A step of the security chain that runs once the caller is known (or known to be anonymous) and before the access
 * rules: rate limits, IP allowlists. Beans of this type run in their {@link org.springframework.core.annotation.Order}.
 */
public interface CallerFilter {
    /** Continue with {@code chain.doFilter(request, response)}, or answer the request here. */
    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException;
}

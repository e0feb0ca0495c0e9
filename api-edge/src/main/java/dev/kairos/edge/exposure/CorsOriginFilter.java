package dev.kairos.edge.exposure;

import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.CallerFilter;
import dev.kairos.edge.support.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * A cross-origin request of an authenticated caller must come from an origin the caller's business registered.
 * Browsers would not let a page of another origin read the answer anyway; refusing it here also keeps such a page
 * from changing anything with a token it got hold of. Server-to-server calls send no {@code Origin} and pass.
 */
@Component
@Order(CorsOriginFilter.ORDER)
class CorsOriginFilter implements CallerFilter {
    static final int ORDER = 20;
    private final BusinessExposure exposure;
    private final JsonMapper json;

    CorsOriginFilter(BusinessExposure exposure, JsonMapper json) {
        this.exposure = exposure;
        this.json = json;
    }

    @Override
    public void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        Caller caller = Caller.current().orElse(null);
        if (caller == null || caller.isPlatformAdmin() || caller.business() == null || !CorsUtils.isCorsRequest(request)
                || CorsUtils.isPreFlightRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        boolean registered = Origins.canonical(origin).map(o -> exposure.origins(caller.business()).contains(o)).orElse(false);
        if (!registered) {
            Problems.write(response, json, ErrorCode.CORS_ORIGIN_NOT_ALLOWED, "the business has not registered this origin for browser access");
            return;
        }
        chain.doFilter(request, response);
    }
}

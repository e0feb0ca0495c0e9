package dev.kairos.edge.exposure;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.edge.support.ConsistencyTokens;
import dev.kairos.edge.support.IdempotencyFilter;
import dev.kairos.edge.support.Tenancy;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CORS for booking widgets, used by the security chain ({@code .cors()} finds this bean by its name): a request
 * from a browser origin gets {@code Access-Control-Allow-Origin} only when the business in its path
 * ({@code /api/v1/businesses/{id}/…}) registered that origin, or, for routes without a business in the path
 * (appointments, availability, manage links), when some business did. Anything else gets no CORS headers, and a
 * preflight is refused (403). No credentials mode: callers send tokens in {@code Authorization}, not cookies.
 */
@Component("corsConfigurationSource")
class BusinessCorsSource implements CorsConfigurationSource {
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE");
    static final List<String> HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, IdempotencyFilter.HEADER,
            HttpHeaders.IF_MATCH, ConsistencyTokens.HEADER, "X-Api-Key", Tenancy.HEADER);
    static final List<String> EXPOSED = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, "RateLimit", "RateLimit-Policy",
            HttpHeaders.RETRY_AFTER, ConsistencyTokens.HEADER, ConsistencyTokens.STATUS_HEADER);
    static final long MAX_AGE_SECONDS = 600;
    private static final Pattern BUSINESS_PATH = Pattern.compile("^/api/v1/businesses/([0-9a-fA-F-]{36})(/.*)?$");

    private final BusinessExposure exposure;

    BusinessCorsSource(BusinessExposure exposure) {
        this.exposure = exposure;
    }

    @Override
    public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ORIGIN);
        if (header == null) {
            return null;
        }
        Optional<String> origin = Origins.canonical(header);
        if (origin.isEmpty() || !registered(origin.get(), request.getRequestURI())) {
            // a configuration that allows no origin makes the preflight fail (403); other requests go on without CORS
            // headers, and CorsOriginFilter judges them once the caller is known
            return CorsUtils.isPreFlightRequest(request) ? new CorsConfiguration() : null;
        }
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(List.of(origin.get()));
        config.setAllowedMethods(METHODS);
        config.setAllowedHeaders(HEADERS);
        config.setExposedHeaders(EXPOSED);
        config.setAllowCredentials(false);
        config.setMaxAge(MAX_AGE_SECONDS);
        return config;
    }

    private boolean registered(String origin, String path) {
        Matcher m = BUSINESS_PATH.matcher(path);
        if (m.matches()) {
            UUID business;
            try {
                business = UUID.fromString(m.group(1));
            } catch (IllegalArgumentException e) {
                return false;
            }
            return exposure.origins(new BusinessId(business)).contains(origin);
        }
        return exposure.registeredByAny(origin);
    }
}

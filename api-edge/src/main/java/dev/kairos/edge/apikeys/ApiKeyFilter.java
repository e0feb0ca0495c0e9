package dev.kairos.edge.apikeys;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.CallerAuthentication;
import dev.kairos.edge.support.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Authenticates requests that present an API key, as {@code Authorization: ApiKey <key>} or {@code X-Api-Key: <key>},
 * ahead of bearer tokens in the security chain. A key that is malformed, unknown, revoked or expired is answered
 * 401 {@code invalid-api-key}; one used from outside its own IP allowlist 403 {@code ip-not-allowed}. Requests without
 * a key pass untouched.
 */
public class ApiKeyFilter extends OncePerRequestFilter {
    public static final String HEADER = "X-Api-Key";
    static final String SCHEME = "ApiKey";
    private static final int MAX_LENGTH = 200;

    private final ApiKeys keys;
    private final JsonMapper json;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyFilter(ApiKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String inAuthorization = authorization != null && (authorization.trim().equalsIgnoreCase(SCHEME)
                || authorization.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1))
                ? authorization.trim().substring(SCHEME.length()).trim() : null;
        String inHeader = request.getHeader(HEADER) == null ? null : request.getHeader(HEADER).trim();
        if (inAuthorization == null && inHeader == null) {
            chain.doFilter(request, response);
            return;
        }
        if (authorization != null && inAuthorization == null) {
            refuse(response, ErrorCode.INVALID_API_KEY, "send either an API key or a bearer token, not both");
            return;
        }
        if (inAuthorization != null && inHeader != null && !inAuthorization.equals(inHeader)) {
            refuse(response, ErrorCode.INVALID_API_KEY, "two different API keys were sent");
            return;
        }
        String presented = inAuthorization != null ? inAuthorization : inHeader;
        Caller caller;
        try {
            if (presented.length() > MAX_LENGTH) {
                throw new BookingException(ErrorCode.INVALID_API_KEY, "not an API key: too long");
            }
            caller = keys.authenticate(presented, request.getRemoteAddr());
        } catch (BookingException e) {
            refuse(response, e.errorCode(), e.getMessage());
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller, null));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        if (code == ErrorCode.INVALID_API_KEY) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, SCHEME + " realm=\"kairos\"");
        }
        Problems.write(response, json, code, detail);
    }
}

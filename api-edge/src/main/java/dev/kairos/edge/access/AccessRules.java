package dev.kairos.edge.access;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.support.Tenancy;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.UUID;

/**
 * The one place where every request to the API is judged, before its handler runs:
 * <ol>
 *     <li>the endpoint's rule in {@link Permissions} (no rule: refused);</li>
 *     <li>the tenant: a business named in the path or in {@value Tenancy#HEADER} must be the caller's own, or the
 *     answer is 404 as if it did not exist (platform admins choose the business they act for with the header);</li>
 *     <li>for roles that reach only their own resources, the resource named in the path must be theirs (404 if not).</li>
 * </ol>
 * The business a request acts for is then {@link #businessOf(HttpServletRequest)}, which handlers use for every
 * command and query, so ids of another business are simply not found.
 */
@Component
public class AccessRules implements HandlerInterceptor {
    static final String BUSINESS = AccessRules.class.getName() + ".business";
    static final String REACH = AccessRules.class.getName() + ".reach";

    private final Ownership ownership;

    AccessRules(Ownership ownership) {
        this.ownership = ownership;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod) || request.getDispatcherType() == DispatcherType.ASYNC) {
            // an asynchronous dispatch finishes a response (a live event stream) judged on its request
            return true;
        }
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Permissions.Rule rule = Permissions.of(request.getMethod(), pattern).orElse(null);
        Caller caller = Caller.current().orElse(null);
        if (rule != null && rule.open()) {
            return true;
        }
        if (caller == null) {
            throw new BookingException(ErrorCode.AUTHENTICATION_REQUIRED, "this endpoint needs a bearer token or an API key");
        }
        if (rule == null && !caller.isPlatformAdmin()) {
            throw new BookingException(ErrorCode.ACCESS_DENIED, "no access rule allows " + request.getMethod() + " " + pattern);
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        BusinessId business = tenant(caller, variables == null ? null : variables.get("businessId"), request.getHeader(Tenancy.HEADER));
        if (business != null) {
            request.setAttribute(BUSINESS, business);
        }
        Permissions.Reach reach = rule == null ? Permissions.Reach.ANY : rule.reachOf(caller).orElseThrow(() ->
                new BookingException(ErrorCode.ACCESS_DENIED, "the caller's role does not allow " + request.getMethod() + " " + pattern));
        request.setAttribute(REACH, reach);
        if (reach == Permissions.Reach.OWN && variables != null) {
            ownership.requireOwn(caller, business, variables);
        }
        return true;
    }

    /** The business the request acts for; {@code null} for platform-wide requests. */
    private static BusinessId tenant(Caller caller, String inPath, String inHeader) {
        UUID path = uuid(inPath, ErrorCode.BUSINESS_NOT_FOUND);
        UUID header = inHeader == null || inHeader.isBlank() ? null : uuid(inHeader.trim(), ErrorCode.INVALID_VALUE);
        if (path != null && header != null && !path.equals(header)) {
            throw new BookingException(ErrorCode.BUSINESS_NOT_FOUND, "business not found: " + inPath);
        }
        UUID named = path != null ? path : header;
        if (caller.isPlatformAdmin()) {
            return named == null ? caller.business() : new BusinessId(named);
        }
        if (named != null && (caller.business() == null || !caller.business().id().equals(named))) {
            throw new BookingException(ErrorCode.BUSINESS_NOT_FOUND, "business not found: " + named);
        }
        return caller.business();
    }

    private static UUID uuid(String value, ErrorCode code) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new BookingException(code, code == ErrorCode.INVALID_VALUE
                    ? Tenancy.HEADER + " must be a UUID" : "business not found: " + value);
        }
    }

    /** The business the current request acts for, as judged by {@link AccessRules}; absent for platform-wide requests. */
    public static BusinessId businessOf(HttpServletRequest request) {
        BusinessId business = (BusinessId) request.getAttribute(BUSINESS);
        if (business == null) {
            throw new BookingException(ErrorCode.TENANT_REQUIRED,
                    "name the business to act for in the " + Tenancy.HEADER + " header");
        }
        return business;
    }

    /** Whether the current request reaches only the caller's own resources (a staff member's, a customer's). */
    public static boolean ownOnly(HttpServletRequest request) {
        return request.getAttribute(REACH) == Permissions.Reach.OWN;
    }
}

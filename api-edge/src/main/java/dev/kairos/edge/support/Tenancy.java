package dev.kairos.edge.support;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.UUID;

/**
 * Every request acts for one business. Routes under {@code /businesses/{businessId}} name it in the path; the
 * others name it in the {@value #HEADER} header (until authentication supplies it from the caller's token).
 * A request whose header names a different business than its path is answered as not found: another tenant's
 * data is never reachable, and its existence never confirmed.
 */
@Component
public class Tenancy implements HandlerInterceptor {
    public static final String HEADER = "X-Business-Id";

    public static BusinessId of(UUID businessId) {
        return new BusinessId(businessId);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String header = request.getHeader(HEADER);
        if (variables != null && header != null && variables.containsKey("businessId")
                && !header.trim().equalsIgnoreCase(variables.get("businessId"))) {
            throw new BookingException(ErrorCode.BUSINESS_NOT_FOUND, "business not found: " + variables.get("businessId"));
        }
        return true;
    }
}

package dev.kairos.edge.sso;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Which email addresses a business's identity provider may sign in; none listed means any. */
final class EmailDomains {
    private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private EmailDomains() {
    }

    static List<String> parse(List<String> domains) {
        if (domains == null) {
            return List.of();
        }
        if (domains.size() > 50) {
            throw new BookingException(ErrorCode.VALIDATION_FAILED, "at most 50 allowed email domains");
        }
        return domains.stream().map(d -> d == null ? "" : d.trim().toLowerCase(Locale.ROOT)).peek(d -> {
            if (!DOMAIN.matcher(d).matches()) {
                throw new BookingException(ErrorCode.VALIDATION_FAILED, "not an email domain: " + d);
            }
        }).distinct().toList();
    }

    /** The address, normalised, if it is one and its domain is allowed. */
    static String check(String email, List<String> allowed) {
        if (email == null || !EMAIL.matcher(email.trim()).matches()) {
            throw new BookingException(ErrorCode.SSO_TOKEN_INVALID, "the identity provider did not give an email address");
        }
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        String domain = normalised.substring(normalised.lastIndexOf('@') + 1);
        if (!allowed.isEmpty() && !allowed.contains(domain)) {
            throw new BookingException(ErrorCode.SSO_DOMAIN_NOT_ALLOWED, "email addresses at " + domain + " may not sign in to this business");
        }
        return normalised;
    }
}

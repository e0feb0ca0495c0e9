package dev.kairos.edge.access;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.StaffId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who sends the current request, established once by authentication: a user (from an access token) or an API key.
 *
 * @param subject  the user's or the API key's id
 * @param business the business the caller acts for; {@code null} only for a platform admin
 * @param staff    for {@link Role#STAFF}: the staff member whose calendar is theirs
 * @param customer for {@link Role#CUSTOMER}: the customer whose appointments are theirs
 * @param scopes   for an API key: what it was created for (see {@link Scope})
 * @param session  for a user: the login session (refresh-token family) the access token belongs to
 */
public record Caller(Kind kind, UUID subject, BusinessId business, Set<Role> roles, StaffId staff, CustomerId customer,
                     Set<Scope> scopes, UUID session) {
    public enum Kind { USER, API_KEY }

    public Caller {
        roles = Set.copyOf(roles);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public static Caller user(UUID userId, BusinessId business, Set<Role> roles, StaffId staff, CustomerId customer, UUID session) {
        return new Caller(Kind.USER, userId, business, roles, staff, customer, Set.of(), session);
    }

    public static Caller apiKey(UUID keyId, BusinessId business, Set<Scope> scopes) {
        return new Caller(Kind.API_KEY, keyId, business, Set.of(Role.INTEGRATOR), null, null, scopes, null);
    }

    /** The caller of the request being handled, if it was authenticated. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }

    public boolean isPlatformAdmin() {
        return roles.contains(Role.PLATFORM_ADMIN);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** What rate limits count this caller's requests against. */
    public String limitKey() {
        return (kind == Kind.API_KEY ? "key:" : "user:") + subject;
    }
}

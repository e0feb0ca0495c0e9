package dev.kairos.edge.sso;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.access.Role;

import java.util.EnumSet;
import java.util.Set;

/**
 * The role a person gets when an identity provider first signs them in to a business. Ownership and platform
 * administration are never handed out by a provider; integrators are API keys, customers have customer records.
 */
final class DefaultRoles {
    static final Set<Role> GRANTABLE = EnumSet.of(Role.ADMIN, Role.STAFF, Role.AUDITOR, Role.ANALYST);

    private DefaultRoles() {
    }

    static Role parse(String claim) {
        if (claim == null || claim.isBlank()) {
            throw new BookingException(ErrorCode.VALIDATION_FAILED, "defaultRole is required");
        }
        Role role = Role.ofClaim(claim.trim())
                .orElseThrow(() -> new BookingException(ErrorCode.SSO_ROLE_NOT_ALLOWED, "unknown role " + claim));
        if (!GRANTABLE.contains(role)) {
            throw new BookingException(ErrorCode.SSO_ROLE_NOT_ALLOWED,
                    "an identity provider may only grant admin, staff, auditor or analyst, not " + claim);
        }
        return role;
    }
}

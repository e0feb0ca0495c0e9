package dev.kairos.edge.support;

import dev.kairos.booking.common.BusinessId;

import java.util.UUID;

/**
 * Every request acts for one business: the caller's own (from its token or API key). A platform admin names the
 * business it acts for in the {@value #HEADER} header on routes that do not name it in their path; any other caller
 * naming a business not its own there is answered as if it did not exist. Judged in one place,
 * {@link dev.kairos.edge.access.AccessRules}.
 */
public final class Tenancy {
    public static final String HEADER = "X-Business-Id";

    private Tenancy() {
    }

    public static BusinessId of(UUID businessId) {
        return new BusinessId(businessId);
    }
}

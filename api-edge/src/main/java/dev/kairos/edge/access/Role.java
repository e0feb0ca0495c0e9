package dev.kairos.edge.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a caller may do. Every role but {@link #PLATFORM_ADMIN} acts inside one business; {@link #STAFF} and
 * {@link #CUSTOMER} further only on their own calendar and appointments.
 */
public enum Role {
    /** Runs the platform: every business, signing keys. */
    PLATFORM_ADMIN("platform-admin"),
    /** Signed the business up: everything in it, including who else may act for it. */
    OWNER("owner"),
    /** Runs the business day to day: catalog, staff, calendars, appointments, integrations. */
    ADMIN("admin"),
    /** A staff member: their own calendar and appointments, and the catalog to read. */
    STAFF("staff"),
    /** A customer with an account: their own appointments. */
    CUSTOMER("customer"),
    /** Reads the event history and authentication events; changes nothing. */
    AUDITOR("auditor"),
    /** Reads schedules and analytics; changes nothing. */
    ANALYST("analyst"),
    /** A server-to-server integration: bookings, availability, the event stream and webhooks. */
    INTEGRATOR("integrator");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    /** The name in tokens, requests and the docs. */
    public String claim() {
        return claim;
    }

    public static Optional<Role> ofClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
    }
}

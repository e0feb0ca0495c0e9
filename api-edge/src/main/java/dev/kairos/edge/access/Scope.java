package dev.kairos.edge.access;

import java.util.Arrays;
import java.util.Optional;

/** What an API key may be used for; every endpoint names the one scope it needs (docs/permissions.md). */
public enum Scope {
    CATALOG_READ("catalog:read"),
    CATALOG_WRITE("catalog:write"),
    AVAILABILITY_READ("availability:read"),
    BOOKINGS_READ("bookings:read"),
    BOOKINGS_WRITE("bookings:write"),
    CUSTOMERS_READ("customers:read"),
    /** Customers' preferences. */
    CUSTOMERS_WRITE("customers:write"),
    /** Erasing a customer's personal data (GDPR art. 17). */
    CUSTOMERS_ERASE("customers:erase"),
    /** Members, roles, API keys, single sign-on, CORS origins and IP allowlists. */
    ACCESS_MANAGE("access:manage"),
    AUDIT_READ("audit:read"),
    ANALYTICS_READ("analytics:read"),
    EVENTS_READ("events:read"),
    WEBHOOKS_MANAGE("webhooks:manage");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Scope> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}

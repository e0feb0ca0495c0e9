package dev.kairos.booking.common;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** Identifies a customer. */
public record CustomerId(UUID id) {
    public CustomerId {
        Objects.requireNonNull(id, "customer id");
    }

    public static CustomerId of(String value) {
        return new CustomerId(UUID.fromString(value));
    }

    /** For frameworks that read ids from strings (e.g. as JSON map keys). */
    public static CustomerId valueOf(String value) {
        return of(value);
    }

    /**
     * The customer of a business, identified by their email or, without one, their phone number: the same contact
     * always maps to the same customer (name-based UUID), on every node and without a lookup.
     */
    public static CustomerId forContact(BusinessId businessId, String email, String phone) {
        String contact = email != null ? "email:" + email.trim().toLowerCase(Locale.ROOT) : "phone:" + phone;
        return new CustomerId(UUID.nameUUIDFromBytes((businessId + "|" + contact).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return id.toString();
    }
}

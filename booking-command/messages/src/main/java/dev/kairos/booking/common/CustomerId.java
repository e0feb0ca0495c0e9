package dev.kairos.booking.common;

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

    @Override
    public String toString() {
        return id.toString();
    }
}

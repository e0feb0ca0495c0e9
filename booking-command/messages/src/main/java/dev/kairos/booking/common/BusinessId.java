package dev.kairos.booking.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a business. */
public record BusinessId(UUID id) {
    public BusinessId {
        Objects.requireNonNull(id, "business id");
    }

    public static BusinessId of(String value) {
        return new BusinessId(UUID.fromString(value));
    }

    /** For frameworks that read ids from strings (e.g. as JSON map keys). */
    public static BusinessId valueOf(String value) {
        return of(value);
    }

    @Override
    public String toString() {
        return id.toString();
    }
}

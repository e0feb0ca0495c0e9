package dev.kairos.booking.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a staff. */
public record StaffId(UUID id) {
    public StaffId {
        Objects.requireNonNull(id, "staff id");
    }

    public static StaffId of(String value) {
        return new StaffId(UUID.fromString(value));
    }

    /** For frameworks that read ids from strings (e.g. as JSON map keys). */
    public static StaffId valueOf(String value) {
        return of(value);
    }

    @Override
    public String toString() {
        return id.toString();
    }
}

package dev.kairos.booking.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a hold: a slot kept for one customer for a few minutes while they complete checkout. */
public record HoldId(UUID id) {
    public HoldId {
        Objects.requireNonNull(id, "hold id");
    }

    public static HoldId of(String value) {
        return new HoldId(UUID.fromString(value));
    }

    /** For frameworks that read ids from strings (e.g. as JSON map keys). */
    public static HoldId valueOf(String value) {
        return of(value);
    }

    @Override
    public String toString() {
        return id.toString();
    }
}

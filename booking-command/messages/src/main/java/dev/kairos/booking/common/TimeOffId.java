package dev.kairos.booking.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a time off. */
public record TimeOffId(UUID id) {
    public TimeOffId {
        Objects.requireNonNull(id, "time off id");
    }

    public static TimeOffId of(String value) {
        return new TimeOffId(UUID.fromString(value));
    }

    /** For frameworks that read ids from strings (e.g. as JSON map keys). */
    public static TimeOffId valueOf(String value) {
        return of(value);
    }

    @Override
    public String toString() {
        return id.toString();
    }
}

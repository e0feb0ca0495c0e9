package dev.kairos.booking.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a service. */
public record ServiceId(UUID id) {
    public ServiceId {
        Objects.requireNonNull(id, "service id");
    }

    public static ServiceId of(String value) {
        return new ServiceId(UUID.fromString(value));
    }

    /** For frameworks that read ids from strings (e.g. as JSON map keys). */
    public static ServiceId valueOf(String value) {
        return of(value);
    }

    @Override
    public String toString() {
        return id.toString();
    }
}

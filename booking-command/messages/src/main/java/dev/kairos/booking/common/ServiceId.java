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

    @Override
    public String toString() {
        return id.toString();
    }
}

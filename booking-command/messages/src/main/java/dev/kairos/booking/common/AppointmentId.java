package dev.kairos.booking.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a appointment. */
public record AppointmentId(UUID id) {
    public AppointmentId {
        Objects.requireNonNull(id, "appointment id");
    }

    public static AppointmentId of(String value) {
        return new AppointmentId(UUID.fromString(value));
    }

    /** For frameworks that read ids from strings (e.g. as JSON map keys). */
    public static AppointmentId valueOf(String value) {
        return of(value);
    }

    @Override
    public String toString() {
        return id.toString();
    }
}

package dev.kairos.booking.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a business holiday. */
public record HolidayId(UUID id) {
    public HolidayId {
        Objects.requireNonNull(id, "holiday id");
    }

    public static HolidayId of(String value) {
        return new HolidayId(UUID.fromString(value));
    }

    /** For frameworks that read ids from strings (e.g. as JSON map keys). */
    public static HolidayId valueOf(String value) {
        return of(value);
    }

    @Override
    public String toString() {
        return id.toString();
    }
}

package dev.kairos.booking.series;

import dev.kairos.booking.common.AppointmentId;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Identifies a series of recurring appointments. */
public record SeriesId(UUID id) {
    public SeriesId {
        Objects.requireNonNull(id, "series id");
    }

    public static SeriesId of(String value) {
        return new SeriesId(UUID.fromString(value));
    }

    /** For frameworks that read ids from strings (e.g. as JSON map keys). */
    public static SeriesId valueOf(String value) {
        return of(value);
    }

    /**
     * The appointment id of the occurrence with this index: derived from the series id, so a retried series booking
     * lands on the same appointments.
     */
    public AppointmentId occurrence(int index) {
        return new AppointmentId(UUID.nameUUIDFromBytes(("series|" + id + "|" + index).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return id.toString();
    }
}

package dev.kairos.booking.series;

import dev.kairos.booking.common.AppointmentId;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * What a series decision found for one occurrence: {@code code} is null when the occurrence is (or would be)
 * booked, otherwise the stable error code of the first rule it breaks, with a human-readable {@code detail}.
 */
public record OccurrenceOutcome(int index, AppointmentId appointmentId, LocalDateTime localStart, Instant start,
                                String code, String detail) {

    public static OccurrenceOutcome free(int index, AppointmentId appointmentId, LocalDateTime localStart, Instant start) {
        return new OccurrenceOutcome(index, appointmentId, localStart, start, null, null);
    }

    public boolean isFree() {
        return code == null;
    }
}

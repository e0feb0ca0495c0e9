package dev.kairos.booking.command.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.series.OccurrenceOutcome;
import dev.kairos.booking.series.SeriesId;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a calendar remembers of a series it holds: how it was asked for (to answer a retry with the first answer)
 * and every occurrence with its index (to tell "this and following"). At most 104 occurrences.
 */
record SeriesInCalendar(SeriesId id, ServiceId serviceId, String rule, LocalDateTime firstStart, ZoneId zone,
                        List<OccurrenceOutcome> occurrences) {

    OptionalInt indexOf(AppointmentId appointmentId) {
        for (OccurrenceOutcome o : occurrences) {
            if (o.appointmentId().equals(appointmentId)) {
                return OptionalInt.of(o.index());
            }
        }
        return OptionalInt.empty();
    }
}

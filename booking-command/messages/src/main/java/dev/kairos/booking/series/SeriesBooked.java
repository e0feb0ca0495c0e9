package dev.kairos.booking.series;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A series was booked: every occurrence the rule expanded to, in {@code zone}, the booked ones with a null code
 * (each followed by its own {@code AppointmentBooked}), the skipped ones with the code of the rule they broke.
 */
public record SeriesBooked(SeriesId seriesId, BusinessId businessId, StaffId staffId, ServiceId serviceId,
                           CustomerId customerId, String rule, LocalDateTime firstStart, ZoneId zone, SeriesMode mode,
                           List<OccurrenceOutcome> occurrences) {
    public SeriesBooked {
        occurrences = List.copyOf(occurrences);
    }
}

package dev.kairos.booking.series;

import dev.kairos.booking.calendar.PolicyOverride;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;

import java.time.LocalTime;

/**
 * Moves the occurrences of a series in {@code scope}, all or none: each to {@code newLocalTime} (its own time of
 * day when null) on its own local date shifted by {@code shiftDays}, in the series' zone. A business decision:
 * occurrences inside the service's closed reschedule window need {@code policyOverride}.
 */
public record RescheduleSeries(SeriesId seriesId, BusinessId businessId, SeriesScope scope, AppointmentId appointmentId,
                               LocalTime newLocalTime, int shiftDays, PolicyOverride policyOverride) {
    public RescheduleSeries(SeriesId seriesId, BusinessId businessId, SeriesScope scope, AppointmentId appointmentId,
                            LocalTime newLocalTime, int shiftDays) {
        this(seriesId, businessId, scope, appointmentId, newLocalTime, shiftDays, null);
    }
}

package dev.kairos.booking.series;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Occurrences of a series were moved in one decision, all or none; each is followed by its own
 * {@code AppointmentRescheduled}. {@code newLocalTime} is null when only the dates shifted.
 */
public record SeriesRescheduled(SeriesId seriesId, BusinessId businessId, StaffId staffId, SeriesScope scope,
                                AppointmentId fromAppointmentId, LocalTime newLocalTime, int shiftDays, ZoneId zone,
                                List<AppointmentId> appointmentIds) {
    public SeriesRescheduled {
        appointmentIds = List.copyOf(appointmentIds);
    }
}

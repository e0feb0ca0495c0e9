package dev.kairos.booking.series;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

import java.util.List;

/**
 * Occurrences of a series were cancelled in one decision, from {@code fromAppointmentId} (null for ALL); each
 * is followed by its own {@code AppointmentCancelled}.
 */
public record SeriesCancelled(SeriesId seriesId, BusinessId businessId, StaffId staffId, SeriesScope scope,
                              AppointmentId fromAppointmentId, List<AppointmentId> appointmentIds, String reason) {
    public SeriesCancelled {
        appointmentIds = List.copyOf(appointmentIds);
    }
}

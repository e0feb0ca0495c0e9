package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;

public record CancelAppointment(AppointmentId appointmentId, BusinessId businessId, String reason, Long expectedRevision) {
}

package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;

public record ConfirmAppointment(AppointmentId appointmentId, BusinessId businessId, Long expectedRevision) {
}

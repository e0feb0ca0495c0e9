package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

import java.time.Instant;

/** Moves an appointment to a new start, with the same staff member or, if {@code newStaffId} is set, another one. */
public record RescheduleAppointment(AppointmentId appointmentId, BusinessId businessId, Instant newStart,
                                    StaffId newStaffId, Long expectedRevision) {
}

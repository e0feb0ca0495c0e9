package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

import java.time.Instant;

/**
 * Moves an appointment to a new start, with the same staff member or, if {@code newStaffId} is set, another one.
 * {@code initiatedBy} (the business if absent) decides whether the service's reschedule policy applies;
 * {@code policyOverride} is a business decision to move within the closed window or waive a fee.
 */
public record RescheduleAppointment(AppointmentId appointmentId, BusinessId businessId, Instant newStart,
                                    StaffId newStaffId, Long expectedRevision, Initiator initiatedBy,
                                    PolicyOverride policyOverride) {
    public RescheduleAppointment {
        initiatedBy = initiatedBy == null ? Initiator.BUSINESS : initiatedBy;
    }

    /** A move by the business, without override. */
    public RescheduleAppointment(AppointmentId appointmentId, BusinessId businessId, Instant newStart, StaffId newStaffId,
                                 Long expectedRevision) {
        this(appointmentId, businessId, newStart, newStaffId, expectedRevision, Initiator.BUSINESS, null);
    }
}

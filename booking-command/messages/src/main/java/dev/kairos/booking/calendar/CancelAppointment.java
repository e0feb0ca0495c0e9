package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;

/**
 * Cancels an appointment. {@code initiatedBy} (the business if absent) decides whether the service's cancellation
 * policy applies; {@code policyOverride} is a business decision to cancel within the closed window or waive a fee.
 */
public record CancelAppointment(AppointmentId appointmentId, BusinessId businessId, String reason, Long expectedRevision,
                                Initiator initiatedBy, PolicyOverride policyOverride) {
    public CancelAppointment {
        initiatedBy = initiatedBy == null ? Initiator.BUSINESS : initiatedBy;
    }

    /** A cancellation by the business, without override. */
    public CancelAppointment(AppointmentId appointmentId, BusinessId businessId, String reason, Long expectedRevision) {
        this(appointmentId, businessId, reason, expectedRevision, Initiator.BUSINESS, null);
    }
}

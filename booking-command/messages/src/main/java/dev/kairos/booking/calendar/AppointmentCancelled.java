package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.StaffId;

/**
 * An appointment was cancelled, by the customer or the business ({@code initiatedBy}; the business for events
 * written before it was recorded). {@code feeDue} is the cancellation fee the policy charged the customer, if any;
 * {@code policyOverride} the business decision that let it through the policy, if one was needed.
 */
public record AppointmentCancelled(AppointmentId appointmentId, BusinessId businessId, StaffId staffId, String reason,
                                   long revision, Initiator initiatedBy, Money feeDue, PolicyOverride policyOverride)
        implements AppointmentStatusChanged {
    public AppointmentCancelled {
        initiatedBy = initiatedBy == null ? Initiator.BUSINESS : initiatedBy;
    }

    public AppointmentCancelled(AppointmentId appointmentId, BusinessId businessId, StaffId staffId, String reason, long revision) {
        this(appointmentId, businessId, staffId, reason, revision, Initiator.BUSINESS, null, null);
    }

    @Override
    public AppointmentStatus newStatus() {
        return AppointmentStatus.CANCELLED;
    }
}

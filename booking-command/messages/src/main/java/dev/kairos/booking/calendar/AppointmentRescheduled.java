package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;

/**
 * An appointment moved to a new time with the same staff member. {@code initiatedBy}, {@code feeDue} and
 * {@code policyOverride} as in {@link AppointmentCancelled}.
 */
public record AppointmentRescheduled(AppointmentId appointmentId, BusinessId businessId, StaffId staffId,
                                     TimeSlot previousSlot, TimeSlot slot, TimeSlot blocked, long revision,
                                     Initiator initiatedBy, Money feeDue, PolicyOverride policyOverride) {
    public AppointmentRescheduled {
        initiatedBy = initiatedBy == null ? Initiator.BUSINESS : initiatedBy;
    }

    public AppointmentRescheduled(AppointmentId appointmentId, BusinessId businessId, StaffId staffId,
                                  TimeSlot previousSlot, TimeSlot slot, TimeSlot blocked, long revision) {
        this(appointmentId, businessId, staffId, previousSlot, slot, blocked, revision, Initiator.BUSINESS, null, null);
    }
}

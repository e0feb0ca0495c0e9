package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * An appointment moved into this staff member's calendar from another's, at its new time. The move is a
 * reschedule: {@code initiatedBy}, {@code feeDue} and {@code policyOverride} as in {@link AppointmentRescheduled}.
 * {@code customerZone} as in {@link AppointmentBooked}.
 */
public record AppointmentTransferredIn(AppointmentId appointmentId, BusinessId businessId, StaffId staffId,
                                       StaffId fromStaffId, ServiceId serviceId, CustomerId customerId,
                                       CustomerDetails customer, TimeSlot previousSlot, TimeSlot slot, TimeSlot blocked,
                                       AppointmentStatus status, String notes, Map<String, String> metadata,
                                       Instant bookedAt, long revision, Initiator initiatedBy, Money feeDue,
                                       PolicyOverride policyOverride, ZoneId customerZone) {
    public AppointmentTransferredIn {
        initiatedBy = initiatedBy == null ? Initiator.BUSINESS : initiatedBy;
    }

    public AppointmentTransferredIn(AppointmentId appointmentId, BusinessId businessId, StaffId staffId,
                                    StaffId fromStaffId, ServiceId serviceId, CustomerId customerId,
                                    CustomerDetails customer, TimeSlot previousSlot, TimeSlot slot, TimeSlot blocked,
                                    AppointmentStatus status, String notes, Map<String, String> metadata,
                                    Instant bookedAt, long revision) {
        this(appointmentId, businessId, staffId, fromStaffId, serviceId, customerId, customer, previousSlot, slot, blocked,
                status, notes, metadata, bookedAt, revision, Initiator.BUSINESS, null, null, null);
    }
}

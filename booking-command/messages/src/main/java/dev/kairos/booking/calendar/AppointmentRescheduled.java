package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;

public record AppointmentRescheduled(AppointmentId appointmentId, BusinessId businessId, StaffId staffId,
                                     TimeSlot previousSlot, TimeSlot slot, TimeSlot blocked, long revision) {
}

package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

/** An appointment left this staff member's calendar for another's; its time here is free again. */
public record AppointmentTransferredOut(AppointmentId appointmentId, BusinessId businessId, StaffId staffId,
                                        StaffId toStaffId, long revision) {
}

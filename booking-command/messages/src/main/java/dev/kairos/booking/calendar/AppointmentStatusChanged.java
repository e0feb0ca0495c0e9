package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

/** Events that move an appointment along its status flow. */
public interface AppointmentStatusChanged {
    AppointmentId appointmentId();

    BusinessId businessId();

    StaffId staffId();

    long revision();

    AppointmentStatus newStatus();
}

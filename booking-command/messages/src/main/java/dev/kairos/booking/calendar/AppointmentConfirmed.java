package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

public record AppointmentConfirmed(AppointmentId appointmentId, BusinessId businessId, StaffId staffId, long revision)
        implements AppointmentStatusChanged {
    @Override
    public AppointmentStatus newStatus() {
        return AppointmentStatus.CONFIRMED;
    }
}

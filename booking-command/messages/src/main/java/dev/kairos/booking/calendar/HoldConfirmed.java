package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.StaffId;

/** A hold became appointment {@code appointmentId}; the {@link AppointmentBooked} that follows carries the details. */
public record HoldConfirmed(HoldId holdId, BusinessId businessId, StaffId staffId, AppointmentId appointmentId)
        implements HoldEnded {
}

package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.series.SeriesId;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * An appointment that still holds the staff member's time (scheduled or confirmed); {@code seriesId} names its series
 * (null for a single appointment).
 */
record LiveAppointment(AppointmentId id, ServiceId serviceId, CustomerId customerId, CustomerDetails customer,
                       TimeSlot slot, TimeSlot blocked, AppointmentStatus status, String notes,
                       Map<String, String> metadata, Instant bookedAt, long revision, SeriesId seriesId,
                       ZoneId customerZone) {

    LiveAppointment moved(TimeSlot newSlot, TimeSlot newBlocked, long newRevision) {
        return new LiveAppointment(id, serviceId, customerId, customer, newSlot, newBlocked, status, notes, metadata, bookedAt,
                newRevision, seriesId, customerZone);
    }

    LiveAppointment withStatus(AppointmentStatus newStatus, long newRevision) {
        return new LiveAppointment(id, serviceId, customerId, customer, slot, blocked, newStatus, notes, metadata, bookedAt,
                newRevision, seriesId, customerZone);
    }
}

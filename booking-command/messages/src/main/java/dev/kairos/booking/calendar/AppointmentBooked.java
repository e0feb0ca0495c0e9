package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.series.SeriesId;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * An appointment was booked. {@code slot} is the appointment itself, {@code blocked} the staff member's time it
 * holds including the service's buffers. Its revision is 1. {@code seriesId} names the series the appointment is an
 * occurrence of (null for a single appointment); {@code customerZone}: the customer's own zone, if given.
 */
public record AppointmentBooked(AppointmentId appointmentId, BusinessId businessId, StaffId staffId, ServiceId serviceId,
                                CustomerId customerId, CustomerDetails customer, TimeSlot slot, TimeSlot blocked,
                                String notes, Map<String, String> metadata, Instant bookedAt, SeriesId seriesId,
                                ZoneId customerZone) {

    /** An occurrence of a series, customer zone unknown. */
    public AppointmentBooked(AppointmentId appointmentId, BusinessId businessId, StaffId staffId, ServiceId serviceId,
                             CustomerId customerId, CustomerDetails customer, TimeSlot slot, TimeSlot blocked,
                             String notes, Map<String, String> metadata, Instant bookedAt, SeriesId seriesId) {
        this(appointmentId, businessId, staffId, serviceId, customerId, customer, slot, blocked, notes, metadata, bookedAt,
                seriesId, null);
    }

    /** A single appointment, in the customer's zone if given. */
    public AppointmentBooked(AppointmentId appointmentId, BusinessId businessId, StaffId staffId, ServiceId serviceId,
                             CustomerId customerId, CustomerDetails customer, TimeSlot slot, TimeSlot blocked,
                             String notes, Map<String, String> metadata, Instant bookedAt, ZoneId customerZone) {
        this(appointmentId, businessId, staffId, serviceId, customerId, customer, slot, blocked, notes, metadata, bookedAt,
                null, customerZone);
    }

    /** A single appointment. */
    public AppointmentBooked(AppointmentId appointmentId, BusinessId businessId, StaffId staffId, ServiceId serviceId,
                             CustomerId customerId, CustomerDetails customer, TimeSlot slot, TimeSlot blocked,
                             String notes, Map<String, String> metadata, Instant bookedAt) {
        this(appointmentId, businessId, staffId, serviceId, customerId, customer, slot, blocked, notes, metadata, bookedAt,
                null, null);
    }
}

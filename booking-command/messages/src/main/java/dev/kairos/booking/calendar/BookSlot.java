package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * Books {@code serviceId} with {@code staffId} starting at {@code start}; ids are created at the edge.
 * {@code customerZone}: the customer's own time zone, if they gave one, for stating the appointment in it.
 */
public record BookSlot(AppointmentId appointmentId, BusinessId businessId, StaffId staffId, ServiceId serviceId,
                       CustomerId customerId, CustomerDetails customer, Instant start, String notes,
                       Map<String, String> metadata, ZoneId customerZone) {
    public BookSlot {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public BookSlot(AppointmentId appointmentId, BusinessId businessId, StaffId staffId, ServiceId serviceId,
                    CustomerId customerId, CustomerDetails customer, Instant start, String notes,
                    Map<String, String> metadata) {
        this(appointmentId, businessId, staffId, serviceId, customerId, customer, start, notes, metadata, null);
    }
}

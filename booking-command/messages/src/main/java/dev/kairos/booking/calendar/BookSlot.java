package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;

import java.time.Instant;
import java.util.Map;

/** Books {@code serviceId} with {@code staffId} starting at {@code start}; ids are created at the edge. */
public record BookSlot(AppointmentId appointmentId, BusinessId businessId, StaffId staffId, ServiceId serviceId,
                       CustomerId customerId, CustomerDetails customer, Instant start, String notes,
                       Map<String, String> metadata) {
    public BookSlot {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}

package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;

import java.time.Instant;
import java.util.Map;

/**
 * Books {@code serviceId} at {@code start} with whichever staff member the assignment policy picks: among the
 * active staff who provide the service and can take the slot, the one with the fewest live appointments on the
 * slot's date (in their zone), then the one assigned least recently, then the lowest staff id.
 */
public record BookWithAnyStaff(AppointmentId appointmentId, BusinessId businessId, ServiceId serviceId,
                               CustomerId customerId, CustomerDetails customer, Instant start, String notes,
                               Map<String, String> metadata, java.time.ZoneId customerZone) {
    public BookWithAnyStaff {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The same booking with one chosen staff member. */
    public BookWithAnyStaff(AppointmentId appointmentId, BusinessId businessId, ServiceId serviceId, CustomerId customerId,
                            CustomerDetails customer, Instant start, String notes, Map<String, String> metadata) {
        this(appointmentId, businessId, serviceId, customerId, customer, start, notes, metadata, null);
    }

    public BookSlot with(dev.kairos.booking.common.StaffId staffId) {
        return new BookSlot(appointmentId, businessId, staffId, serviceId, customerId, customer, start, notes, metadata,
                customerZone);
    }
}

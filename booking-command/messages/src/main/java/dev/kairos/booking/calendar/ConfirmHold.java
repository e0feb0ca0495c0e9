package dev.kairos.booking.calendar;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.HoldId;

import java.util.Map;

/** Turns a live hold into an appointment for the customer, on exactly the held slot. */
public record ConfirmHold(HoldId holdId, BusinessId businessId, AppointmentId appointmentId, CustomerId customerId,
                          CustomerDetails customer, String notes, Map<String, String> metadata) {
    public ConfirmHold {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}

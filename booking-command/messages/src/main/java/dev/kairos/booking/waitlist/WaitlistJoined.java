package dev.kairos.booking.waitlist;

import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;

import java.time.Instant;

/** A customer joined the waitlist of a service; the order of these events is the order in line. */
public record WaitlistJoined(WaitlistEntryId entryId, BusinessId businessId, ServiceId serviceId, StaffId staffId,
                             TimeSlot window, CustomerId customerId, CustomerDetails customer, Instant joinedAt) {
}

package dev.kairos.booking.waitlist;

import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;

/** A customer waits for a slot of {@code serviceId} starting inside {@code window}, with {@code staffId} or (null) anyone. */
public record JoinWaitlist(WaitlistEntryId entryId, BusinessId businessId, ServiceId serviceId, StaffId staffId,
                           TimeSlot window, CustomerId customerId, CustomerDetails customer) {
}

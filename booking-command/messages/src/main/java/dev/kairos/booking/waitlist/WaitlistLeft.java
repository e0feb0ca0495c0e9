package dev.kairos.booking.waitlist;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;

/** A customer left the waitlist. */
public record WaitlistLeft(WaitlistEntryId entryId, BusinessId businessId, ServiceId serviceId) {
}

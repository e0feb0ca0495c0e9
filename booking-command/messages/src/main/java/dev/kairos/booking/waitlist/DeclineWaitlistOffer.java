package dev.kairos.booking.waitlist;

import dev.kairos.booking.common.BusinessId;

/** The customer does not want the slot offered; it passes to the next in line and they keep waiting. */
public record DeclineWaitlistOffer(WaitlistEntryId entryId, BusinessId businessId) {
}

package dev.kairos.booking.waitlist;

import dev.kairos.booking.common.BusinessId;

/** The customer no longer waits; an open offer is given back. */
public record LeaveWaitlist(WaitlistEntryId entryId, BusinessId businessId) {
}

package dev.kairos.booking.waitlist;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;

/** The customer declined the offer and keeps waiting; the slot passes on. */
public record WaitlistOfferDeclined(WaitlistEntryId entryId, BusinessId businessId, ServiceId serviceId, HoldId holdId) {
}

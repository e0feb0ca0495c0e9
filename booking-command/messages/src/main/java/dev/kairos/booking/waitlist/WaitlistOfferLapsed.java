package dev.kairos.booking.waitlist;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;

/** The offer's hold expired unanswered; the customer keeps waiting and the slot passes on. */
public record WaitlistOfferLapsed(WaitlistEntryId entryId, BusinessId businessId, ServiceId serviceId, HoldId holdId) {
}

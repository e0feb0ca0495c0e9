package dev.kairos.booking.waitlist;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;

import java.time.Instant;

/** A freed slot is offered to the customer, kept for them by hold {@code holdId} until {@code expiresAt}. */
public record WaitlistSlotOffered(WaitlistEntryId entryId, BusinessId businessId, ServiceId serviceId, StaffId staffId,
                                  TimeSlot slot, HoldId holdId, Instant expiresAt) {
}

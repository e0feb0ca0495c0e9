package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HoldId;

/** Gives a held slot back before it expires (the customer abandoned checkout). */
public record ReleaseHold(HoldId holdId, BusinessId businessId) {
}

package dev.kairos.booking.customer;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;

import java.time.Instant;
import java.time.ZoneId;

/** A customer's preferences as they now are (every field, not only the changed ones). */
public record CustomerPreferencesSet(CustomerId customerId, BusinessId businessId, ZoneId timeZone, String language,
                                     ContactChannel channel, Instant setAt) {
}

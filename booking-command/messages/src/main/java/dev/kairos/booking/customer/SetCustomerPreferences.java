package dev.kairos.booking.customer;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;

import java.time.ZoneId;

/**
 * Sets how a customer of a business wants to be served: their time zone, language (an IETF BCP 47 tag such as
 * {@code de-AT}) and preferred channel. A null field is left as it was.
 */
public record SetCustomerPreferences(CustomerId customerId, BusinessId businessId,
                                     ZoneId timeZone, String language, ContactChannel channel) {
}

package dev.kairos.booking.customer;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;

/**
 * Erases a customer's personal data: their data key is destroyed (so every encrypted field in every stored event
 * becomes unreadable) and every projection forgets them. {@code reason} says why (a request of the customer, or
 * retention). Erasing an erased customer changes nothing.
 */
public record EraseCustomer(CustomerId customerId, BusinessId businessId, ErasureReason reason) {
}

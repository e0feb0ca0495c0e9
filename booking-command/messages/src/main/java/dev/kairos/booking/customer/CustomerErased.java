package dev.kairos.booking.customer;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;

import java.time.Instant;

/**
 * A customer's personal data was erased: their data key is gone, and every projection drops or redacts what it held
 * about them. Names nobody: only ids.
 */
public record CustomerErased(CustomerId customerId, BusinessId businessId, ErasureReason reason, Instant erasedAt) {
}

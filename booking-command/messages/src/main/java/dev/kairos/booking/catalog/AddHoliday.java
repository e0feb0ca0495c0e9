package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BusinessId;

/** Closes the business on the holiday's dates. Adding the same holiday again changes nothing. */
public record AddHoliday(BusinessId businessId, Holiday holiday) {
}

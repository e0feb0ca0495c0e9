package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BusinessId;

public record HolidayAdded(BusinessId businessId, Holiday holiday) {
}

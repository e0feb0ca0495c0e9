package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HolidayId;

public record HolidayRemoved(BusinessId businessId, HolidayId holidayId) {
}

package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

public record StaffProfileChanged(StaffId staffId, BusinessId businessId, StaffProfile profile, long revision) {
}

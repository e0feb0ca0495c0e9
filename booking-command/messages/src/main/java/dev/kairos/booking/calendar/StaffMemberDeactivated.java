package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

public record StaffMemberDeactivated(StaffId staffId, BusinessId businessId, long revision) {
}

package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;

public record DeactivateStaffMember(StaffId staffId, BusinessId businessId, Long expectedRevision) {
}

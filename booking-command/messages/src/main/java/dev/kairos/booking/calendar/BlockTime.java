package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeOffId;
import dev.kairos.booking.common.TimeSlot;

/** Takes a period out of a staff member's bookable time: vacation, sick leave, a break. */
public record BlockTime(StaffId staffId, BusinessId businessId, TimeOffId timeOffId, TimeSlot period, String reason) {
}

package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;

import java.util.Set;

public record StaffMemberRegistered(StaffId staffId, BusinessId businessId, StaffProfile profile, WeeklySchedule schedule,
                                    Set<ServiceId> services) {
}

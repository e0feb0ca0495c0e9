package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;

import java.util.Set;

/** Creates a staff member and with it their calendar. */
public record RegisterStaffMember(StaffId staffId, BusinessId businessId, StaffProfile profile, WeeklySchedule schedule,
                                  Set<ServiceId> services) {
    public RegisterStaffMember {
        services = services == null ? Set.of() : Set.copyOf(services);
    }
}

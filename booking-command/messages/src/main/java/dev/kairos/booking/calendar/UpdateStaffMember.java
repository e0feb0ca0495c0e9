package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;

import java.util.Set;

/** Replaces profile, working hours and services; only what changed becomes an event. */
public record UpdateStaffMember(StaffId staffId, BusinessId businessId, StaffProfile profile, WeeklySchedule schedule,
                                Set<ServiceId> services, Long expectedRevision) {
    public UpdateStaffMember {
        services = services == null ? Set.of() : Set.copyOf(services);
    }
}

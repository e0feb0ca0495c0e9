package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;

import java.util.Set;

public record StaffServicesChanged(StaffId staffId, BusinessId businessId, Set<ServiceId> services, long revision) {
}

package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;

public record ServiceDeactivated(ServiceId serviceId, BusinessId businessId, long revision) {
}

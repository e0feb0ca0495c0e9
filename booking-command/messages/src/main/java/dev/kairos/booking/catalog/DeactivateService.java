package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;

public record DeactivateService(ServiceId serviceId, BusinessId businessId, Long expectedRevision) {
}

package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;

public record DefineService(ServiceId serviceId, BusinessId businessId, ServiceTerms terms) {
}

package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BusinessId;

public record DeactivateBusiness(BusinessId businessId, Long expectedRevision) {
}

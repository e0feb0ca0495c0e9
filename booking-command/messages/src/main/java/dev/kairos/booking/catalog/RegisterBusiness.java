package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BusinessId;

public record RegisterBusiness(BusinessId businessId, BusinessProfile profile) {
}

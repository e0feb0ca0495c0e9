package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BusinessId;

public record BusinessRegistered(BusinessId businessId, BusinessProfile profile) {
}

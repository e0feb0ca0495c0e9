package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BusinessId;

public record BusinessUpdated(BusinessId businessId, BusinessProfile profile, long revision) {
}

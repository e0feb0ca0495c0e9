package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BusinessId;

public record BusinessDeactivated(BusinessId businessId, long revision) {
}

package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BusinessId;

/** Replaces the profile; {@code expectedRevision} (nullable) guards against lost updates. */
public record UpdateBusiness(BusinessId businessId, BusinessProfile profile, Long expectedRevision) {
}

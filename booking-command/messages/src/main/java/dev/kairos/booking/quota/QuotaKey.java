package dev.kairos.booking.quota;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Whose bookings of which service a customer quota counts; its aggregate id follows from it on every node. */
public record QuotaKey(BusinessId businessId, ServiceId serviceId, CustomerId customerId) {
    public QuotaKey {
        Objects.requireNonNull(businessId, "business id");
        Objects.requireNonNull(serviceId, "service id");
        Objects.requireNonNull(customerId, "customer id");
    }

    /** A name-based UUID of the three ids: the same customer and service always meet on the same aggregate. */
    public String aggregateId() {
        return UUID.nameUUIDFromBytes(("customer-quota|" + businessId + "|" + serviceId + "|" + customerId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}

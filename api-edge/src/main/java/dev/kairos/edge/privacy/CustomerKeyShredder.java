package dev.kairos.edge.privacy;

import dev.kairos.booking.customer.CustomerErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Destroys an erased customer's data keys in the transaction that stores {@link CustomerErased} (a subscribing
 * processor): the erasure and the loss of the keys commit together or not at all.
 */
@ProcessingGroup(CustomerKeyShredder.PROCESSING_GROUP)
class CustomerKeyShredder {
    static final String PROCESSING_GROUP = "customer-keys";

    private final CustomerKeys keys;

    CustomerKeyShredder(CustomerKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(CustomerErased event) {
        keys.destroy(event.customerId(), event.erasedAt());
    }
}

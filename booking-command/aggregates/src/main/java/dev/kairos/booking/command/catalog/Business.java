package dev.kairos.booking.command.catalog;

import dev.kairos.booking.catalog.BusinessDeactivated;
import dev.kairos.booking.catalog.BusinessProfile;
import dev.kairos.booking.catalog.BusinessRegistered;
import dev.kairos.booking.catalog.BusinessUpdated;
import dev.kairos.booking.catalog.DeactivateBusiness;
import dev.kairos.booking.catalog.RegisterBusiness;
import dev.kairos.booking.catalog.UpdateBusiness;
import dev.kairos.booking.command.support.Revisions;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A tenant of the engine. Owns its profile and whether it can take bookings. */
@Aggregate
public class Business {
    @AggregateIdentifier
    private String id;
    private BusinessProfile profile;
    private boolean active;
    private long revision;

    protected Business() {
    }

    Business(RegisterBusiness command) {
        apply(new BusinessRegistered(command.businessId(), command.profile()));
    }

    void update(UpdateBusiness command) {
        Revisions.check(command.expectedRevision(), revision, "business");
        if (!command.profile().equals(profile)) {
            apply(new BusinessUpdated(command.businessId(), command.profile(), revision + 1));
        }
    }

    void deactivate(DeactivateBusiness command) {
        Revisions.check(command.expectedRevision(), revision, "business");
        if (active) {
            apply(new BusinessDeactivated(command.businessId(), revision + 1));
        }
    }

    long revision() {
        return revision;
    }

    @EventSourcingHandler
    void on(BusinessRegistered event) {
        id = event.businessId().toString();
        profile = event.profile();
        active = true;
        revision = 1;
    }

    @EventSourcingHandler
    void on(BusinessUpdated event) {
        profile = event.profile();
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(BusinessDeactivated event) {
        active = false;
        revision = event.revision();
    }
}

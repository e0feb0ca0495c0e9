package dev.kairos.booking.command.catalog;

import dev.kairos.booking.catalog.DeactivateService;
import dev.kairos.booking.catalog.DefineService;
import dev.kairos.booking.catalog.ReviseService;
import dev.kairos.booking.catalog.ServiceDeactivated;
import dev.kairos.booking.catalog.ServiceDefined;
import dev.kairos.booking.catalog.ServiceRevised;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.command.support.Revisions;
import dev.kairos.booking.common.BusinessId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A bookable service of a business and its terms. */
@Aggregate
public class ServiceOffering {
    @AggregateIdentifier
    private String id;
    private BusinessId businessId;
    private ServiceTerms terms;
    private boolean active;
    private long revision;

    protected ServiceOffering() {
    }

    ServiceOffering(DefineService command) {
        apply(new ServiceDefined(command.serviceId(), command.businessId(), command.terms()));
    }

    BusinessId businessId() {
        return businessId;
    }

    long revision() {
        return revision;
    }

    void revise(ReviseService command) {
        Revisions.check(command.expectedRevision(), revision, "service");
        if (!command.terms().equals(terms)) {
            apply(new ServiceRevised(command.serviceId(), businessId, command.terms(), revision + 1));
        }
    }

    void deactivate(DeactivateService command) {
        Revisions.check(command.expectedRevision(), revision, "service");
        if (active) {
            apply(new ServiceDeactivated(command.serviceId(), businessId, revision + 1));
        }
    }

    @EventSourcingHandler
    void on(ServiceDefined event) {
        id = event.serviceId().toString();
        businessId = event.businessId();
        terms = event.terms();
        active = true;
        revision = 1;
    }

    @EventSourcingHandler
    void on(ServiceRevised event) {
        terms = event.terms();
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(ServiceDeactivated event) {
        active = false;
        revision = event.revision();
    }
}

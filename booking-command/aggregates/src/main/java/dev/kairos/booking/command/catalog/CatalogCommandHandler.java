package dev.kairos.booking.command.catalog;

import dev.kairos.booking.catalog.AddHoliday;
import dev.kairos.booking.catalog.DeactivateBusiness;
import dev.kairos.booking.catalog.ImportHolidays;
import dev.kairos.booking.catalog.RemoveHoliday;
import dev.kairos.booking.catalog.DeactivateService;
import dev.kairos.booking.catalog.DefineService;
import dev.kairos.booking.catalog.RegisterBusiness;
import dev.kairos.booking.catalog.ReviseService;
import dev.kairos.booking.catalog.UpdateBusiness;
import dev.kairos.booking.command.support.CommandLookups;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import static dev.kairos.booking.command.support.Aggregates.load;
import static dev.kairos.booking.command.support.Aggregates.outcome;

/** Decides commands about businesses and their services. */
@Component
public class CatalogCommandHandler {
    private final Repository<Business> businesses;
    private final Repository<ServiceOffering> services;
    private final CommandLookups lookups;

    public CatalogCommandHandler(Repository<Business> businesses, Repository<ServiceOffering> services, CommandLookups lookups) {
        this.businesses = businesses;
        this.services = services;
        this.lookups = lookups;
    }

    @CommandHandler
    public CommandOutcome handle(RegisterBusiness command) throws Exception {
        return outcome(businesses.newInstance(() -> new Business(command)), 1);
    }

    @CommandHandler
    public CommandOutcome handle(UpdateBusiness command) {
        Aggregate<Business> business = load(businesses, command.businessId(), ErrorCode.BUSINESS_NOT_FOUND);
        business.execute(b -> b.update(command));
        return outcome(business, business.invoke(Business::revision));
    }

    @CommandHandler
    public CommandOutcome handle(DeactivateBusiness command) {
        Aggregate<Business> business = load(businesses, command.businessId(), ErrorCode.BUSINESS_NOT_FOUND);
        business.execute(b -> b.deactivate(command));
        return outcome(business, business.invoke(Business::revision));
    }

    @CommandHandler
    public CommandOutcome handle(AddHoliday command) {
        Aggregate<Business> business = load(businesses, command.businessId(), ErrorCode.BUSINESS_NOT_FOUND);
        business.execute(b -> b.addHolidays(List.of(command.holiday())));
        return outcome(business, business.invoke(Business::revision));
    }

    @CommandHandler
    public CommandOutcome handle(ImportHolidays command) {
        Aggregate<Business> business = load(businesses, command.businessId(), ErrorCode.BUSINESS_NOT_FOUND);
        business.execute(b -> b.addHolidays(command.holidays()));
        return outcome(business, business.invoke(Business::revision));
    }

    @CommandHandler
    public CommandOutcome handle(RemoveHoliday command) {
        Aggregate<Business> business = load(businesses, command.businessId(), ErrorCode.BUSINESS_NOT_FOUND);
        business.execute(b -> b.removeHoliday(command));
        return outcome(business, business.invoke(Business::revision));
    }

    @CommandHandler
    public CommandOutcome handle(DefineService command) throws Exception {
        requireActiveBusiness(lookups, command.businessId());
        return outcome(services.newInstance(() -> new ServiceOffering(command)), 1);
    }

    @CommandHandler
    public CommandOutcome handle(ReviseService command) {
        Aggregate<ServiceOffering> service = loadService(command.serviceId(), command.businessId());
        service.execute(s -> s.revise(command));
        return outcome(service, service.invoke(ServiceOffering::revision));
    }

    @CommandHandler
    public CommandOutcome handle(DeactivateService command) {
        Aggregate<ServiceOffering> service = loadService(command.serviceId(), command.businessId());
        service.execute(s -> s.deactivate(command));
        return outcome(service, service.invoke(ServiceOffering::revision));
    }

    private Aggregate<ServiceOffering> loadService(ServiceId serviceId, BusinessId businessId) {
        Aggregate<ServiceOffering> service = load(services, serviceId, ErrorCode.SERVICE_NOT_FOUND);
        BookingException.require(service.invoke(ServiceOffering::businessId).equals(businessId),
                ErrorCode.SERVICE_NOT_FOUND, "service not found: " + serviceId);
        return service;
    }

    /** The business must exist (as this tenant) and take bookings. */
    public static void requireActiveBusiness(CommandLookups lookups, BusinessId businessId) {
        requireActive(lookups.businessActive(businessId), businessId);
    }

    /** {@code active} is the looked-up flag of {@code businessId}, empty when there is no such business. */
    public static void requireActive(Optional<Boolean> active, BusinessId businessId) {
        boolean isActive = active
                .orElseThrow(() -> new BookingException(ErrorCode.BUSINESS_NOT_FOUND, "business not found: " + businessId));
        BookingException.require(isActive, ErrorCode.BUSINESS_INACTIVE, () -> "business " + businessId + " is inactive");
    }
}

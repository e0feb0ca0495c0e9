package dev.kairos.booking.command.catalog;

import dev.kairos.booking.catalog.BusinessDeactivated;
import dev.kairos.booking.catalog.BusinessProfile;
import dev.kairos.booking.catalog.BusinessRegistered;
import dev.kairos.booking.catalog.BusinessUpdated;
import dev.kairos.booking.catalog.DeactivateBusiness;
import dev.kairos.booking.catalog.Holiday;
import dev.kairos.booking.catalog.HolidayAdded;
import dev.kairos.booking.catalog.HolidayRemoved;
import dev.kairos.booking.catalog.RegisterBusiness;
import dev.kairos.booking.catalog.UpdateBusiness;
import dev.kairos.booking.catalog.RemoveHoliday;
import dev.kairos.booking.command.support.Revisions;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.HolidayId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A tenant of the engine. Owns its profile, whether it can take bookings, and its holidays. */
@Aggregate
public class Business {
    /** Holidays a business keeps at most, past ones included (remove old ones to make room). */
    static final int MAX_HOLIDAYS = 1000;
    @AggregateIdentifier
    private String id;
    private BusinessId businessId;
    private BusinessProfile profile;
    private boolean active;
    private long revision;
    private Map<HolidayId, Holiday> holidays = new HashMap<>();

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

    /**
     * Closes the business on each holiday's dates: all of them or none. A holiday already held with the same content
     * changes nothing (a retried request or a re-imported calendar); its id with other content is a conflict.
     * Appointments already booked on those dates stand (the business moves or cancels them if it wants to).
     * Holidays do not change the business's revision: they are not part of its profile.
     */
    void addHolidays(List<Holiday> wanted) {
        Map<HolidayId, Holiday> fresh = new LinkedHashMap<>();
        for (Holiday holiday : wanted) {
            Holiday known = holidays.containsKey(holiday.id()) ? holidays.get(holiday.id()) : fresh.get(holiday.id());
            if (known != null) {
                BookingException.require(known.equals(holiday), ErrorCode.ALREADY_EXISTS,
                        () -> "holiday " + holiday.id() + " already exists with other dates or name");
                continue;
            }
            fresh.put(holiday.id(), holiday);
        }
        BookingException.require(holidays.size() + fresh.size() <= MAX_HOLIDAYS, ErrorCode.HOLIDAY_LIMIT_REACHED,
                () -> "a business keeps at most " + MAX_HOLIDAYS + " holidays; it has " + holidays.size());
        fresh.values().forEach(holiday -> apply(new HolidayAdded(businessId, holiday)));
    }

    void removeHoliday(RemoveHoliday command) {
        BookingException.require(holidays.containsKey(command.holidayId()), ErrorCode.HOLIDAY_NOT_FOUND,
                () -> "holiday not found: " + command.holidayId());
        apply(new HolidayRemoved(businessId, command.holidayId()));
    }

    long revision() {
        return revision;
    }

    @EventSourcingHandler
    void on(BusinessRegistered event) {
        id = event.businessId().toString();
        businessId = event.businessId();
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

    @EventSourcingHandler
    void on(HolidayAdded event) {
        holidays.put(event.holiday().id(), event.holiday());
    }

    @EventSourcingHandler
    void on(HolidayRemoved event) {
        holidays.remove(event.holidayId());
    }
}

package dev.kairos.booking.command.quota;

import dev.kairos.booking.catalog.CustomerLimit;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.quota.QuotaKey;
import dev.kairos.booking.quota.QuotaPlaceMoved;
import dev.kairos.booking.quota.QuotaPlaceReleased;
import dev.kairos.booking.quota.QuotaPlaceTaken;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer's counted bookings of one service, across every staff calendar: the authority on the service's
 * customer limit ("at most N per day / week / month"). It changes in the same unit of work, hence the same database
 * transaction, as the calendar that books, moves or cancels the appointment; two bookings by the same customer
 * that decide from the same version collide on this aggregate's (id, sequence) index, so the limit holds across
 * staff calendars and nodes (ADR 0008). Cancelled appointments leave it; completed and no-show ones keep counting.
 */
@Aggregate
public class CustomerServiceQuota {
    @AggregateIdentifier
    private String id;
    private BusinessId businessId;
    private ServiceId serviceId;
    private CustomerId customerId;
    /** Start of every counted appointment. */
    private Map<AppointmentId, Instant> places = new HashMap<>();

    protected CustomerServiceQuota() {
    }

    /** The customer's first counted booking of the service; a first booking is always within a limit of N ≥ 1. */
    CustomerServiceQuota(QuotaKey key, AppointmentId appointmentId, Instant start) {
        apply(new QuotaPlaceTaken(key.aggregateId(), key.businessId(), key.serviceId(), key.customerId(), appointmentId, start));
    }

    /** Rejects when the period of {@code start} already holds the limit's number of other counted appointments. */
    void check(AppointmentId appointmentId, Instant start, CustomerLimit limit, ZoneId zone) {
        LocalDate period = limit.periodOf(start, zone);
        long inPeriod = places.entrySet().stream()
                .filter(p -> !p.getKey().equals(appointmentId))
                .filter(p -> limit.periodOf(p.getValue(), zone).equals(period))
                .count();
        BookingException.require(inPeriod < limit.max(), ErrorCode.CUSTOMER_LIMIT_REACHED,
                () -> "customer " + customerId + " may book service " + serviceId + " at most " + limit.max()
                        + " times per " + limit.period().name().toLowerCase(java.util.Locale.ROOT) + "; the "
                        + limit.period().name().toLowerCase(java.util.Locale.ROOT) + " from " + period + " is full");
    }

    /**
     * Counts the appointment at {@code start}: takes a place, or moves the one it has (a reschedule or transfer).
     * Without a limit ({@code null}) the move is recorded without a check. The same start again changes nothing.
     */
    void place(AppointmentId appointmentId, Instant start, CustomerLimit limit, ZoneId zone) {
        Instant current = places.get(appointmentId);
        if (start.equals(current)) {
            return;
        }
        if (limit != null) {
            check(appointmentId, start, limit, zone);
        }
        if (current == null) {
            apply(new QuotaPlaceTaken(id, businessId, serviceId, customerId, appointmentId, start));
        } else {
            apply(new QuotaPlaceMoved(id, businessId, serviceId, customerId, appointmentId, start));
        }
    }

    /** The counted appointments and their starts. */
    Map<AppointmentId, Instant> places() {
        return Map.copyOf(places);
    }

    /**
     * Which of {@code wanted} (taken in order, each counting for the ones after it) would go beyond the limit on top
     * of the {@code counted} appointments.
     */
    static Set<AppointmentId> beyondLimit(Map<AppointmentId, Instant> counted, List<Map.Entry<AppointmentId, Instant>> wanted,
                                          CustomerLimit limit, ZoneId zone) {
        Map<AppointmentId, Instant> taken = new HashMap<>(counted);
        Set<AppointmentId> beyond = new java.util.LinkedHashSet<>();
        for (Map.Entry<AppointmentId, Instant> w : wanted) {
            LocalDate period = limit.periodOf(w.getValue(), zone);
            long inPeriod = taken.entrySet().stream()
                    .filter(p -> !p.getKey().equals(w.getKey()))
                    .filter(p -> limit.periodOf(p.getValue(), zone).equals(period))
                    .count();
            if (inPeriod < limit.max()) {
                taken.put(w.getKey(), w.getValue());
            } else {
                beyond.add(w.getKey());
            }
        }
        return beyond;
    }

    /** A cancelled appointment frees its place; one not counted changes nothing. */
    void release(AppointmentId appointmentId) {
        if (places.containsKey(appointmentId)) {
            apply(new QuotaPlaceReleased(id, businessId, serviceId, customerId, appointmentId));
        }
    }

    @EventSourcingHandler
    void on(QuotaPlaceTaken event) {
        id = event.quotaId();
        businessId = event.businessId();
        serviceId = event.serviceId();
        customerId = event.customerId();
        places.put(event.appointmentId(), event.start());
    }

    @EventSourcingHandler
    void on(QuotaPlaceMoved event) {
        places.put(event.appointmentId(), event.start());
    }

    @EventSourcingHandler
    void on(QuotaPlaceReleased event) {
        places.remove(event.appointmentId());
    }
}

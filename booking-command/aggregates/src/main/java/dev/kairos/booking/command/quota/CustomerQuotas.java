package dev.kairos.booking.command.quota;

import dev.kairos.booking.catalog.CustomerLimit;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.command.support.CommandLookups;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.quota.QuotaKey;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.List;

/**
 * The customer-limit side of booking, moving and cancelling. A handler first loads the calendars it needs, then asks
 * here for a {@link Step}: preparing it loads the customer's quota (after the calendars, always, so locks are taken
 * in one order) and checks the limit, rejecting before anything is applied. Once the calendar has decided, the
 * handler applies the step in the same unit of work; both aggregates' events are stored in one transaction.
 */
@Component
public class CustomerQuotas {
    private final Repository<CustomerServiceQuota> quotas;
    private final CommandLookups lookups;

    public CustomerQuotas(Repository<CustomerServiceQuota> quotas, CommandLookups lookups) {
        this.quotas = quotas;
        this.lookups = lookups;
    }

    /** A quota change, already checked, to apply after the calendar's decision. */
    @FunctionalInterface
    public interface Step {
        Step NONE = () -> { };

        void apply();
    }

    /** Counting a new booking; rejects with customer-limit-reached when the period is full. */
    public Step toBook(BusinessId businessId, ServiceId serviceId, CustomerId customerId, AppointmentId appointmentId,
                       Instant start, ServiceTerms terms) {
        CustomerLimit limit = terms.customerLimit();
        if (limit == null) {
            return Step.NONE;
        }
        return place(new QuotaKey(businessId, serviceId, customerId), appointmentId, start, limit, zoneOf(businessId));
    }

    /**
     * Moving a booking to {@code newStart}: checked against the limit when the service has one (an appointment
     * booked before the limit existed starts counting now), merely recorded when only the appointment was counted.
     */
    public Step toMove(BusinessId businessId, ServiceId serviceId, CustomerId customerId, AppointmentId appointmentId,
                       Instant newStart, ServiceTerms terms) {
        if (terms.customerLimit() != null) {
            return toBook(businessId, serviceId, customerId, appointmentId, newStart, terms);
        }
        return toRecordMove(businessId, appointmentId, newStart);
    }

    /** Records that a counted appointment now starts at {@code newStart}, without a check; none if it is not counted. */
    public Step toRecordMove(BusinessId businessId, AppointmentId appointmentId, Instant newStart) {
        Optional<String> counted = lookups.quotaOf(appointmentId);
        if (counted.isEmpty()) {
            return Step.NONE;
        }
        Aggregate<CustomerServiceQuota> quota = quotas.load(counted.get());
        ZoneId zone = zoneOf(businessId);
        return decided(() -> quota.execute(q -> q.place(appointmentId, newStart, null, zone)));
    }

    /**
     * The occurrences of a series (in order) that would take the customer beyond the service's limit, counting the
     * customer's bookings so far and each earlier occurrence; none without a limit.
     */
    public Set<AppointmentId> beyondLimit(BusinessId businessId, ServiceId serviceId, CustomerId customerId,
                                          List<Map.Entry<AppointmentId, Instant>> wanted, ServiceTerms terms) {
        CustomerLimit limit = terms.customerLimit();
        if (limit == null || wanted.isEmpty()) {
            return Set.of();
        }
        QuotaKey key = new QuotaKey(businessId, serviceId, customerId);
        Map<AppointmentId, Instant> counted = lookups.quotaExists(key.aggregateId())
                ? quotas.load(key.aggregateId()).invoke(CustomerServiceQuota::places) : Map.of();
        return CustomerServiceQuota.beyondLimit(counted, wanted, limit, zoneOf(businessId));
    }

    /** Counting the booked occurrences of a series, already checked with {@link #beyondLimit}. */
    public Step toBookAll(BusinessId businessId, ServiceId serviceId, CustomerId customerId,
                          List<Map.Entry<AppointmentId, Instant>> booked, ServiceTerms terms) {
        CustomerLimit limit = terms.customerLimit();
        if (limit == null || booked.isEmpty()) {
            return Step.NONE;
        }
        QuotaKey key = new QuotaKey(businessId, serviceId, customerId);
        ZoneId zone = zoneOf(businessId);
        return decided(() -> {
            Aggregate<CustomerServiceQuota> quota;
            List<Map.Entry<AppointmentId, Instant>> rest = booked;
            if (lookups.quotaExists(key.aggregateId())) {
                quota = quotas.load(key.aggregateId());
            } else {
                Map.Entry<AppointmentId, Instant> first = booked.get(0);
                try {
                    quota = quotas.newInstance(() -> new CustomerServiceQuota(key, first.getKey(), first.getValue()));
                } catch (Exception e) {
                    throw new IllegalStateException("customer quota " + key + " could not be created", e);
                }
                rest = booked.subList(1, booked.size());
            }
            for (Map.Entry<AppointmentId, Instant> b : rest) {
                quota.execute(q -> q.place(b.getKey(), b.getValue(), limit, zone));
            }
        });
    }

    /** Cancelling a booking frees its place, if it was counted. */
    public Step toRelease(AppointmentId appointmentId) {
        Optional<String> counted = lookups.quotaOf(appointmentId);
        if (counted.isEmpty()) {
            return Step.NONE;
        }
        Aggregate<CustomerServiceQuota> quota = quotas.load(counted.get());
        return decided(() -> quota.execute(q -> q.release(appointmentId)));
    }

    private Step place(QuotaKey key, AppointmentId appointmentId, Instant start, CustomerLimit limit, ZoneId zone) {
        if (!lookups.quotaExists(key.aggregateId())) {
            // two first bookings racing both create the aggregate: the second's transaction collides on sequence 0
            // and the whole command is decided again, then finding the first one's place
            return decided(() -> {
                try {
                    quotas.newInstance(() -> new CustomerServiceQuota(key, appointmentId, start));
                } catch (Exception e) {
                    throw new IllegalStateException("customer quota " + key + " could not be created", e);
                }
            });
        }
        Aggregate<CustomerServiceQuota> quota = quotas.load(key.aggregateId());
        quota.execute(q -> q.check(appointmentId, start, limit, zone));
        return decided(() -> quota.execute(q -> q.place(appointmentId, start, limit, zone)));
    }

    /**
     * A step runs after the calendar applied its events. It was checked on the same locked state, so it cannot be
     * rejected; if it were, that must roll the whole unit of work back (a business rejection would not), so that no
     * booking is ever stored without its place.
     */
    private static Step decided(Runnable change) {
        return () -> {
            try {
                change.run();
            } catch (BookingException e) {
                throw new IllegalStateException("a checked quota change was rejected: " + e.getMessage(), e);
            }
        };
    }

    private ZoneId zoneOf(BusinessId businessId) {
        return lookups.businessZone(businessId).orElse(ZoneOffset.UTC);
    }
}

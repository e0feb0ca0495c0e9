package dev.kairos.benchmark;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.calendar.StaffMemberRegistered;
import dev.kairos.booking.calendar.StaffProfile;
import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.calendar.WorkingInterval;
import dev.kairos.booking.catalog.BusinessProfile;
import dev.kairos.booking.catalog.BusinessRegistered;
import dev.kairos.booking.catalog.ServiceDefined;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A realistic history of other tenants, as the engine's aggregates would have written it: businesses, each with a
 * service and staff members whose calendars hold many past, non-overlapping bookings of returning customers.
 * Yields exactly {@code count} events, in an order where every aggregate's stream is gap-free.
 */
final class FillerHistory implements Iterator<DomainEventMessage<?>> {
    private static final String BUSINESS = "Business";
    private static final String SERVICE = "ServiceOffering";
    private static final String CALENDAR = "StaffCalendar";
    private static final int STAFF_PER_BUSINESS = 10;
    private static final int BOOKINGS_PER_STAFF = 1_000;
    private static final int CUSTOMERS_PER_BUSINESS = 300;
    private static final Duration LENGTH = SlotPattern.LENGTH;
    private static final int SLOTS_PER_DAY = 24;

    private final long count;
    private final Instant historyStart;
    private final List<DomainEventMessage<?>> pending = new ArrayList<>();
    private long produced;
    private int businesses;

    FillerHistory(long count, LocalDate today) {
        this.count = count;
        this.historyStart = today.minusDays(400).atTime(SlotPattern.OPENS).toInstant(ZoneOffset.UTC);
    }

    @Override
    public boolean hasNext() {
        return produced < count;
    }

    @Override
    public DomainEventMessage<?> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (pending.isEmpty()) {
            nextBusinessSkeleton();
        }
        produced++;
        return pending.remove(pending.size() - 1);
    }

    /** Queues (in reverse, to be taken from the end) one business with its service, staff and their bookings. */
    private void nextBusinessSkeleton() {
        int number = ++businesses;
        BusinessId business = new BusinessId(UUID.randomUUID());
        ServiceId service = new ServiceId(UUID.randomUUID());
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(event(BUSINESS, business.toString(), 0, new BusinessRegistered(business,
                new BusinessProfile("Filler business " + number, ZoneOffset.UTC, "EUR", Map.of()))));
        events.add(event(SERVICE, service.toString(), 0, new ServiceDefined(service, business, terms())));
        for (int s = 0; s < STAFF_PER_BUSINESS; s++) {
            StaffId staff = new StaffId(UUID.randomUUID());
            events.add(event(CALENDAR, staff.toString(), 0, new StaffMemberRegistered(staff, business,
                    new StaffProfile("Filler staff " + number + "." + s, null, null, ZoneOffset.UTC), everyDay(), Set.of(service))));
            for (int b = 0; b < BOOKINGS_PER_STAFF; b++) {
                events.add(event(CALENDAR, staff.toString(), b + 1, booking(business, service, staff, b)));
            }
        }
        for (int i = events.size() - 1; i >= 0; i--) {
            pending.add(events.get(i));
        }
    }

    private AppointmentBooked booking(BusinessId business, ServiceId service, StaffId staff, int n) {
        Instant start = historyStart.plus(Duration.ofDays(n / SLOTS_PER_DAY)).plus(LENGTH.multipliedBy(n % SLOTS_PER_DAY));
        TimeSlot slot = TimeSlot.of(start, LENGTH);
        String email = "customer" + Math.floorMod(staff.id().hashCode() + n, CUSTOMERS_PER_BUSINESS) + "@filler.example";
        return new AppointmentBooked(new AppointmentId(UUID.randomUUID()), business, staff, service,
                CustomerId.forContact(business, email, null), new CustomerDetails("Filler Customer", email, null),
                slot, slot, null, Map.of(), start.minus(Duration.ofDays(3)));
    }

    private static ServiceTerms terms() {
        return new ServiceTerms("Filler service", null, LENGTH, new Money(new BigDecimal("40.00"), "EUR"),
                Duration.ZERO, Duration.ZERO, LENGTH, Duration.ZERO, 60, null, 1, null);
    }

    private static WeeklySchedule everyDay() {
        WorkingInterval hours = new WorkingInterval(SlotPattern.OPENS, SlotPattern.CLOSES);
        return new WeeklySchedule(Arrays.stream(DayOfWeek.values()).collect(Collectors.toMap(d -> d, d -> List.of(hours))));
    }

    private static DomainEventMessage<?> event(String type, String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload);
    }
}

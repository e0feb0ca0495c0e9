package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.AppointmentCompleted;
import dev.kairos.booking.calendar.AppointmentConfirmed;
import dev.kairos.booking.calendar.AppointmentMarkedNoShow;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.BookSlot;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.calendar.StaffMemberDeactivated;
import dev.kairos.booking.calendar.StaffMemberRegistered;
import dev.kairos.booking.calendar.StaffProfile;
import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.calendar.WorkingInterval;
import dev.kairos.booking.catalog.BusinessDeactivated;
import dev.kairos.booking.catalog.BusinessProfile;
import dev.kairos.booking.catalog.BusinessRegistered;
import dev.kairos.booking.catalog.ServiceDeactivated;
import dev.kairos.booking.catalog.ServiceDefined;
import dev.kairos.booking.catalog.ChangePolicy;
import dev.kairos.booking.catalog.ChangeWindow;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.command.catalog.Business;
import dev.kairos.booking.command.catalog.ServiceOffering;
import dev.kairos.booking.command.support.BookingWorld;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Readable set-ups for staff calendar tests:
 * {@code givenStaff().workingMondays("09:00-12:00", "13:00-17:00").providing(CUT).registered().booked(A, CUT, monday("10:00"))}.
 *
 * <p>By default the world holds one active business with two services, {@link #CUT} (60 min, 15 min buffers on
 * both sides, 2 h notice, 60 days ahead) and {@link #QUICK} (30 min, no buffers, no notice, 60 days ahead), and a
 * second tenant with its own service. All times are fixed; "now" is Tuesday 2026-12-01 09:00 in Berlin.
 */
final class CalendarScenario {
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    static final BusinessId BUSINESS = new BusinessId(uuid("b001"));
    static final BusinessId OTHER_BUSINESS = new BusinessId(uuid("b002"));
    static final StaffId STAFF = new StaffId(uuid("5001"));
    static final StaffId OTHER_STAFF = new StaffId(uuid("5002"));
    static final ServiceId CUT = new ServiceId(uuid("c001"));
    static final ServiceId QUICK = new ServiceId(uuid("c002"));
    static final ServiceId FOREIGN = new ServiceId(uuid("c003"));
    /** A group class: one hour, three seats. */
    static final ServiceId YOGA = new ServiceId(uuid("c005"));
    /** 60 min, no buffers, no notice; cancel free until 24 h before, then 10 EUR, not within 2 h; move free until 24 h before, then 5 EUR, not within 3 h. */
    static final ServiceId STRICT = new ServiceId(uuid("c004"));
    static final Money CANCEL_FEE = new Money(new BigDecimal("10.00"), "EUR");
    static final Money MOVE_FEE = new Money(new BigDecimal("5.00"), "EUR");
    static final ChangePolicy STRICT_POLICY = new ChangePolicy(
            new ChangeWindow(Duration.ofHours(24), Duration.ofHours(2), CANCEL_FEE),
            new ChangeWindow(Duration.ofHours(24), Duration.ofHours(3), MOVE_FEE));
    static final AppointmentId A1 = new AppointmentId(uuid("a001"));
    static final AppointmentId A2 = new AppointmentId(uuid("a002"));
    static final AppointmentId A3 = new AppointmentId(uuid("a003"));
    static final AppointmentId A4 = new AppointmentId(uuid("a004"));
    static final CustomerDetails ADA = new CustomerDetails("Ada Lovelace", "ada@example.com", null);
    static final CustomerId ADA_ID = CustomerId.forContact(BUSINESS, "ada@example.com", null);
    static final StaffProfile ANNA = new StaffProfile("Anna", "anna@example.com", null, BERLIN);
    static final Instant BOOKED_AT = Instant.parse("2026-11-20T10:00:00Z");

    static final Map<ServiceId, ServiceTerms> TERMS = Map.of(
            CUT, terms("Cut", 60, 15, 15, Duration.ofHours(2), 60),
            QUICK, terms("Quick fix", 30, 0, 0, Duration.ZERO, 60),
            FOREIGN, terms("Elsewhere", 30, 0, 0, Duration.ZERO, 60),
            YOGA, new ServiceTerms("Yoga", null, Duration.ofMinutes(60), new Money(new BigDecimal("12.00"), "EUR"),
                    Duration.ZERO, Duration.ZERO, Duration.ofMinutes(60), Duration.ZERO, 60, null, 3),
            STRICT, new ServiceTerms("Strict", null, Duration.ofMinutes(60), new Money(new BigDecimal("40.00"), "EUR"),
                    Duration.ZERO, Duration.ZERO, Duration.ofMinutes(15), Duration.ZERO, 60, STRICT_POLICY));

    final BookingWorld world = new BookingWorld(NOW);
    private final Map<StaffId, Long> staffRevisions = new HashMap<>();
    private final Map<AppointmentId, Long> appointmentRevisions = new HashMap<>();
    private final Map<AppointmentId, StaffId> appointmentStaff = new HashMap<>();
    private final Map<AppointmentId, ServiceId> appointmentService = new HashMap<>();

    CalendarScenario() {
        world.given(Business.class, BUSINESS, new BusinessRegistered(BUSINESS,
                new BusinessProfile("Salon", BERLIN, "EUR", Map.of())));
        world.given(Business.class, OTHER_BUSINESS, new BusinessRegistered(OTHER_BUSINESS,
                new BusinessProfile("Other salon", BERLIN, "EUR", Map.of())));
        world.given(ServiceOffering.class, CUT, new ServiceDefined(CUT, BUSINESS, TERMS.get(CUT)));
        world.given(ServiceOffering.class, QUICK, new ServiceDefined(QUICK, BUSINESS, TERMS.get(QUICK)));
        world.given(ServiceOffering.class, STRICT, new ServiceDefined(STRICT, BUSINESS, TERMS.get(STRICT)));
        world.given(ServiceOffering.class, FOREIGN, new ServiceDefined(FOREIGN, OTHER_BUSINESS, TERMS.get(FOREIGN)));
        world.given(ServiceOffering.class, YOGA, new ServiceDefined(YOGA, BUSINESS, TERMS.get(YOGA)));
    }

    static ServiceTerms terms(String name, int minutes, int before, int after, Duration notice, int maxAdvanceDays) {
        return new ServiceTerms(name, null, Duration.ofMinutes(minutes), new Money(new BigDecimal("30.00"), "EUR"),
                Duration.ofMinutes(before), Duration.ofMinutes(after), Duration.ofMinutes(15), notice, maxAdvanceDays, null, 1, null);
    }

    static UUID uuid(String suffix) {
        return UUID.fromString("00000000-0000-0000-0000-00000000" + suffix);
    }

    /** A wall-clock time on Monday 2026-12-07 in Berlin (UTC+1). */
    static Instant monday(String time) {
        return at(MONDAY, time);
    }

    static Instant at(LocalDate date, String time) {
        return ZonedDateTime.of(LocalDateTime.of(date, LocalTime.parse(time)), BERLIN).toInstant();
    }

    static TimeSlot slot(ServiceId service, Instant start) {
        return TimeSlot.of(start, TERMS.get(service).duration());
    }

    static TimeSlot blocked(ServiceId service, Instant start) {
        ServiceTerms t = TERMS.get(service);
        return slot(service, start).widen(t.bufferBefore(), t.bufferAfter());
    }

    static WeeklySchedule schedule(Map<DayOfWeek, List<WorkingInterval>> days) {
        return new WeeklySchedule(days);
    }

    static List<WorkingInterval> intervals(String... specs) {
        List<WorkingInterval> list = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.split("-");
            list.add(new WorkingInterval(LocalTime.parse(parts[0]), LocalTime.parse(parts[1])));
        }
        return list;
    }

    // ---- given

    StaffBuilder givenStaff() {
        return new StaffBuilder(STAFF);
    }

    StaffBuilder givenStaff(StaffId staffId) {
        return new StaffBuilder(staffId);
    }

    final class StaffBuilder {
        private final StaffId staffId;
        private final Map<DayOfWeek, List<WorkingInterval>> days = new EnumMap<>(DayOfWeek.class);
        private final Set<ServiceId> services = new LinkedHashSet<>();
        private StaffProfile profile = ANNA;
        private BusinessId businessId = BUSINESS;

        private StaffBuilder(StaffId staffId) {
            this.staffId = staffId;
        }

        StaffBuilder workingMondays(String... intervals) {
            return working(DayOfWeek.MONDAY, intervals);
        }

        StaffBuilder working(DayOfWeek day, String... specs) {
            days.put(day, intervals(specs));
            return this;
        }

        StaffBuilder providing(ServiceId... ids) {
            services.addAll(List.of(ids));
            return this;
        }

        StaffBuilder ofBusiness(BusinessId businessId) {
            this.businessId = businessId;
            return this;
        }

        StaffBuilder withProfile(StaffProfile profile) {
            this.profile = profile;
            return this;
        }

        CalendarScenario registered() {
            staffRevisions.put(staffId, 1L);
            world.given(StaffCalendar.class, staffId, new StaffMemberRegistered(staffId, businessId, profile,
                    new WeeklySchedule(days), Set.copyOf(services)));
            return CalendarScenario.this;
        }
    }

    CalendarScenario staffDeactivated() {
        long next = staffRevisions.merge(STAFF, 1L, Long::sum);
        world.given(StaffCalendar.class, STAFF, new StaffMemberDeactivated(STAFF, BUSINESS, next));
        return this;
    }

    CalendarScenario businessDeactivated() {
        world.given(Business.class, BUSINESS, new BusinessDeactivated(BUSINESS, 2));
        return this;
    }

    CalendarScenario serviceDeactivated(ServiceId service) {
        world.given(ServiceOffering.class, service, new ServiceDeactivated(service, BUSINESS, 2));
        return this;
    }

    CalendarScenario booked(AppointmentId id, ServiceId service, Instant start) {
        return booked(STAFF, id, service, start);
    }

    CalendarScenario booked(StaffId staff, AppointmentId id, ServiceId service, Instant start) {
        appointmentRevisions.put(id, 1L);
        appointmentStaff.put(id, staff);
        appointmentService.put(id, service);
        world.given(StaffCalendar.class, staff, new AppointmentBooked(id, BUSINESS, staff, service, ADA_ID, ADA,
                slot(service, start), blocked(service, start), null, Map.of(), BOOKED_AT));
        return this;
    }

    CalendarScenario rescheduled(AppointmentId id, Instant from, Instant to) {
        ServiceId service = appointmentService.get(id);
        world.given(StaffCalendar.class, appointmentStaff.get(id), new AppointmentRescheduled(id, BUSINESS,
                appointmentStaff.get(id), slot(service, from), slot(service, to), blocked(service, to), nextRevision(id)));
        return this;
    }

    CalendarScenario confirmed(AppointmentId id) {
        world.given(StaffCalendar.class, appointmentStaff.get(id),
                new AppointmentConfirmed(id, BUSINESS, appointmentStaff.get(id), nextRevision(id)));
        return this;
    }

    CalendarScenario cancelled(AppointmentId id) {
        world.given(StaffCalendar.class, appointmentStaff.get(id),
                new AppointmentCancelled(id, BUSINESS, appointmentStaff.get(id), "customer cancelled", nextRevision(id)));
        return this;
    }

    CalendarScenario completed(AppointmentId id) {
        world.given(StaffCalendar.class, appointmentStaff.get(id),
                new AppointmentCompleted(id, BUSINESS, appointmentStaff.get(id), nextRevision(id)));
        return this;
    }

    CalendarScenario markedNoShow(AppointmentId id) {
        world.given(StaffCalendar.class, appointmentStaff.get(id),
                new AppointmentMarkedNoShow(id, BUSINESS, appointmentStaff.get(id), nextRevision(id)));
        return this;
    }

    CalendarScenario clockAt(Instant now) {
        world.clockAt(now);
        return this;
    }

    private long nextRevision(AppointmentId id) {
        return appointmentRevisions.merge(id, 1L, Long::sum);
    }

    // ---- when

    BookingWorld.Then when(Object command) {
        return world.when(command);
    }

    static BookSlot book(AppointmentId id, ServiceId service, Instant start) {
        return new BookSlot(id, BUSINESS, STAFF, service, ADA_ID, ADA, start, "first visit", Map.of("channel", "web"));
    }

    /** The event a successful {@link #book} produces at {@code now}. */
    static AppointmentBooked bookedEvent(AppointmentId id, ServiceId service, Instant start, Instant now) {
        return new AppointmentBooked(id, BUSINESS, STAFF, service, ADA_ID, ADA, slot(service, start), blocked(service, start),
                "first visit", Map.of("channel", "web"), now);
    }

    static AppointmentBooked bookedEvent(AppointmentId id, ServiceId service, Instant start) {
        return bookedEvent(id, service, start, NOW);
    }
}

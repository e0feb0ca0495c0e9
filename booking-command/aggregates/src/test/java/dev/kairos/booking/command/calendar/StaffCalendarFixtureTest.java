package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.BookSlot;
import dev.kairos.booking.calendar.BlockTime;
import dev.kairos.booking.calendar.BookingLimits;
import dev.kairos.booking.calendar.BookingLimitsSet;
import dev.kairos.booking.calendar.SetBookingLimits;
import dev.kairos.booking.calendar.CancelAppointment;
import dev.kairos.booking.calendar.TimeBlocked;
import dev.kairos.booking.calendar.TimeUnblocked;
import dev.kairos.booking.calendar.UnblockTime;
import dev.kairos.booking.common.TimeOffId;
import dev.kairos.booking.calendar.ClearWorkingDayOverride;
import dev.kairos.booking.calendar.OverrideWorkingDay;
import dev.kairos.booking.calendar.WorkingDayOverrideCleared;
import dev.kairos.booking.calendar.WorkingDayOverridden;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.calendar.StaffMemberRegistered;
import dev.kairos.booking.calendar.StaffProfile;
import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.calendar.WorkingInterval;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.command.support.CommandLookups;
import dev.kairos.booking.command.support.InMemoryLookups;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import org.axonframework.test.deadline.StubDeadlineManager;
import dev.kairos.booking.command.quota.CustomerQuotas;
import dev.kairos.booking.command.quota.CustomerServiceQuota;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The core booking rules on Axon's own {@link AggregateTestFixture}: given past events, when a command, expect
 * events, a rejection with its code, or nothing. (The broader rule catalogue runs on {@code BookingWorld}.)
 */
class StaffCalendarFixtureTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant MONDAY_NINE = Instant.parse("2026-12-07T09:00:00Z");
    private static final java.time.LocalDate MONDAY = java.time.LocalDate.of(2026, 12, 7);
    private static final BusinessId BUSINESS = new BusinessId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final StaffId MIA = new StaffId(UUID.fromString("00000000-0000-0000-0000-0000000000f1"));
    private static final ServiceId CUT = new ServiceId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    private static final AppointmentId FIRST = new AppointmentId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final AppointmentId SECOND = new AppointmentId(UUID.fromString("00000000-0000-0000-0000-0000000000a2"));
    private static final CustomerDetails ADA = new CustomerDetails("Ada", "ada@example.com", null);
    private static final CustomerId ADA_ID = CustomerId.forContact(BUSINESS, ADA.email(), null);
    /** 45 minutes with 15 minutes of cleanup after. */
    private static final ServiceTerms TERMS = new ServiceTerms("Cut", null, Duration.ofMinutes(45),
            new Money(new BigDecimal("30.00"), "EUR"), Duration.ZERO, Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(2), 60, null, 1, null);

    private AggregateTestFixture<StaffCalendar> fixture;

    @BeforeEach
    void fixture() {
        InMemoryLookups lookups = new InMemoryLookups();
        lookups.businesses.put(BUSINESS, true);
        lookups.services.put(CUT, new CommandLookups.ServiceRecord(BUSINESS, TERMS, true));
        fixture = new AggregateTestFixture<>(StaffCalendar.class);
        fixture.registerAnnotatedCommandHandler(new CalendarCommandHandler(fixture.getRepository(), lookups,
                quotas(fixture, lookups), Clock.fixed(NOW, ZoneOffset.UTC), new StubDeadlineManager(NOW)));
    }

    /** Customer quotas on the fixture's event store (these terms have no customer limit, so they stay untouched). */
    private static CustomerQuotas quotas(AggregateTestFixture<StaffCalendar> fixture, InMemoryLookups lookups) {
        return new CustomerQuotas(EventSourcingRepository.builder(CustomerServiceQuota.class)
                .eventStore(fixture.getEventStore()).build(), lookups);
    }

    private static StaffMemberRegistered miaWorksMondays() {
        WeeklySchedule mondays = new WeeklySchedule(Map.of(DayOfWeek.MONDAY,
                List.of(new WorkingInterval(LocalTime.of(9, 0), LocalTime.of(17, 0)))));
        return new StaffMemberRegistered(MIA, BUSINESS, new StaffProfile("Mia", null, null, ZoneId.of("UTC")), mondays, Set.of(CUT));
    }

    private static BookSlot book(AppointmentId id, Instant start) {
        return new BookSlot(id, BUSINESS, MIA, CUT, ADA_ID, ADA, start, null, Map.of());
    }

    private static AppointmentBooked booked(AppointmentId id, Instant start) {
        TimeSlot slot = TimeSlot.of(start, Duration.ofMinutes(45));
        return new AppointmentBooked(id, BUSINESS, MIA, CUT, ADA_ID, ADA, slot, slot.widen(Duration.ZERO, Duration.ofMinutes(15)),
                null, Map.of(), NOW);
    }

    @Test
    void booksAFreeSlotWithItsCleanupTime() {
        fixture.given(miaWorksMondays())
                .when(book(FIRST, MONDAY_NINE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booked(FIRST, MONDAY_NINE));
    }

    @Test
    void rejectsAStartInsideAnotherAppointmentsCleanup() {
        fixture.given(miaWorksMondays(), booked(FIRST, MONDAY_NINE))
                .when(book(SECOND, MONDAY_NINE.plus(Duration.ofMinutes(45))))
                .expectException(rejectedWith(ErrorCode.SLOT_UNAVAILABLE))
                .expectNoEvents();
    }

    @Test
    void allowsBackToBackAfterTheCleanup() {
        fixture.given(miaWorksMondays(), booked(FIRST, MONDAY_NINE))
                .when(book(SECOND, MONDAY_NINE.plus(Duration.ofHours(1))))
                .expectEvents(booked(SECOND, MONDAY_NINE.plus(Duration.ofHours(1))));
    }

    @Test
    void rejectsOutsideWorkingHoursAndTooShortNotice() {
        fixture.given(miaWorksMondays())
                .when(book(FIRST, Instant.parse("2026-12-07T16:30:00Z")))
                .expectException(rejectedWith(ErrorCode.OUTSIDE_WORKING_HOURS));
        fixture.given(miaWorksMondays())
                .when(book(FIRST, NOW.plus(Duration.ofHours(1))))
                .expectException(rejectedWith(ErrorCode.MINIMUM_NOTICE));
    }

    @Test
    void bookingTheSameAppointmentAgainChangesNothing() {
        fixture.given(miaWorksMondays(), booked(FIRST, MONDAY_NINE))
                .when(book(FIRST, MONDAY_NINE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCancelledAppointmentFreesItsTime() {
        fixture.given(miaWorksMondays(), booked(FIRST, MONDAY_NINE), new AppointmentCancelled(FIRST, BUSINESS, MIA, "ill", 2))
                .when(book(SECOND, MONDAY_NINE))
                .expectEvents(booked(SECOND, MONDAY_NINE));
    }

    @Test
    void cancellingEmitsTheReasonAndTheNextRevision() {
        InMemoryLookups lookups = new InMemoryLookups();
        lookups.appointments.put(FIRST, new CommandLookups.AppointmentRecord(BUSINESS, MIA, CUT,
                dev.kairos.booking.calendar.AppointmentStatus.SCHEDULED, 1));
        AggregateTestFixture<StaffCalendar> cancelling = new AggregateTestFixture<>(StaffCalendar.class);
        cancelling.registerAnnotatedCommandHandler(new CalendarCommandHandler(cancelling.getRepository(), lookups,
                quotas(cancelling, lookups), Clock.fixed(NOW, ZoneOffset.UTC), new StubDeadlineManager(NOW)));
        cancelling.given(miaWorksMondays(), booked(FIRST, MONDAY_NINE))
                .when(new CancelAppointment(FIRST, BUSINESS, "customer asked", null))
                .expectEvents(new AppointmentCancelled(FIRST, BUSINESS, MIA, "customer asked", 2));
    }

    @Test
    void aBusinessHolidayRejectsBookingsThatDay() {
        InMemoryLookups lookups = new InMemoryLookups();
        lookups.businesses.put(BUSINESS, true);
        lookups.zones.put(BUSINESS, ZoneId.of("UTC"));
        lookups.services.put(CUT, new CommandLookups.ServiceRecord(BUSINESS, TERMS, true));
        dev.kairos.booking.catalog.Holiday closed = new dev.kairos.booking.catalog.Holiday(
                new dev.kairos.booking.common.HolidayId(new UUID(0, 0xe1)), "Closing day", MONDAY, MONDAY);
        lookups.holidays.put(BUSINESS, Map.of(closed.id(), closed));
        AggregateTestFixture<StaffCalendar> closedMonday = new AggregateTestFixture<>(StaffCalendar.class);
        closedMonday.registerAnnotatedCommandHandler(new CalendarCommandHandler(closedMonday.getRepository(), lookups,
                quotas(closedMonday, lookups), Clock.fixed(NOW, ZoneOffset.UTC), new StubDeadlineManager(NOW)));
        closedMonday.given(miaWorksMondays())
                .when(book(FIRST, MONDAY_NINE))
                .expectException(rejectedWith(ErrorCode.BUSINESS_HOLIDAY))
                .expectNoEvents();
        closedMonday.given(miaWorksMondays())
                .when(book(FIRST, MONDAY_NINE.plus(Duration.ofDays(7))))
                .expectEvents(booked(FIRST, MONDAY_NINE.plus(Duration.ofDays(7))));
    }

    @Test
    void aDayOffOverrideRejectsBookingsThatDay() {
        fixture.given(miaWorksMondays(), new WorkingDayOverridden(MIA, BUSINESS, MONDAY, List.of(), 2))
                .when(book(FIRST, MONDAY_NINE))
                .expectException(rejectedWith(ErrorCode.OUTSIDE_WORKING_HOURS))
                .expectNoEvents();
    }

    @Test
    void otherHoursOnADateAreBookableAndTheWeeklyOnesAreNot() {
        fixture.given(miaWorksMondays(), new WorkingDayOverridden(MIA, BUSINESS, MONDAY,
                        List.of(new WorkingInterval(LocalTime.of(18, 0), LocalTime.of(20, 0))), 2))
                .when(book(FIRST, Instant.parse("2026-12-07T18:00:00Z")))
                .expectEvents(booked(FIRST, Instant.parse("2026-12-07T18:00:00Z")));
        fixture.given(miaWorksMondays(), new WorkingDayOverridden(MIA, BUSINESS, MONDAY,
                        List.of(new WorkingInterval(LocalTime.of(18, 0), LocalTime.of(20, 0))), 2))
                .when(book(FIRST, MONDAY_NINE))
                .expectException(rejectedWith(ErrorCode.OUTSIDE_WORKING_HOURS));
    }

    @Test
    void overridingAndClearingADate() {
        fixture.given(miaWorksMondays())
                .when(new OverrideWorkingDay(MIA, BUSINESS, MONDAY, List.of(), null))
                .expectEvents(new WorkingDayOverridden(MIA, BUSINESS, MONDAY, List.of(), 2));
        fixture.given(miaWorksMondays(), new WorkingDayOverridden(MIA, BUSINESS, MONDAY, List.of(), 2))
                .when(new OverrideWorkingDay(MIA, BUSINESS, MONDAY, List.of(), null))
                .expectNoEvents();
        fixture.given(miaWorksMondays(), new WorkingDayOverridden(MIA, BUSINESS, MONDAY, List.of(), 2))
                .when(new ClearWorkingDayOverride(MIA, BUSINESS, MONDAY, null))
                .expectEvents(new WorkingDayOverrideCleared(MIA, BUSINESS, MONDAY, 3));
        fixture.given(miaWorksMondays())
                .when(new ClearWorkingDayOverride(MIA, BUSINESS, MONDAY, null))
                .expectNoEvents();
        fixture.given(miaWorksMondays())
                .when(new OverrideWorkingDay(MIA, BUSINESS, MONDAY, List.of(), 7L))
                .expectException(rejectedWith(ErrorCode.REVISION_MISMATCH));
    }

    private static final TimeOffId BREAK = new TimeOffId(UUID.fromString("00000000-0000-0000-0000-0000000000d1"));
    private static final TimeSlot MONDAY_MORNING = new TimeSlot(MONDAY_NINE, MONDAY_NINE.plus(Duration.ofHours(3)));

    @Test
    void timeOffIsBlockedAndTakesItsPeriodOutOfBookableTime() {
        fixture.given(miaWorksMondays())
                .when(new BlockTime(MIA, BUSINESS, BREAK, MONDAY_MORNING, "dentist"))
                .expectEvents(new TimeBlocked(MIA, BUSINESS, BREAK, MONDAY_MORNING, "dentist"));
        fixture.given(miaWorksMondays(), new TimeBlocked(MIA, BUSINESS, BREAK, MONDAY_MORNING, "dentist"))
                .when(book(FIRST, MONDAY_NINE.plus(Duration.ofHours(1))))
                .expectException(rejectedWith(ErrorCode.SLOT_UNAVAILABLE));
        fixture.given(miaWorksMondays(), new TimeBlocked(MIA, BUSINESS, BREAK, MONDAY_MORNING, "dentist"))
                .when(book(FIRST, MONDAY_NINE.plus(Duration.ofHours(3))))
                .expectEvents(booked(FIRST, MONDAY_NINE.plus(Duration.ofHours(3))));
    }

    @Test
    void timeOffCannotCoverAnAppointmentOrLieInThePast() {
        fixture.given(miaWorksMondays(), booked(FIRST, MONDAY_NINE.plus(Duration.ofHours(2))))
                .when(new BlockTime(MIA, BUSINESS, BREAK, MONDAY_MORNING, null))
                .expectException(rejectedWith(ErrorCode.SLOT_UNAVAILABLE))
                .expectNoEvents();
        fixture.given(miaWorksMondays())
                .when(new BlockTime(MIA, BUSINESS, BREAK, new TimeSlot(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1))), null))
                .expectException(rejectedWith(ErrorCode.INVALID_TIME_RANGE));
        fixture.given(miaWorksMondays())
                .when(new BlockTime(MIA, BUSINESS, BREAK, new TimeSlot(NOW, NOW.plus(Duration.ofDays(400))), null))
                .expectException(rejectedWith(ErrorCode.INVALID_TIME_RANGE));
    }

    @Test
    void blockingAgainIsANoOpAndUnblockingFreesTheTime() {
        fixture.given(miaWorksMondays(), new TimeBlocked(MIA, BUSINESS, BREAK, MONDAY_MORNING, null))
                .when(new BlockTime(MIA, BUSINESS, BREAK, MONDAY_MORNING, null))
                .expectNoEvents();
        fixture.given(miaWorksMondays(), new TimeBlocked(MIA, BUSINESS, BREAK, MONDAY_MORNING, null))
                .when(new UnblockTime(MIA, BUSINESS, BREAK))
                .expectEvents(new TimeUnblocked(MIA, BUSINESS, BREAK));
        fixture.given(miaWorksMondays(), new TimeBlocked(MIA, BUSINESS, BREAK, MONDAY_MORNING, null), new TimeUnblocked(MIA, BUSINESS, BREAK))
                .when(book(FIRST, MONDAY_NINE))
                .expectEvents(booked(FIRST, MONDAY_NINE));
        fixture.given(miaWorksMondays())
                .when(new UnblockTime(MIA, BUSINESS, BREAK))
                .expectException(rejectedWith(ErrorCode.TIME_OFF_NOT_FOUND));
    }

    @Test
    void aDailyLimitRejectsTheNextBookingThatDayOnly() {
        BookingLimitsSet twoADay = new BookingLimitsSet(MIA, BUSINESS, new BookingLimits(2, null), 2);
        AppointmentId third = new AppointmentId(UUID.fromString("00000000-0000-0000-0000-0000000000a3"));
        fixture.given(miaWorksMondays(), twoADay, booked(FIRST, MONDAY_NINE), booked(SECOND, MONDAY_NINE.plus(Duration.ofHours(1))))
                .when(book(third, MONDAY_NINE.plus(Duration.ofHours(3))))
                .expectException(rejectedWith(ErrorCode.BOOKING_LIMIT_REACHED))
                .expectNoEvents();
        fixture.given(miaWorksMondays(), twoADay, booked(FIRST, MONDAY_NINE), booked(SECOND, MONDAY_NINE.plus(Duration.ofHours(1))),
                        new AppointmentCancelled(SECOND, BUSINESS, MIA, null, 2))
                .when(book(third, MONDAY_NINE.plus(Duration.ofHours(3))))
                .expectEvents(booked(third, MONDAY_NINE.plus(Duration.ofHours(3))));
        fixture.given(miaWorksMondays(), twoADay, booked(FIRST, MONDAY_NINE), booked(SECOND, MONDAY_NINE.plus(Duration.ofHours(1))))
                .when(book(third, MONDAY_NINE.plus(Duration.ofDays(7))))
                .expectEvents(booked(third, MONDAY_NINE.plus(Duration.ofDays(7))));
    }

    @Test
    void aWeeklyLimitCountsMondayToSunday() {
        BookingLimitsSet oneAWeek = new BookingLimitsSet(MIA, BUSINESS, new BookingLimits(null, 1), 2);
        fixture.given(miaWorksMondays(), oneAWeek, booked(FIRST, MONDAY_NINE))
                .when(book(SECOND, MONDAY_NINE.plus(Duration.ofHours(2))))
                .expectException(rejectedWith(ErrorCode.BOOKING_LIMIT_REACHED));
        fixture.given(miaWorksMondays(), oneAWeek, booked(FIRST, MONDAY_NINE))
                .when(book(SECOND, MONDAY_NINE.plus(Duration.ofDays(7))))
                .expectEvents(booked(SECOND, MONDAY_NINE.plus(Duration.ofDays(7))));
    }

    @Test
    void settingLimitsEmitsOnlyAChange() {
        fixture.given(miaWorksMondays())
                .when(new SetBookingLimits(MIA, BUSINESS, new BookingLimits(3, 10), null))
                .expectEvents(new BookingLimitsSet(MIA, BUSINESS, new BookingLimits(3, 10), 2));
        fixture.given(miaWorksMondays(), new BookingLimitsSet(MIA, BUSINESS, new BookingLimits(3, 10), 2))
                .when(new SetBookingLimits(MIA, BUSINESS, new BookingLimits(3, 10), null))
                .expectNoEvents();
    }

    private static TypeSafeMatcher<BookingException> rejectedWith(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(BookingException e) {
                return e.errorCode() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection with code ").appendValue(code.code());
            }
        };
    }
}

package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.BookSlot;
import dev.kairos.booking.calendar.CancelAppointment;
import dev.kairos.booking.calendar.CompleteAppointment;
import dev.kairos.booking.calendar.ConfirmAppointment;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.calendar.MarkNoShow;
import dev.kairos.booking.calendar.RescheduleAppointment;
import dev.kairos.booking.calendar.StaffProfile;
import dev.kairos.booking.catalog.CustomerLimit;
import dev.kairos.booking.catalog.ServiceRevised;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.command.catalog.ServiceOffering;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.quota.QuotaKey;
import dev.kairos.booking.quota.QuotaPlaceMoved;
import dev.kairos.booking.quota.QuotaPlaceReleased;
import dev.kairos.booking.quota.QuotaPlaceTaken;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static dev.kairos.booking.command.calendar.AnyStaffBookingTest.anyStaff;
import static dev.kairos.booking.command.calendar.CalendarScenario.A1;
import static dev.kairos.booking.command.calendar.CalendarScenario.A2;
import static dev.kairos.booking.command.calendar.CalendarScenario.A3;
import static dev.kairos.booking.command.calendar.CalendarScenario.ADA;
import static dev.kairos.booking.command.calendar.CalendarScenario.ADA_ID;
import static dev.kairos.booking.command.calendar.CalendarScenario.BUSINESS;
import static dev.kairos.booking.command.calendar.CalendarScenario.MONDAY;
import static dev.kairos.booking.command.calendar.CalendarScenario.NOW;
import static dev.kairos.booking.command.calendar.CalendarScenario.OTHER_STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.QUICK;
import static dev.kairos.booking.command.calendar.CalendarScenario.STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.TERMS;
import static dev.kairos.booking.command.calendar.CalendarScenario.at;
import static dev.kairos.booking.command.calendar.CalendarScenario.blocked;
import static dev.kairos.booking.command.calendar.CalendarScenario.monday;
import static dev.kairos.booking.command.calendar.CalendarScenario.slot;

/**
 * The service's customer limit: at most N bookings per customer per day / week / month in the business's zone,
 * decided by the customer's quota aggregate in the same unit of work as the calendar, across staff calendars.
 */
class CustomerLimitTest {
    static final String QUOTA = new QuotaKey(BUSINESS, QUICK, ADA_ID).aggregateId();
    static final CustomerDetails GRACE = new CustomerDetails("Grace Hopper", "grace@example.com", null);
    static final CustomerId GRACE_ID = CustomerId.forContact(BUSINESS, "grace@example.com", null);

    /** Anna and Ben work Mondays and Tuesdays; the quick fix allows {@code max} bookings per customer per period. */
    private static CalendarScenario limited(int max, CustomerLimit.Period period) {
        CalendarScenario scenario = new CalendarScenario()
                .givenStaff(STAFF).workingMondays("09:00-17:00").working(DayOfWeek.TUESDAY, "09:00-17:00").providing(QUICK).registered()
                .givenStaff(OTHER_STAFF).workingMondays("09:00-17:00").working(DayOfWeek.TUESDAY, "09:00-17:00").providing(QUICK).registered();
        scenario.world.given(ServiceOffering.class, QUICK, new ServiceRevised(QUICK, BUSINESS, quickWith(new CustomerLimit(max, period)), 2));
        return scenario;
    }

    static ServiceTerms quickWith(CustomerLimit limit) {
        ServiceTerms t = TERMS.get(QUICK);
        return new ServiceTerms(t.name(), t.description(), t.duration(), t.price(), t.bufferBefore(), t.bufferAfter(),
                t.slotInterval(), t.minimumNotice(), t.maxAdvanceDays(), limit);
    }

    private static BookSlot book(StaffId staff, AppointmentId id, Instant start) {
        return new BookSlot(id, BUSINESS, staff, QUICK, ADA_ID, ADA, start, null, Map.of());
    }

    private static AppointmentBooked booked(StaffId staff, AppointmentId id, Instant start) {
        return new AppointmentBooked(id, BUSINESS, staff, QUICK, ADA_ID, ADA, slot(QUICK, start), blocked(QUICK, start),
                null, Map.of(), NOW);
    }

    private static QuotaPlaceTaken taken(AppointmentId id, Instant start) {
        return new QuotaPlaceTaken(QUOTA, BUSINESS, QUICK, ADA_ID, id, start);
    }

    @Test
    void bookingsWithinTheLimitCountAcrossStaffCalendars() {
        CalendarScenario s = limited(2, CustomerLimit.Period.WEEK);
        s.when(book(STAFF, A1, monday("10:00"))).expectEvents(booked(STAFF, A1, monday("10:00")), taken(A1, monday("10:00")));
        Instant tuesday = at(MONDAY.plusDays(1), "10:00");
        s.when(book(OTHER_STAFF, A2, tuesday)).expectEvents(booked(OTHER_STAFF, A2, tuesday), taken(A2, tuesday));
    }

    @Test
    void aBookingBeyondTheLimitIsRejectedAndStoresNothing() {
        CalendarScenario s = limited(2, CustomerLimit.Period.WEEK);
        s.when(book(STAFF, A1, monday("10:00"))).expectSuccessfulHandlerExecution();
        s.when(book(OTHER_STAFF, A2, monday("10:00"))).expectSuccessfulHandlerExecution();
        s.when(book(OTHER_STAFF, A3, at(MONDAY.plusDays(1), "15:00"))).expectException(ErrorCode.CUSTOMER_LIMIT_REACHED);
        assertNotBooked(s, A3);
        // the next week is another period; another customer has a limit of their own
        s.when(book(OTHER_STAFF, A3, at(MONDAY.plusDays(7), "15:00"))).expectSuccessfulHandlerExecution();
        s.when(new BookSlot(new AppointmentId(CalendarScenario.uuid("a00f")), BUSINESS, STAFF, QUICK, GRACE_ID, GRACE,
                monday("12:00"), null, Map.of())).expectSuccessfulHandlerExecution();
    }

    @Test
    void anyStaffBookingRespectsTheLimitBeforeAskingAnyone() {
        CalendarScenario s = limited(1, CustomerLimit.Period.DAY);
        s.when(anyStaff(A1, QUICK, monday("10:00"))).expectEvents(booked(STAFF, A1, monday("10:00")), taken(A1, monday("10:00")));
        s.when(anyStaff(A2, QUICK, monday("15:00"))).expectException(ErrorCode.CUSTOMER_LIMIT_REACHED);
        s.when(anyStaff(A2, QUICK, at(MONDAY.plusDays(1), "09:00"))).expectSuccessfulHandlerExecution();
    }

    @Test
    void cancellingFreesThePlace() {
        CalendarScenario s = limited(1, CustomerLimit.Period.WEEK);
        s.when(book(STAFF, A1, monday("10:00"))).expectSuccessfulHandlerExecution();
        s.when(book(STAFF, A2, monday("12:00"))).expectException(ErrorCode.CUSTOMER_LIMIT_REACHED);
        s.when(new CancelAppointment(A1, BUSINESS, "changed plans", null)).expectEvents(
                new AppointmentCancelled(A1, BUSINESS, STAFF, "changed plans", 2),
                new QuotaPlaceReleased(QUOTA, BUSINESS, QUICK, ADA_ID, A1));
        s.when(book(STAFF, A2, monday("12:00"))).expectEvents(booked(STAFF, A2, monday("12:00")), taken(A2, monday("12:00")));
    }

    @Test
    void completedAndNoShowAppointmentsKeepCounting() {
        CalendarScenario s = limited(2, CustomerLimit.Period.WEEK);
        s.when(book(STAFF, A1, monday("10:00"))).expectSuccessfulHandlerExecution();
        s.when(book(STAFF, A2, monday("11:00"))).expectSuccessfulHandlerExecution();
        s.when(new ConfirmAppointment(A1, BUSINESS, null)).expectSuccessfulHandlerExecution();
        s.when(new ConfirmAppointment(A2, BUSINESS, null)).expectSuccessfulHandlerExecution();
        s.clockAt(monday("12:00"));
        s.when(new CompleteAppointment(A1, BUSINESS, null)).expectSuccessfulHandlerExecution();
        s.when(new MarkNoShow(A2, BUSINESS, null)).expectSuccessfulHandlerExecution();
        s.when(book(STAFF, A3, monday("15:00"))).expectException(ErrorCode.CUSTOMER_LIMIT_REACHED);
    }

    @Test
    void reschedulingIntoAFullPeriodIsRejectedAndOutOfItFreesThePlace() {
        CalendarScenario s = limited(1, CustomerLimit.Period.WEEK);
        Instant nextMonday = at(MONDAY.plusDays(7), "10:00");
        s.when(book(STAFF, A1, monday("10:00"))).expectSuccessfulHandlerExecution();
        s.when(book(STAFF, A2, nextMonday)).expectSuccessfulHandlerExecution();
        // within its own week an appointment may move (it does not count against itself)
        s.when(new RescheduleAppointment(A1, BUSINESS, monday("11:00"), null, null)).expectEvents(
                new AppointmentRescheduled(A1, BUSINESS, STAFF, slot(QUICK, monday("10:00")), slot(QUICK, monday("11:00")),
                        blocked(QUICK, monday("11:00")), 2),
                new QuotaPlaceMoved(QUOTA, BUSINESS, QUICK, ADA_ID, A1, monday("11:00")));
        Instant tuesday = at(MONDAY.plusDays(1), "10:00");
        s.when(new RescheduleAppointment(A2, BUSINESS, tuesday, null, null)).expectException(ErrorCode.CUSTOMER_LIMIT_REACHED);
        s.when(new RescheduleAppointment(A2, BUSINESS, tuesday, OTHER_STAFF, null)).expectException(ErrorCode.CUSTOMER_LIMIT_REACHED);
        Instant inTwoWeeks = at(MONDAY.plusDays(14), "10:00");
        s.when(new RescheduleAppointment(A1, BUSINESS, inTwoWeeks, null, null)).expectSuccessfulHandlerExecution();
        s.when(new RescheduleAppointment(A2, BUSINESS, tuesday, OTHER_STAFF, null)).expectSuccessfulHandlerExecution();
        s.when(book(STAFF, A3, at(MONDAY.plusDays(8), "10:00"))).expectSuccessfulHandlerExecution();
    }

    @Test
    void theWeekIsTheBusinesssWeekAcrossTheDaylightSavingChange() {
        // Berlin moves to summer time on Sunday 2027-03-28; the staff member works in UTC every Sunday and Monday
        CalendarScenario s = new CalendarScenario()
                .givenStaff(STAFF).withProfile(new StaffProfile("Uma", null, null, ZoneId.of("UTC")))
                .working(DayOfWeek.SUNDAY, "00:00-23:59").working(DayOfWeek.MONDAY, "00:00-23:59").providing(QUICK).registered()
                .clockAt(Instant.parse("2027-03-20T00:00:00Z"));
        s.world.given(ServiceOffering.class, QUICK, new ServiceRevised(QUICK, BUSINESS,
                quickWith(new CustomerLimit(1, CustomerLimit.Period.WEEK)), 2));
        Instant sundayLateInBerlin = Instant.parse("2027-03-28T21:30:00Z");     // Sunday 23:30 CEST: week of March 22
        Instant mondayMidnightBefore = Instant.parse("2027-03-21T23:00:00Z");   // Monday 00:00 CET: week of March 22
        Instant mondayAfterInBerlin = Instant.parse("2027-03-28T22:30:00Z");    // Monday 00:30 CEST: week of March 29
        s.when(book(STAFF, A1, sundayLateInBerlin)).expectSuccessfulHandlerExecution();
        s.when(book(STAFF, A2, mondayMidnightBefore)).expectException(ErrorCode.CUSTOMER_LIMIT_REACHED);
        // still Sunday in UTC (and for the staff member), but Monday of the next week for the business
        s.when(book(STAFF, A3, mondayAfterInBerlin)).expectSuccessfulHandlerExecution();
    }

    @Test
    void aRetriedBookingIsCountedOnce() {
        CalendarScenario s = limited(1, CustomerLimit.Period.WEEK);
        s.when(book(STAFF, A1, monday("10:00"))).expectSuccessfulHandlerExecution();
        s.when(book(STAFF, A1, monday("10:00"))).expectNoEvents();
    }

    private static void assertNotBooked(CalendarScenario s, AppointmentId id) {
        org.assertj.core.api.Assertions.assertThat(s.world.lookups.appointments).doesNotContainKey(id);
        org.assertj.core.api.Assertions.assertThat(s.world.lookups.quotaPlaces).doesNotContainKey(id);
    }
}

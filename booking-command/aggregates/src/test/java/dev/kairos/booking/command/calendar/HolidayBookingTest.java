package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.RescheduleAppointment;
import dev.kairos.booking.calendar.StaffProfile;
import dev.kairos.booking.catalog.Holiday;
import dev.kairos.booking.catalog.HolidayAdded;
import dev.kairos.booking.command.catalog.Business;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.HolidayId;
import dev.kairos.booking.common.SlotUnavailableException;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static dev.kairos.booking.command.calendar.CalendarScenario.A1;
import static dev.kairos.booking.command.calendar.CalendarScenario.A2;
import static dev.kairos.booking.command.calendar.CalendarScenario.BUSINESS;
import static dev.kairos.booking.command.calendar.CalendarScenario.CUT;
import static dev.kairos.booking.command.calendar.CalendarScenario.MONDAY;
import static dev.kairos.booking.command.calendar.CalendarScenario.OTHER_STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.QUICK;
import static dev.kairos.booking.command.calendar.CalendarScenario.STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.at;
import static dev.kairos.booking.command.calendar.CalendarScenario.book;
import static dev.kairos.booking.command.calendar.CalendarScenario.bookedEvent;
import static dev.kairos.booking.command.calendar.CalendarScenario.monday;
import static dev.kairos.booking.command.calendar.CalendarScenario.slot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business's holidays close every staff calendar: booking, rescheduling or moving onto one is rejected with
 * {@code business-holiday}. The business is in Berlin; holidays are whole Berlin dates.
 */
class HolidayBookingTest {
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final Holiday CLOSED_MONDAY = new Holiday(new HolidayId(new UUID(0, 0xe1)), "Closing day", MONDAY, MONDAY);

    /** Anna works Monday and Tuesday; the business is closed on Monday. */
    private static CalendarScenario closedOnMonday(StaffProfile profile) {
        CalendarScenario scenario = new CalendarScenario()
                .givenStaff().withProfile(profile).workingMondays("09:00-17:00").working(DayOfWeek.TUESDAY, "09:00-17:00")
                .providing(CUT, QUICK).registered();
        scenario.world.given(Business.class, BUSINESS, new HolidayAdded(BUSINESS, CLOSED_MONDAY));
        return scenario;
    }

    private static CalendarScenario closedOnMonday() {
        return closedOnMonday(CalendarScenario.ANNA);
    }

    @Test
    void bookingOnAHolidayIsRejected() {
        closedOnMonday().when(book(A1, QUICK, monday("10:00"))).expectException(ErrorCode.BUSINESS_HOLIDAY);
    }

    @Test
    void theDayAfterTheHolidayIsBookable() {
        closedOnMonday().when(book(A1, QUICK, at(TUESDAY, "09:00")))
                .expectEvents(bookedEvent(A1, QUICK, at(TUESDAY, "09:00")));
    }

    @Test
    void buffersReachingIntoTheHolidayAreRejectedToo() {
        // the cut blocks 15 minutes before its start: at 00:10 Tuesday that reaches back into Monday
        CalendarScenario scenario = new CalendarScenario()
                .givenStaff().working(DayOfWeek.TUESDAY, "00:00-17:00").providing(CUT).registered();
        scenario.world.given(Business.class, BUSINESS, new HolidayAdded(BUSINESS, CLOSED_MONDAY));
        scenario.when(book(A1, CUT, at(TUESDAY, "00:10"))).expectException(ErrorCode.BUSINESS_HOLIDAY);
        scenario.when(book(A1, CUT, at(TUESDAY, "00:15"))).expectEvents(bookedEvent(A1, CUT, at(TUESDAY, "00:15")));
    }

    @Test
    void theBusinessZoneDecidesNotTheStaffMembersZone() {
        // Anna works Monday evenings in New York; the Berlin Monday ends at 18:00 New York time
        StaffProfile newYorker = new StaffProfile("Anna", "anna@example.com", null, ZoneId.of("America/New_York"));
        CalendarScenario scenario = new CalendarScenario()
                .givenStaff().withProfile(newYorker).workingMondays("17:00-23:00").providing(QUICK).registered();
        scenario.world.given(Business.class, BUSINESS, new HolidayAdded(BUSINESS, CLOSED_MONDAY));
        // Monday 17:30 in New York is 23:30 Berlin: still the holiday
        Instant mondayEveningNewYork = Instant.parse("2026-12-07T22:30:00Z");
        scenario.when(book(A1, QUICK, mondayEveningNewYork)).expectException(ErrorCode.BUSINESS_HOLIDAY);
        // Monday 18:00 in New York is Tuesday 00:00 Berlin: open again
        Instant afterMidnightBerlin = Instant.parse("2026-12-07T23:00:00Z");
        scenario.when(book(A1, QUICK, afterMidnightBerlin)).expectEvents(bookedEvent(A1, QUICK, afterMidnightBerlin));
    }

    @Test
    void reschedulingOntoAHolidayIsRejected() {
        closedOnMonday().booked(A1, QUICK, at(TUESDAY, "10:00"))
                .when(new RescheduleAppointment(A1, BUSINESS, monday("10:00"), null, null))
                .expectException(ErrorCode.BUSINESS_HOLIDAY);
    }

    @Test
    void alternativesOfferedAfterAClashAvoidTheHoliday() {
        // Tuesday has one slot, taken; Monday afternoon would be nearer than Wednesday morning were it not closed
        LocalDate wednesday = MONDAY.plusDays(2);
        CalendarScenario scenario = new CalendarScenario()
                .givenStaff().workingMondays("09:00-17:00").working(DayOfWeek.TUESDAY, "09:00-09:30")
                .working(DayOfWeek.WEDNESDAY, "09:00-17:00").providing(QUICK).registered()
                .booked(A1, QUICK, at(wednesday, "12:00")).booked(A2, QUICK, at(TUESDAY, "09:00"));
        scenario.world.given(Business.class, BUSINESS, new HolidayAdded(BUSINESS, CLOSED_MONDAY));
        SlotUnavailableException clash = scenario.when(new RescheduleAppointment(A1, BUSINESS, at(TUESDAY, "09:00"), null, null))
                .expectException(ErrorCode.SLOT_UNAVAILABLE);
        assertThat(clash.alternatives()).containsExactly(slot(QUICK, at(wednesday, "09:00")),
                slot(QUICK, at(wednesday, "09:15")), slot(QUICK, at(wednesday, "09:30")));
    }

    @Test
    void anAppointmentBookedBeforeTheHolidayStandsAndMovesWithinTheDayAreRejected() {
        CalendarScenario scenario = new CalendarScenario()
                .givenStaff().workingMondays("09:00-17:00").providing(QUICK).registered()
                .booked(A1, QUICK, monday("10:00"));
        scenario.world.given(Business.class, BUSINESS, new HolidayAdded(BUSINESS, CLOSED_MONDAY));
        scenario.when(new RescheduleAppointment(A1, BUSINESS, monday("11:00"), null, null))
                .expectException(ErrorCode.BUSINESS_HOLIDAY);
        scenario.when(new dev.kairos.booking.calendar.CancelAppointment(A1, BUSINESS, "closed", null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void movingToAnotherStaffMemberOnAHolidayChangesNeitherCalendar() {
        CalendarScenario scenario = closedOnMonday()
                .givenStaff(OTHER_STAFF).workingMondays("09:00-17:00").working(DayOfWeek.TUESDAY, "09:00-17:00")
                .providing(QUICK).registered()
                .booked(A1, QUICK, at(TUESDAY, "10:00"));
        scenario.when(new RescheduleAppointment(A1, BUSINESS, monday("10:00"), OTHER_STAFF, null))
                .expectException(ErrorCode.BUSINESS_HOLIDAY);
        // the same move on a working day goes through
        scenario.when(new RescheduleAppointment(A1, BUSINESS, at(TUESDAY, "11:00"), OTHER_STAFF, null))
                .expectSuccessfulHandlerExecution();
    }
}

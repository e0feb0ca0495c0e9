package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.BookSlot;
import dev.kairos.booking.calendar.BookWithAnyStaff;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.SlotUnavailableException;
import dev.kairos.booking.common.SlotUnavailableException.Offer;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.kairos.booking.command.calendar.CalendarScenario.A1;
import static dev.kairos.booking.command.calendar.CalendarScenario.A2;
import static dev.kairos.booking.command.calendar.CalendarScenario.A3;
import static dev.kairos.booking.command.calendar.CalendarScenario.A4;
import static dev.kairos.booking.command.calendar.CalendarScenario.ADA;
import static dev.kairos.booking.command.calendar.CalendarScenario.ADA_ID;
import static dev.kairos.booking.command.calendar.CalendarScenario.BUSINESS;
import static dev.kairos.booking.command.calendar.CalendarScenario.CUT;
import static dev.kairos.booking.command.calendar.CalendarScenario.MONDAY;
import static dev.kairos.booking.command.calendar.CalendarScenario.NOW;
import static dev.kairos.booking.command.calendar.CalendarScenario.OTHER_STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.QUICK;
import static dev.kairos.booking.command.calendar.CalendarScenario.STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.at;
import static dev.kairos.booking.command.calendar.CalendarScenario.blocked;
import static dev.kairos.booking.command.calendar.CalendarScenario.monday;
import static dev.kairos.booking.command.calendar.CalendarScenario.slot;
import static dev.kairos.booking.command.calendar.CalendarScenario.uuid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking with any staff member: who is asked first (fewest live appointments that day, then least recently
 * assigned, then staff id), a refusing calendar passing the booking on, and what is answered when nobody can take it.
 */
class AnyStaffBookingTest {
    static final AppointmentId NEW = new AppointmentId(uuid("a0ff"));

    /** Anna (STAFF, lower id) and Ben (OTHER_STAFF) both work Monday 09:00–17:00 and provide both services. */
    private static CalendarScenario annaAndBen() {
        return new CalendarScenario()
                .givenStaff(STAFF).workingMondays("09:00-17:00").working(DayOfWeek.TUESDAY, "09:00-17:00").providing(CUT, QUICK).registered()
                .givenStaff(OTHER_STAFF).workingMondays("09:00-17:00").providing(CUT, QUICK).registered();
    }

    static BookWithAnyStaff anyStaff(AppointmentId id, ServiceId service, Instant start) {
        return new BookWithAnyStaff(id, BUSINESS, service, ADA_ID, ADA, start, null, Map.of());
    }

    static AppointmentBooked bookedWith(StaffId staff, AppointmentId id, ServiceId service, Instant start) {
        return new AppointmentBooked(id, BUSINESS, staff, service, ADA_ID, ADA, slot(service, start), blocked(service, start),
                null, Map.of(), NOW);
    }

    @Test
    void withEqualLoadAndNoAssignmentsTheLowerStaffIdGetsIt() {
        annaAndBen()
                .when(anyStaff(NEW, QUICK, monday("10:00")))
                .expectEvents(bookedWith(STAFF, NEW, QUICK, monday("10:00")));
    }

    @Test
    void theStaffMemberWithFewerAppointmentsThatDayGetsIt() {
        annaAndBen().booked(STAFF, A1, QUICK, monday("09:00"))
                .when(anyStaff(NEW, QUICK, monday("10:00")))
                .expectEvents(bookedWith(OTHER_STAFF, NEW, QUICK, monday("10:00")));
    }

    @Test
    void onlyAppointmentsOnTheSlotsDateCount() {
        // Anna has two appointments on Tuesday, Ben one on Monday: for a Monday slot Anna is the less busy
        annaAndBen().booked(STAFF, A1, QUICK, at(MONDAY.plusDays(1), "09:00")).booked(STAFF, A2, QUICK, at(MONDAY.plusDays(1), "10:00"))
                .booked(OTHER_STAFF, A3, QUICK, monday("09:00"))
                .when(anyStaff(NEW, QUICK, monday("10:00")))
                .expectEvents(bookedWith(STAFF, NEW, QUICK, monday("10:00")));
    }

    @Test
    void withEqualLoadTheOneAssignedLeastRecentlyGetsIt() {
        // both have one appointment that day; Ben's was assigned first, so Ben is next (round robin)
        annaAndBen().booked(OTHER_STAFF, A1, QUICK, monday("09:00")).booked(STAFF, A2, QUICK, monday("09:00"))
                .when(anyStaff(NEW, QUICK, monday("11:00")))
                .expectEvents(bookedWith(OTHER_STAFF, NEW, QUICK, monday("11:00")));
        annaAndBen().booked(STAFF, A2, QUICK, monday("09:00")).booked(OTHER_STAFF, A1, QUICK, monday("09:00"))
                .when(anyStaff(NEW, QUICK, monday("11:00")))
                .expectEvents(bookedWith(STAFF, NEW, QUICK, monday("11:00")));
    }

    @Test
    void aCandidateThatRefusesPassesTheBookingToTheNext() {
        // Ben has fewer appointments that day and is asked first, but his 10:00 is taken: Anna gets it
        annaAndBen().booked(STAFF, A1, QUICK, monday("13:00")).booked(STAFF, A2, QUICK, monday("14:00"))
                .booked(OTHER_STAFF, A3, QUICK, monday("10:00"))
                .when(anyStaff(NEW, QUICK, monday("10:00")))
                .expectEvents(bookedWith(STAFF, NEW, QUICK, monday("10:00")));
    }

    @Test
    void aCandidateOutsideTheirHoursPassesTheBookingOn() {
        // only Anna works Tuesdays
        annaAndBen()
                .when(anyStaff(NEW, QUICK, at(MONDAY.plusDays(1), "10:00")))
                .expectEvents(bookedWith(STAFF, NEW, QUICK, at(MONDAY.plusDays(1), "10:00")));
    }

    private static CalendarScenario bothBusyAtTen() {
        // Anna 10:00–11:00, Ben 09:30–10:30
        return annaAndBen()
                .booked(STAFF, A1, QUICK, monday("10:00")).booked(STAFF, A3, QUICK, monday("10:30"))
                .booked(OTHER_STAFF, A2, QUICK, monday("10:00")).booked(OTHER_STAFF, A4, QUICK, monday("09:30"));
    }

    @Test
    void whenNobodyIsFreeTheSlotIsUnavailableWithAlternativesOfEveryCalendar() {
        SlotUnavailableException e = bothBusyAtTen()
                .when(anyStaff(NEW, QUICK, monday("10:00")))
                .expectException(ErrorCode.SLOT_UNAVAILABLE);
        assertThat(e.staffId()).isNull();
        assertThat(e.offers()).containsExactly(
                new Offer(new TimeSlot(monday("09:30"), monday("10:00")), STAFF),
                new Offer(new TimeSlot(monday("10:30"), monday("11:00")), OTHER_STAFF),
                new Offer(new TimeSlot(monday("09:15"), monday("09:45")), STAFF));
        for (Offer offer : e.offers()) {
            bothBusyAtTen()
                    .when(new BookSlot(NEW, BUSINESS, offer.staffId(), QUICK, ADA_ID, ADA, offer.slot().start(), null, Map.of()))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Test
    void whenEveryoneRefusesForTheSameRuleThatRuleIsTheAnswer() {
        // the cut needs two hours' notice; now is Tuesday 09:00 in Berlin
        annaAndBen()
                .when(anyStaff(NEW, CUT, NOW.plusSeconds(3600)))
                .expectException(ErrorCode.MINIMUM_NOTICE);
    }

    @Test
    void withoutAnyActiveStaffProvidingTheServiceNoStaffIsAvailable() {
        new CalendarScenario()
                .givenStaff(STAFF).workingMondays("09:00-17:00").providing(CUT, QUICK).registered()
                .givenStaff(OTHER_STAFF).workingMondays("09:00-17:00").providing(CUT).registered()
                .staffDeactivated()
                .when(anyStaff(NEW, QUICK, monday("10:00")))
                .expectException(ErrorCode.NO_STAFF_AVAILABLE);
    }

    @Test
    void aRetryOfTheSameBookingChangesNothing() {
        CalendarScenario scenario = annaAndBen();
        scenario.when(anyStaff(NEW, QUICK, monday("10:00"))).expectEvents(bookedWith(STAFF, NEW, QUICK, monday("10:00")));
        assertThat(scenario.when(anyStaff(NEW, QUICK, monday("10:00"))).expectNoEvents().outcome().aggregateId())
                .isEqualTo(STAFF.toString());
    }

    @Test
    void thePolicyOrdersByLoadThenLastAssignmentThenId() {
        StaffId a = new StaffId(uuid("9001"));
        StaffId b = new StaffId(uuid("9002"));
        StaffId c = new StaffId(uuid("9003"));
        StaffId d = new StaffId(uuid("9004"));
        assertThat(StaffAssignment.order(List.of(
                new StaffAssignment.Candidate(a, 2, 0),
                new StaffAssignment.Candidate(b, 1, 7),
                new StaffAssignment.Candidate(c, 1, 3),
                new StaffAssignment.Candidate(d, 1, 3))))
                .containsExactly(c, d, b, a);
    }

    @Test
    void alternativesAcrossStaffAreTheNearestSlotsEachNamingItsStaff() {
        TimeSlot nine = new TimeSlot(monday("09:00"), monday("09:30"));
        TimeSlot eleven = new TimeSlot(monday("11:00"), monday("11:30"));
        TimeSlot noon = new TimeSlot(monday("12:00"), monday("12:30"));
        TimeSlot four = new TimeSlot(monday("16:00"), monday("16:30"));
        SlotUnavailableException e = (SlotUnavailableException) StaffAssignment.noneCouldTake(List.of(
                new SlotUnavailableException("busy", STAFF, List.of(nine, four)),
                new SlotUnavailableException("busy", OTHER_STAFF, List.of(nine, eleven, noon))), monday("10:00"));
        assertThat(e.offers()).containsExactly(new Offer(nine, STAFF), new Offer(nine, OTHER_STAFF),
                new Offer(eleven, OTHER_STAFF), new Offer(noon, OTHER_STAFF));
    }
}

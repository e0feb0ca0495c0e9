package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentConfirmed;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.AppointmentTransferredOut;
import dev.kairos.booking.calendar.BookSlot;
import dev.kairos.booking.calendar.ConfirmAppointment;
import dev.kairos.booking.calendar.RescheduleAppointment;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.StaffId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static dev.kairos.booking.command.calendar.CalendarScenario.A1;
import static dev.kairos.booking.command.calendar.CalendarScenario.A2;
import static dev.kairos.booking.command.calendar.CalendarScenario.A3;
import static dev.kairos.booking.command.calendar.CalendarScenario.ADA;
import static dev.kairos.booking.command.calendar.CalendarScenario.ADA_ID;
import static dev.kairos.booking.command.calendar.CalendarScenario.BOOKED_AT;
import static dev.kairos.booking.command.calendar.CalendarScenario.BUSINESS;
import static dev.kairos.booking.command.calendar.CalendarScenario.CUT;
import static dev.kairos.booking.command.calendar.CalendarScenario.OTHER_BUSINESS;
import static dev.kairos.booking.command.calendar.CalendarScenario.OTHER_STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.QUICK;
import static dev.kairos.booking.command.calendar.CalendarScenario.STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.blocked;
import static dev.kairos.booking.command.calendar.CalendarScenario.book;
import static dev.kairos.booking.command.calendar.CalendarScenario.bookedEvent;
import static dev.kairos.booking.command.calendar.CalendarScenario.monday;
import static dev.kairos.booking.command.calendar.CalendarScenario.slot;

/**
 * Moving an appointment to another staff member: both calendars change in one unit of work. (Possible here because
 * the test world holds any number of aggregates; see {@link dev.kairos.booking.command.support.BookingWorld}.)
 */
class TransferTest {

    /** Anna (STAFF) and Ben (OTHER_STAFF) both work Mondays; Ben provides only the cut. */
    private static CalendarScenario annaAndBen() {
        return new CalendarScenario()
                .givenStaff(STAFF).workingMondays("09:00-12:00", "13:00-17:00").providing(CUT, QUICK).registered()
                .givenStaff(OTHER_STAFF).workingMondays("09:00-17:00").providing(CUT).registered();
    }

    private static RescheduleAppointment moveTo(StaffId staff, Instant newStart) {
        return new RescheduleAppointment(A1, BUSINESS, newStart, staff, null);
    }

    private static AppointmentTransferredIn transferredIn(StaffId to, StaffId from, Instant oldStart, Instant newStart,
                                                          AppointmentStatus status, long revision) {
        return new AppointmentTransferredIn(A1, BUSINESS, to, from, CUT, ADA_ID, ADA, slot(CUT, oldStart), slot(CUT, newStart),
                blocked(CUT, newStart), status, null, Map.of(), BOOKED_AT, revision);
    }

    @Test
    void movingToAFreeSlotOfAnotherStaffMemberTransfersTheAppointment() {
        annaAndBen().booked(STAFF, A1, CUT, monday("10:00"))
                .when(moveTo(OTHER_STAFF, monday("12:00")))
                .expectEvents(transferredIn(OTHER_STAFF, STAFF, monday("10:00"), monday("12:00"), AppointmentStatus.SCHEDULED, 2),
                        new AppointmentTransferredOut(A1, BUSINESS, STAFF, OTHER_STAFF, 2))
                .expectRevision(2);
    }

    @Test
    void movingTheOtherWayRoundWorksToo() {
        annaAndBen().booked(OTHER_STAFF, A1, CUT, monday("12:00")).confirmed(A1)
                .when(moveTo(STAFF, monday("14:00")))
                .expectEvents(transferredIn(STAFF, OTHER_STAFF, monday("12:00"), monday("14:00"), AppointmentStatus.CONFIRMED, 3),
                        new AppointmentTransferredOut(A1, BUSINESS, OTHER_STAFF, STAFF, 3))
                .expectRevision(3);
    }

    @Test
    void aTakenSlotOfTheOtherStaffMemberChangesNeitherCalendar() {
        annaAndBen().booked(STAFF, A1, CUT, monday("10:00")).booked(OTHER_STAFF, A2, CUT, monday("12:00"))
                .when(moveTo(OTHER_STAFF, monday("12:30")))
                .expectException(ErrorCode.SLOT_UNAVAILABLE);
    }

    @Test
    void theOtherStaffMemberMustProvideTheService() {
        CalendarScenario scenario = annaAndBen();
        scenario.world.given(StaffCalendar.class, STAFF, new AppointmentBooked(A1, BUSINESS, STAFF,
                QUICK, ADA_ID, ADA, slot(QUICK, monday("10:00")), blocked(QUICK, monday("10:00")), null, Map.of(), BOOKED_AT));
        scenario.when(moveTo(OTHER_STAFF, monday("12:00")))
                .expectException(ErrorCode.SERVICE_NOT_PROVIDED);
    }

    @Test
    void anotherTenantsStaffMemberIsNotFound() {
        annaAndBen().givenStaff(new StaffId(CalendarScenario.uuid("5003"))).ofBusiness(OTHER_BUSINESS)
                .workingMondays("09:00-17:00").providing(CUT).registered()
                .booked(STAFF, A1, CUT, monday("10:00"))
                .when(moveTo(new StaffId(CalendarScenario.uuid("5003")), monday("12:00")))
                .expectException(ErrorCode.STAFF_NOT_FOUND);
    }

    @Test
    void aStaleRevisionIsRejected() {
        annaAndBen().booked(STAFF, A1, CUT, monday("10:00"))
                .when(new RescheduleAppointment(A1, BUSINESS, monday("12:00"), OTHER_STAFF, 2L))
                .expectException(ErrorCode.REVISION_MISMATCH);
    }

    @Test
    void afterTheMoveTheOldTimeIsFreeAndTheNewTimeIsTaken() {
        CalendarScenario scenario = annaAndBen().booked(STAFF, A1, CUT, monday("10:00"));
        scenario.when(moveTo(OTHER_STAFF, monday("12:00"))).expectSuccessfulHandlerExecution();
        scenario.when(book(A2, CUT, monday("10:00"))).expectEvents(bookedEvent(A2, CUT, monday("10:00")));
        scenario.when(new BookSlot(A3, BUSINESS, OTHER_STAFF, CUT, ADA_ID, ADA, monday("12:30"), null, null))
                .expectException(ErrorCode.SLOT_UNAVAILABLE);
    }

    @Test
    void theMovedAppointmentIsManagedByItsNewCalendar() {
        CalendarScenario scenario = annaAndBen().booked(STAFF, A1, CUT, monday("10:00"));
        scenario.when(moveTo(OTHER_STAFF, monday("12:00"))).expectSuccessfulHandlerExecution();
        scenario.when(new ConfirmAppointment(A1, BUSINESS, 2L))
                .expectEvents(new AppointmentConfirmed(A1, BUSINESS, OTHER_STAFF, 3));
    }

    @Test
    void theCustomersZoneTravelsWithTheAppointment() {
        java.time.ZoneId kolkata = java.time.ZoneId.of("Asia/Kolkata");
        CalendarScenario scenario = annaAndBen();
        scenario.when(new BookSlot(A1, BUSINESS, STAFF, CUT, ADA_ID, ADA, monday("10:00"), null, null, kolkata))
                .expectEvents(new AppointmentBooked(A1, BUSINESS, STAFF, CUT, ADA_ID, ADA, slot(CUT, monday("10:00")),
                        blocked(CUT, monday("10:00")), null, Map.of(), CalendarScenario.NOW, kolkata));
        scenario.when(moveTo(OTHER_STAFF, monday("12:00")))
                .expectEvents(new AppointmentTransferredIn(A1, BUSINESS, OTHER_STAFF, STAFF, CUT, ADA_ID, ADA,
                                slot(CUT, monday("10:00")), slot(CUT, monday("12:00")), blocked(CUT, monday("12:00")),
                                AppointmentStatus.SCHEDULED, null, Map.of(), CalendarScenario.NOW, 2,
                                dev.kairos.booking.calendar.Initiator.BUSINESS, null, null, kolkata),
                        new AppointmentTransferredOut(A1, BUSINESS, STAFF, OTHER_STAFF, 2));
    }
}

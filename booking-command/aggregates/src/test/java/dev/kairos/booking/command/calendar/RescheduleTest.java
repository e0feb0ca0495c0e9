package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.ConfirmAppointment;
import dev.kairos.booking.calendar.RescheduleAppointment;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.SlotUnavailableException;
import dev.kairos.booking.common.TimeSlot;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.kairos.booking.command.calendar.CalendarScenario.A1;
import static dev.kairos.booking.command.calendar.CalendarScenario.A2;
import static dev.kairos.booking.command.calendar.CalendarScenario.A3;
import static dev.kairos.booking.command.calendar.CalendarScenario.BUSINESS;
import static dev.kairos.booking.command.calendar.CalendarScenario.CUT;
import static dev.kairos.booking.command.calendar.CalendarScenario.OTHER_BUSINESS;
import static dev.kairos.booking.command.calendar.CalendarScenario.QUICK;
import static dev.kairos.booking.command.calendar.CalendarScenario.STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.bookedEvent;
import static dev.kairos.booking.command.calendar.CalendarScenario.book;
import static dev.kairos.booking.command.calendar.CalendarScenario.monday;
import static dev.kairos.booking.command.calendar.CalendarScenario.uuid;
import static org.assertj.core.api.Assertions.assertThat;

/** Rescheduling within one staff member's calendar. */
class RescheduleTest {

    private static CalendarScenario annaWithCutAtTen() {
        return new CalendarScenario().givenStaff().workingMondays("09:00-12:00", "13:00-17:00").providing(CUT, QUICK).registered()
                .booked(A1, CUT, monday("10:00"));
    }

    private static RescheduleAppointment reschedule(AppointmentId id, Instant newStart, Long expectedRevision) {
        return new RescheduleAppointment(id, BUSINESS, newStart, null, expectedRevision);
    }

    @Test
    void reschedulingToAFreeSlotEmitsAppointmentRescheduled() {
        annaWithCutAtTen().when(reschedule(A1, monday("14:00"), 1L))
                .expectEvents(new AppointmentRescheduled(A1, BUSINESS, STAFF,
                        new TimeSlot(Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T10:00:00Z")),
                        new TimeSlot(Instant.parse("2026-12-07T13:00:00Z"), Instant.parse("2026-12-07T14:00:00Z")),
                        new TimeSlot(Instant.parse("2026-12-07T12:45:00Z"), Instant.parse("2026-12-07T14:15:00Z")),
                        2))
                .expectRevision(2);
    }

    @Test
    void namingTheSameStaffMemberExplicitlyIsAnOrdinaryReschedule() {
        annaWithCutAtTen().when(new RescheduleAppointment(A1, BUSINESS, monday("14:00"), STAFF, null))
                .expectEvents(new AppointmentRescheduled(A1, BUSINESS, STAFF, CalendarScenario.slot(CUT, monday("10:00")),
                        CalendarScenario.slot(CUT, monday("14:00")), CalendarScenario.blocked(CUT, monday("14:00")), 2));
    }

    @Test
    void aSecondRescheduleContinuesTheRevisions() {
        annaWithCutAtTen().rescheduled(A1, monday("10:00"), monday("14:00"))
                .when(reschedule(A1, monday("15:00"), 2L))
                .expectEvents(new AppointmentRescheduled(A1, BUSINESS, STAFF, CalendarScenario.slot(CUT, monday("14:00")),
                        CalendarScenario.slot(CUT, monday("15:00")), CalendarScenario.blocked(CUT, monday("15:00")), 3))
                .expectRevision(3);
    }

    @Test
    void shiftingIntoItsOwnOldTimeIsAllowed() {
        annaWithCutAtTen().when(reschedule(A1, monday("10:15"), null))
                .expectEvents(new AppointmentRescheduled(A1, BUSINESS, STAFF, CalendarScenario.slot(CUT, monday("10:00")),
                        CalendarScenario.slot(CUT, monday("10:15")), CalendarScenario.blocked(CUT, monday("10:15")), 2));
    }

    @Test
    void shiftingEarlierIntoItsOwnOldTimeIsAllowed() {
        annaWithCutAtTen().when(reschedule(A1, monday("09:45"), null))
                .expectEvents(new AppointmentRescheduled(A1, BUSINESS, STAFF, CalendarScenario.slot(CUT, monday("10:00")),
                        CalendarScenario.slot(CUT, monday("09:45")), CalendarScenario.blocked(CUT, monday("09:45")), 2));
    }

    @Test
    void theSameStartIsANoOp() {
        annaWithCutAtTen().when(reschedule(A1, monday("10:00"), 1L))
                .expectNoEvents()
                .expectRevision(1);
    }

    @Test
    void aStaleRevisionIsRejected() {
        annaWithCutAtTen().rescheduled(A1, monday("10:00"), monday("14:00"))
                .when(reschedule(A1, monday("15:00"), 1L))
                .expectException(ErrorCode.REVISION_MISMATCH);
    }

    @Test
    void aStaleRevisionIsRejectedEvenForTheSameStart() {
        annaWithCutAtTen().when(reschedule(A1, monday("10:00"), 4L))
                .expectException(ErrorCode.REVISION_MISMATCH);
    }

    @Test
    void aTakenSlotIsRejected() {
        annaWithCutAtTen().booked(A2, QUICK, monday("14:00"))
                .when(reschedule(A1, monday("13:30"), null))
                .expectException(ErrorCode.SLOT_UNAVAILABLE);
    }

    @Test
    void theAlternativesIgnoreTheAppointmentBeingMoved() {
        // A1 13:00 (blocked 12:45–14:15), A2 14:30 (14:15–15:45), A3 16:00 (15:45–17:15): moving A1 onto A2
        SlotUnavailableException e = new CalendarScenario().givenStaff().workingMondays("09:00-12:00", "13:00-17:00")
                .providing(CUT).registered()
                .booked(A1, CUT, monday("13:00")).booked(A2, CUT, monday("14:30")).booked(A3, CUT, monday("16:00"))
                .when(reschedule(A1, monday("14:30"), null))
                .expectException(ErrorCode.SLOT_UNAVAILABLE);
        assertThat(e.alternatives()).containsExactly(
                new TimeSlot(monday("13:00"), monday("14:00")),
                new TimeSlot(monday("11:00"), monday("12:00")),
                new TimeSlot(monday("10:45"), monday("11:45")));
    }

    @Test
    void theNewTimeMustBeInsideWorkingHours() {
        annaWithCutAtTen().when(reschedule(A1, monday("11:30"), null))
                .expectException(ErrorCode.OUTSIDE_WORKING_HOURS);
    }

    @Test
    void theNewTimeMustRespectTheMinimumNotice() {
        annaWithCutAtTen().clockAt(monday("08:30"))
                .when(reschedule(A1, monday("09:00"), null))
                .expectException(ErrorCode.MINIMUM_NOTICE);
    }

    @Test
    void theOldSlotIsFreeAfterwards() {
        CalendarScenario scenario = annaWithCutAtTen();
        scenario.when(reschedule(A1, monday("14:00"), null)).expectSuccessfulHandlerExecution();
        scenario.when(book(A2, CUT, monday("10:00"))).expectEvents(bookedEvent(A2, CUT, monday("10:00")));
        scenario.when(book(A3, CUT, monday("14:00"))).expectException(ErrorCode.SLOT_UNAVAILABLE);
    }

    @Test
    void aConfirmedAppointmentStaysConfirmed() {
        annaWithCutAtTen().confirmed(A1).rescheduled(A1, monday("10:00"), monday("14:00"))
                .when(new ConfirmAppointment(A1, BUSINESS, 3L))
                .expectNoEvents()
                .expectRevision(3);
    }

    @Test
    void aCancelledAppointmentCannotBeRescheduled() {
        annaWithCutAtTen().cancelled(A1)
                .when(reschedule(A1, monday("14:00"), null))
                .expectException(ErrorCode.ILLEGAL_STATUS_TRANSITION);
    }

    @Test
    void anUnknownAppointmentIsNotFound() {
        annaWithCutAtTen().when(reschedule(new AppointmentId(uuid("a999")), monday("14:00"), null))
                .expectException(ErrorCode.APPOINTMENT_NOT_FOUND);
    }

    @Test
    void anotherTenantsAppointmentIsNotFound() {
        annaWithCutAtTen().when(new RescheduleAppointment(A1, OTHER_BUSINESS, monday("14:00"), null, null))
                .expectException(ErrorCode.APPOINTMENT_NOT_FOUND);
    }

    @Test
    void anInactiveServiceCannotBeRescheduled() {
        annaWithCutAtTen().serviceDeactivated(CUT)
                .when(reschedule(A1, monday("14:00"), null))
                .expectException(ErrorCode.SERVICE_INACTIVE);
    }
}

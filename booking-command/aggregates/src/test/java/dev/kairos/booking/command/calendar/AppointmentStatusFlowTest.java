package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.AppointmentCompleted;
import dev.kairos.booking.calendar.AppointmentConfirmed;
import dev.kairos.booking.calendar.AppointmentMarkedNoShow;
import dev.kairos.booking.calendar.CancelAppointment;
import dev.kairos.booking.calendar.CompleteAppointment;
import dev.kairos.booking.calendar.ConfirmAppointment;
import dev.kairos.booking.calendar.MarkNoShow;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.kairos.booking.command.calendar.CalendarScenario.A1;
import static dev.kairos.booking.command.calendar.CalendarScenario.BUSINESS;
import static dev.kairos.booking.command.calendar.CalendarScenario.CUT;
import static dev.kairos.booking.command.calendar.CalendarScenario.OTHER_BUSINESS;
import static dev.kairos.booking.command.calendar.CalendarScenario.STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.monday;
import static dev.kairos.booking.command.calendar.CalendarScenario.uuid;

/** scheduled → confirmed → completed / no-show; scheduled or confirmed → cancelled. The cut starts Monday 10:00. */
class AppointmentStatusFlowTest {

    private static CalendarScenario scheduled() {
        return new CalendarScenario().givenStaff().workingMondays("09:00-12:00", "13:00-17:00").providing(CUT).registered()
                .booked(A1, CUT, monday("10:00"));
    }

    private static CalendarScenario confirmed() {
        return scheduled().confirmed(A1);
    }

    private static ConfirmAppointment confirm(Long expected) {
        return new ConfirmAppointment(A1, BUSINESS, expected);
    }

    private static CancelAppointment cancel(Long expected) {
        return new CancelAppointment(A1, BUSINESS, "customer is ill", expected);
    }

    private static CompleteAppointment complete() {
        return new CompleteAppointment(A1, BUSINESS, null);
    }

    private static MarkNoShow noShow() {
        return new MarkNoShow(A1, BUSINESS, null);
    }

    @Nested
    class Confirm {
        @Test
        void aScheduledAppointmentIsConfirmed() {
            scheduled().when(confirm(1L))
                    .expectEvents(new AppointmentConfirmed(A1, BUSINESS, STAFF, 2))
                    .expectRevision(2);
        }

        @Test
        void confirmingTwiceIsANoOp() {
            confirmed().when(confirm(null)).expectNoEvents().expectRevision(2);
        }

        @Test
        void aStaleRevisionIsRejected() {
            confirmed().when(confirm(1L)).expectException(ErrorCode.REVISION_MISMATCH);
        }

        @Test
        void aCancelledAppointmentCannotBeConfirmed() {
            scheduled().cancelled(A1).when(confirm(null)).expectException(ErrorCode.ILLEGAL_STATUS_TRANSITION);
        }

        @Test
        void aCompletedAppointmentCannotBeConfirmed() {
            confirmed().completed(A1).when(confirm(null)).expectException(ErrorCode.ILLEGAL_STATUS_TRANSITION);
        }
    }

    @Nested
    class Cancel {
        @Test
        void aScheduledAppointmentIsCancelled() {
            scheduled().when(cancel(1L))
                    .expectEvents(new AppointmentCancelled(A1, BUSINESS, STAFF, "customer is ill", 2))
                    .expectRevision(2);
        }

        @Test
        void aConfirmedAppointmentIsCancelled() {
            confirmed().when(cancel(2L))
                    .expectEvents(new AppointmentCancelled(A1, BUSINESS, STAFF, "customer is ill", 3))
                    .expectRevision(3);
        }

        @Test
        void cancellingTwiceIsANoOp() {
            scheduled().cancelled(A1).when(cancel(null)).expectNoEvents().expectRevision(2);
        }

        @Test
        void aStaleRevisionIsRejected() {
            confirmed().when(cancel(1L)).expectException(ErrorCode.REVISION_MISMATCH);
        }

        @Test
        void aCompletedAppointmentCannotBeCancelled() {
            confirmed().completed(A1).when(cancel(null)).expectException(ErrorCode.ILLEGAL_STATUS_TRANSITION);
        }

        @Test
        void aNoShowCannotBeCancelled() {
            confirmed().markedNoShow(A1).when(cancel(null)).expectException(ErrorCode.ILLEGAL_STATUS_TRANSITION);
        }
    }

    @Nested
    class Complete {
        @Test
        void aConfirmedAppointmentThatStartedIsCompleted() {
            confirmed().clockAt(monday("10:30")).when(complete())
                    .expectEvents(new AppointmentCompleted(A1, BUSINESS, STAFF, 3))
                    .expectRevision(3);
        }

        @Test
        void itMayBeCompletedFromItsStart() {
            confirmed().clockAt(monday("10:00")).when(complete())
                    .expectEvents(new AppointmentCompleted(A1, BUSINESS, STAFF, 3));
        }

        @Test
        void anAppointmentThatHasNotStartedCannotBeCompleted() {
            confirmed().clockAt(monday("09:59")).when(complete()).expectException(ErrorCode.APPOINTMENT_NOT_STARTED);
        }

        @Test
        void aScheduledAppointmentCannotBeCompleted() {
            scheduled().clockAt(monday("10:30")).when(complete()).expectException(ErrorCode.ILLEGAL_STATUS_TRANSITION);
        }

        @Test
        void completingTwiceIsANoOp() {
            confirmed().completed(A1).clockAt(monday("11:00")).when(complete()).expectNoEvents().expectRevision(3);
        }

        @Test
        void aNoShowCannotBeCompleted() {
            confirmed().markedNoShow(A1).clockAt(monday("11:00")).when(complete())
                    .expectException(ErrorCode.ILLEGAL_STATUS_TRANSITION);
        }

        @Test
        void aCancelledAppointmentCannotBeCompleted() {
            confirmed().cancelled(A1).clockAt(monday("11:00")).when(complete())
                    .expectException(ErrorCode.ILLEGAL_STATUS_TRANSITION);
        }
    }

    @Nested
    class NoShow {
        @Test
        void aConfirmedAppointmentThatStartedIsMarkedNoShow() {
            confirmed().clockAt(monday("10:15")).when(noShow())
                    .expectEvents(new AppointmentMarkedNoShow(A1, BUSINESS, STAFF, 3))
                    .expectRevision(3);
        }

        @Test
        void anAppointmentThatHasNotStartedCannotBeMarkedNoShow() {
            confirmed().when(noShow()).expectException(ErrorCode.APPOINTMENT_NOT_STARTED);
        }

        @Test
        void aScheduledAppointmentCannotBeMarkedNoShow() {
            scheduled().clockAt(monday("10:30")).when(noShow()).expectException(ErrorCode.ILLEGAL_STATUS_TRANSITION);
        }

        @Test
        void markingTwiceIsANoOp() {
            confirmed().markedNoShow(A1).clockAt(monday("11:00")).when(noShow()).expectNoEvents().expectRevision(3);
        }

        @Test
        void aCompletedAppointmentCannotBeMarkedNoShow() {
            confirmed().completed(A1).clockAt(monday("11:00")).when(noShow())
                    .expectException(ErrorCode.ILLEGAL_STATUS_TRANSITION);
        }
    }

    @Nested
    class Addressing {
        @Test
        void anUnknownAppointmentIsNotFound() {
            scheduled().when(new ConfirmAppointment(new AppointmentId(uuid("a999")), BUSINESS, null))
                    .expectException(ErrorCode.APPOINTMENT_NOT_FOUND);
        }

        @Test
        void anotherTenantsAppointmentIsNotFound() {
            scheduled().when(new CancelAppointment(A1, OTHER_BUSINESS, null, null))
                    .expectException(ErrorCode.APPOINTMENT_NOT_FOUND);
        }
    }
}

package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.AppointmentTransferredOut;
import dev.kairos.booking.calendar.CancelAppointment;
import dev.kairos.booking.calendar.Initiator;
import dev.kairos.booking.calendar.PolicyOverride;
import dev.kairos.booking.calendar.RescheduleAppointment;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.StaffId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.kairos.booking.command.calendar.CalendarScenario.A1;
import static dev.kairos.booking.command.calendar.CalendarScenario.ADA;
import static dev.kairos.booking.command.calendar.CalendarScenario.ADA_ID;
import static dev.kairos.booking.command.calendar.CalendarScenario.BOOKED_AT;
import static dev.kairos.booking.command.calendar.CalendarScenario.BUSINESS;
import static dev.kairos.booking.command.calendar.CalendarScenario.CANCEL_FEE;
import static dev.kairos.booking.command.calendar.CalendarScenario.CUT;
import static dev.kairos.booking.command.calendar.CalendarScenario.MOVE_FEE;
import static dev.kairos.booking.command.calendar.CalendarScenario.OTHER_STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.STRICT;
import static dev.kairos.booking.command.calendar.CalendarScenario.blocked;
import static dev.kairos.booking.command.calendar.CalendarScenario.monday;
import static dev.kairos.booking.command.calendar.CalendarScenario.slot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's cancellation and reschedule policy, decided by the calendar. The STRICT appointment starts Monday
 * 10:00 Berlin; cancelling is free until 24 h before, costs 10 EUR until 2 h before, then is closed; moving is free
 * until 24 h before, costs 5 EUR until 3 h before, then is closed.
 */
class ChangePoliciesTest {
    private static final Instant START = monday("10:00");
    private static final Instant FREE_TIME = START.minus(Duration.ofHours(30));
    private static final Instant CANCEL_FEE_TIME = START.minus(Duration.ofHours(5));
    private static final Instant CANCEL_CLOSED_TIME = START.minus(Duration.ofHours(1));
    private static final Instant MOVE_FEE_TIME = START.minus(Duration.ofHours(4));
    private static final Instant MOVE_CLOSED_TIME = START.minus(Duration.ofHours(2));
    private static final PolicyOverride OVERRIDE = new PolicyOverride("front-desk:eva", "customer called in sick");

    private static CalendarScenario strictAtTen(Instant now) {
        return new CalendarScenario()
                .givenStaff(STAFF).workingMondays("08:00-18:00").providing(STRICT, CUT).registered()
                .givenStaff(OTHER_STAFF).workingMondays("08:00-18:00").providing(STRICT).registered()
                .booked(A1, STRICT, START)
                .clockAt(now);
    }

    private static CancelAppointment cancel(Initiator who, PolicyOverride override) {
        return new CancelAppointment(A1, BUSINESS, "plans changed", null, who, override);
    }

    private static AppointmentCancelled cancelled(Initiator who, Money fee, PolicyOverride override) {
        return new AppointmentCancelled(A1, BUSINESS, STAFF, "plans changed", 2, who, fee, override);
    }

    private static RescheduleAppointment move(Instant to, StaffId staff, Initiator who, PolicyOverride override) {
        return new RescheduleAppointment(A1, BUSINESS, to, staff, null, who, override);
    }

    private static AppointmentRescheduled rescheduled(Instant to, Initiator who, Money fee, PolicyOverride override) {
        return new AppointmentRescheduled(A1, BUSINESS, STAFF, slot(STRICT, START), slot(STRICT, to), blocked(STRICT, to), 2,
                who, fee, override);
    }

    @Nested
    class Cancellation {
        @Test
        void customerCancelsForFreeBeforeTheFeeWindow() {
            strictAtTen(FREE_TIME).when(cancel(Initiator.CUSTOMER, null))
                    .expectEvents(cancelled(Initiator.CUSTOMER, null, null));
        }

        @Test
        void customerCancellingInTheFeeWindowOwesTheFee() {
            var then = strictAtTen(CANCEL_FEE_TIME).when(cancel(Initiator.CUSTOMER, null))
                    .expectEvents(cancelled(Initiator.CUSTOMER, CANCEL_FEE, null));
            assertThat(then.outcome().feeDue()).isEqualTo(CANCEL_FEE);
        }

        @Test
        void customerCannotCancelInTheClosedWindow() {
            strictAtTen(CANCEL_CLOSED_TIME).when(cancel(Initiator.CUSTOMER, null))
                    .expectException(ErrorCode.CANCELLATION_WINDOW_CLOSED);
        }

        @Test
        void customerCannotCancelAfterTheStartEither() {
            strictAtTen(START.plusSeconds(60)).when(cancel(Initiator.CUSTOMER, null))
                    .expectException(ErrorCode.CANCELLATION_WINDOW_CLOSED);
        }

        @Test
        void businessCancelsInTheFeeWindowWithoutFee() {
            strictAtTen(CANCEL_FEE_TIME).when(cancel(Initiator.BUSINESS, null))
                    .expectEvents(cancelled(Initiator.BUSINESS, null, null));
        }

        @Test
        void businessWithoutOverrideIsRejectedInTheClosedWindow() {
            strictAtTen(CANCEL_CLOSED_TIME).when(cancel(Initiator.BUSINESS, null))
                    .expectException(ErrorCode.CANCELLATION_WINDOW_CLOSED);
        }

        @Test
        void businessOverrideInTheClosedWindowIsRecorded() {
            strictAtTen(CANCEL_CLOSED_TIME).when(cancel(Initiator.BUSINESS, OVERRIDE))
                    .expectEvents(cancelled(Initiator.BUSINESS, null, OVERRIDE));
        }

        @Test
        void anOverrideWaivesTheCustomersFeeAndIsRecorded() {
            strictAtTen(CANCEL_FEE_TIME).when(cancel(Initiator.CUSTOMER, OVERRIDE))
                    .expectEvents(cancelled(Initiator.CUSTOMER, null, OVERRIDE));
        }

        @Test
        void anOverrideNobodyNeededLeavesNoTrace() {
            strictAtTen(FREE_TIME).when(cancel(Initiator.BUSINESS, OVERRIDE))
                    .expectEvents(cancelled(Initiator.BUSINESS, null, null));
        }

        @Test
        void servicesWithoutPolicyRestrictNothing() {
            new CalendarScenario().givenStaff(STAFF).workingMondays("08:00-18:00").providing(CUT).registered()
                    .booked(A1, CUT, START).clockAt(START.plusSeconds(60))
                    .when(new CancelAppointment(A1, BUSINESS, "late", null, Initiator.CUSTOMER, null))
                    .expectEvents(new AppointmentCancelled(A1, BUSINESS, STAFF, "late", 2, Initiator.CUSTOMER, null, null));
        }

        @Test
        void cancellingAgainChangesNothingEvenInTheClosedWindow() {
            strictAtTen(CANCEL_CLOSED_TIME).cancelled(A1).when(cancel(Initiator.CUSTOMER, null)).expectNoEvents();
        }
    }

    @Nested
    class Reschedule {
        @Test
        void customerMovesForFreeBeforeTheFeeWindow() {
            strictAtTen(FREE_TIME).when(move(monday("14:00"), null, Initiator.CUSTOMER, null))
                    .expectEvents(rescheduled(monday("14:00"), Initiator.CUSTOMER, null, null));
        }

        @Test
        void customerMovingInTheFeeWindowOwesTheFee() {
            var then = strictAtTen(MOVE_FEE_TIME).when(move(monday("14:00"), null, Initiator.CUSTOMER, null))
                    .expectEvents(rescheduled(monday("14:00"), Initiator.CUSTOMER, MOVE_FEE, null));
            assertThat(then.outcome().feeDue()).isEqualTo(MOVE_FEE);
        }

        @Test
        void customerCannotMoveInTheClosedWindow() {
            strictAtTen(MOVE_CLOSED_TIME).when(move(monday("14:00"), null, Initiator.CUSTOMER, null))
                    .expectException(ErrorCode.RESCHEDULE_WINDOW_CLOSED);
        }

        @Test
        void businessWithoutOverrideIsRejectedInTheClosedWindow() {
            strictAtTen(MOVE_CLOSED_TIME).when(move(monday("14:00"), null, Initiator.BUSINESS, null))
                    .expectException(ErrorCode.RESCHEDULE_WINDOW_CLOSED);
        }

        @Test
        void businessOverrideInTheClosedWindowIsRecorded() {
            strictAtTen(MOVE_CLOSED_TIME).when(move(monday("14:00"), null, Initiator.BUSINESS, OVERRIDE))
                    .expectEvents(rescheduled(monday("14:00"), Initiator.BUSINESS, null, OVERRIDE));
        }

        @Test
        void movingToWhereItAlreadyIsChangesNothingEvenInTheClosedWindow() {
            strictAtTen(MOVE_CLOSED_TIME).when(move(START, null, Initiator.CUSTOMER, null)).expectNoEvents();
        }

        @Test
        void theSlotRulesStillApplyAfterThePolicy() {
            strictAtTen(MOVE_FEE_TIME).when(move(monday("19:00"), null, Initiator.CUSTOMER, null))
                    .expectException(ErrorCode.OUTSIDE_WORKING_HOURS);
        }
    }

    @Nested
    class Transfer {
        private AppointmentTransferredIn transferredIn(Initiator who, Money fee, PolicyOverride override) {
            return new AppointmentTransferredIn(A1, BUSINESS, OTHER_STAFF, STAFF, STRICT, ADA_ID, ADA, slot(STRICT, START),
                    slot(STRICT, monday("14:00")), blocked(STRICT, monday("14:00")), AppointmentStatus.SCHEDULED, null,
                    Map.of(), BOOKED_AT, 2, who, fee, override, null);
        }

        @Test
        void customerMovingToAnotherStaffMemberInTheFeeWindowOwesTheFee() {
            strictAtTen(MOVE_FEE_TIME).when(move(monday("14:00"), OTHER_STAFF, Initiator.CUSTOMER, null))
                    .expectEvents(transferredIn(Initiator.CUSTOMER, MOVE_FEE, null),
                            new AppointmentTransferredOut(A1, BUSINESS, STAFF, OTHER_STAFF, 2));
        }

        @Test
        void customerCannotMoveToAnotherStaffMemberInTheClosedWindow() {
            strictAtTen(MOVE_CLOSED_TIME).when(move(monday("14:00"), OTHER_STAFF, Initiator.CUSTOMER, null))
                    .expectException(ErrorCode.RESCHEDULE_WINDOW_CLOSED);
        }

        @Test
        void businessNeedsAnOverrideToMoveToAnotherStaffMemberInTheClosedWindow() {
            strictAtTen(MOVE_CLOSED_TIME).when(move(monday("14:00"), OTHER_STAFF, Initiator.BUSINESS, null))
                    .expectException(ErrorCode.RESCHEDULE_WINDOW_CLOSED);
            strictAtTen(MOVE_CLOSED_TIME).when(move(monday("14:00"), OTHER_STAFF, Initiator.BUSINESS, OVERRIDE))
                    .expectEvents(transferredIn(Initiator.BUSINESS, null, OVERRIDE),
                            new AppointmentTransferredOut(A1, BUSINESS, STAFF, OTHER_STAFF, 2));
        }
    }
}

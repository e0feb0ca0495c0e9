package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.BlockTime;
import dev.kairos.booking.calendar.BookingLimits;
import dev.kairos.booking.calendar.ConfirmHold;
import dev.kairos.booking.calendar.HoldConfirmed;
import dev.kairos.booking.calendar.HoldExpired;
import dev.kairos.booking.calendar.HoldPlaced;
import dev.kairos.booking.calendar.HoldReleased;
import dev.kairos.booking.calendar.PlaceHold;
import dev.kairos.booking.calendar.ReleaseHold;
import dev.kairos.booking.calendar.SetBookingLimits;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.TimeOffId;
import dev.kairos.booking.common.TimeSlot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.kairos.booking.command.calendar.CalendarScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

class HoldTest {
    static final HoldId H1 = new HoldId(uuid("0d01"));
    static final HoldId H2 = new HoldId(uuid("0d02"));
    static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private static CalendarScenario anna() {
        return new CalendarScenario().givenStaff().workingMondays("09:00-17:00").providing(CUT, QUICK).registered();
    }

    private static PlaceHold hold(HoldId id, Instant start) {
        return new PlaceHold(id, BUSINESS, STAFF, CUT, start, TEN_MINUTES);
    }

    private static ConfirmHold confirm(HoldId id, dev.kairos.booking.common.AppointmentId appointmentId) {
        return new ConfirmHold(id, BUSINESS, appointmentId, ADA_ID, ADA, "first visit", Map.of("channel", "web"));
    }

    private static HoldPlaced placed(HoldId id, Instant start) {
        return new HoldPlaced(id, BUSINESS, STAFF, CUT, slot(CUT, start), blocked(CUT, start), NOW, NOW.plus(TEN_MINUTES));
    }

    /** Anna with a ten-minute hold on Monday 10:00. */
    private static CalendarScenario annaWithHold() {
        CalendarScenario anna = anna();
        anna.when(hold(H1, monday("10:00"))).expectEvents(placed(H1, monday("10:00")));
        return anna;
    }

    @Nested
    class Placing {
        @Test
        void aHoldOnAFreeSlotBlocksItUntilItsExpiryAndSchedulesThatExpiry() {
            CalendarScenario anna = anna();
            anna.when(hold(H1, monday("10:00"))).expectEvents(placed(H1, monday("10:00")));
            assertThat(anna.world.scheduledDeadlines()).singleElement().satisfies(d -> {
                assertThat(d.getScheduleTime()).isEqualTo(NOW.plus(TEN_MINUTES));
                assertThat(d.deadlineMessage().getPayload()).isEqualTo(new Hold.ExpiryDue(H1));
            });
        }

        @Test
        void placingTheSameHoldAgainChangesNothing() {
            annaWithHold().when(hold(H1, monday("10:00"))).expectNoEvents();
        }

        @Test
        void theSameHoldIdForAnotherSlotIsRejected() {
            annaWithHold().when(hold(H1, monday("14:00"))).expectException(ErrorCode.ALREADY_EXISTS);
        }

        @Test
        void aHoldFollowsTheBookingRules() {
            anna().when(hold(H1, monday("18:00"))).expectException(ErrorCode.OUTSIDE_WORKING_HOURS);
            anna().when(new PlaceHold(H1, BUSINESS, STAFF, CUT, NOW.plus(Duration.ofMinutes(30)), TEN_MINUTES))
                    .expectException(ErrorCode.MINIMUM_NOTICE);
        }

        @Test
        void aHoldLastsFromFiveSecondsToAnHour() {
            anna().when(new PlaceHold(H1, BUSINESS, STAFF, CUT, monday("10:00"), Duration.ofSeconds(4)))
                    .expectException(ErrorCode.INVALID_DURATION);
            anna().when(new PlaceHold(H1, BUSINESS, STAFF, CUT, monday("10:00"), Duration.ofMinutes(61)))
                    .expectException(ErrorCode.INVALID_DURATION);
            anna().when(new PlaceHold(H1, BUSINESS, STAFF, CUT, monday("10:00"), Duration.ofSeconds(5)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aHeldSlotCannotBeBookedOrHeldByAnyoneElse() {
            CalendarScenario anna = annaWithHold();
            anna.when(book(A1, CUT, monday("10:30"))).expectException(ErrorCode.SLOT_UNAVAILABLE);
            anna.when(hold(H2, monday("09:30"))).expectException(ErrorCode.SLOT_UNAVAILABLE);
            // back to back with the hold's buffers is fine
            anna.when(book(A1, CUT, monday("11:30"))).expectEvents(bookedEvent(A1, CUT, monday("11:30")));
        }

        @Test
        void aHoldOnABookedSlotIsRejected() {
            anna().booked(A1, CUT, monday("10:00")).when(hold(H1, monday("10:30"))).expectException(ErrorCode.SLOT_UNAVAILABLE);
        }

        @Test
        void aHoldPastItsExpiryNoLongerBlocksEvenBeforeTheDeadlineRecordsIt() {
            CalendarScenario anna = annaWithHold();
            anna.clockAt(NOW.plus(TEN_MINUTES));
            anna.when(book(A1, CUT, monday("10:00")))
                    .expectEvents(bookedEvent(A1, CUT, monday("10:00"), NOW.plus(TEN_MINUTES)));
        }

        @Test
        void liveHoldsCountTowardsTheDailyLimit() {
            CalendarScenario anna = annaWithHold();
            anna.when(new SetBookingLimits(STAFF, BUSINESS, new BookingLimits(1, null), null)).expectSuccessfulHandlerExecution();
            anna.when(book(A1, CUT, monday("14:00"))).expectException(ErrorCode.BOOKING_LIMIT_REACHED);
        }

        @Test
        void timeOffCannotCoverALiveHold() {
            annaWithHold().when(new BlockTime(STAFF, BUSINESS, new TimeOffId(uuid("0f01")),
                            new TimeSlot(monday("09:00"), monday("12:00")), "dentist"))
                    .expectException(ErrorCode.SLOT_UNAVAILABLE);
        }

        @Test
        void aStaffMemberOfAnotherBusinessIsNotFound() {
            anna().when(new PlaceHold(H1, OTHER_BUSINESS, STAFF, FOREIGN, monday("10:00"), TEN_MINUTES))
                    .expectException(ErrorCode.STAFF_NOT_FOUND);
        }
    }

    @Nested
    class Confirming {
        @Test
        void aLiveHoldBecomesAnAppointmentOnExactlyTheHeldSlot() {
            annaWithHold().when(confirm(H1, A1))
                    .expectEvents(new HoldConfirmed(H1, BUSINESS, STAFF, A1), bookedEvent(A1, CUT, monday("10:00")))
                    .expectRevision(1);
        }

        @Test
        void confirmingAgainAsTheSameAppointmentChangesNothing() {
            CalendarScenario anna = annaWithHold();
            anna.when(confirm(H1, A1)).expectSuccessfulHandlerExecution();
            anna.when(confirm(H1, A1)).expectNoEvents().expectRevision(1);
        }

        @Test
        void aConfirmedHoldCannotBecomeASecondAppointment() {
            CalendarScenario anna = annaWithHold();
            anna.when(confirm(H1, A1)).expectSuccessfulHandlerExecution();
            anna.when(confirm(H1, A2)).expectException(ErrorCode.HOLD_ENDED);
        }

        @Test
        void aHoldPastItsExpiryCannotBeConfirmed() {
            CalendarScenario anna = annaWithHold();
            anna.clockAt(NOW.plus(TEN_MINUTES));
            anna.when(confirm(H1, A1)).expectException(ErrorCode.HOLD_EXPIRED);
        }

        @Test
        void anUnknownHoldIsNotFound() {
            anna().when(confirm(H1, A1)).expectException(ErrorCode.HOLD_NOT_FOUND);
        }

        @Test
        void aHoldOfAnotherBusinessIsNotFound() {
            annaWithHold().when(new ConfirmHold(H1, OTHER_BUSINESS, A1, ADA_ID, ADA, null, null))
                    .expectException(ErrorCode.HOLD_NOT_FOUND);
        }

        @Test
        void anExistingAppointmentIdIsRejected() {
            annaWithHold().booked(A1, QUICK, monday("15:00")).when(confirm(H1, A1)).expectException(ErrorCode.ALREADY_EXISTS);
        }

        @Test
        void theStaffMembersDeactivationEndsTheChanceToConfirm() {
            annaWithHold().staffDeactivated().when(confirm(H1, A1)).expectException(ErrorCode.STAFF_INACTIVE);
        }
    }

    @Nested
    class Ending {
        @Test
        void aReleasedHoldFreesTheSlot() {
            CalendarScenario anna = annaWithHold();
            anna.when(new ReleaseHold(H1, BUSINESS)).expectEvents(new HoldReleased(H1, BUSINESS, STAFF, CUT, slot(CUT, monday("10:00"))));
            anna.when(book(A1, CUT, monday("10:00"))).expectEvents(bookedEvent(A1, CUT, monday("10:00")));
        }

        @Test
        void releasingTwiceChangesNothingAndAReleasedHoldCannotBeConfirmed() {
            CalendarScenario anna = annaWithHold();
            anna.when(new ReleaseHold(H1, BUSINESS)).expectSuccessfulHandlerExecution();
            anna.when(new ReleaseHold(H1, BUSINESS)).expectNoEvents();
            anna.when(confirm(H1, A1)).expectException(ErrorCode.HOLD_ENDED);
        }

        @Test
        void aConfirmedHoldCannotBeReleased() {
            CalendarScenario anna = annaWithHold();
            anna.when(confirm(H1, A1)).expectSuccessfulHandlerExecution();
            anna.when(new ReleaseHold(H1, BUSINESS)).expectException(ErrorCode.HOLD_ENDED);
        }

        @Test
        void theExpiryDeadlineEndsTheHoldAndFreesTheSlot() {
            CalendarScenario anna = annaWithHold();
            anna.world.whenTimeElapses(Duration.ofMinutes(9)).expectNoEvents();
            anna.world.whenTimeElapses(Duration.ofMinutes(1))
                    .expectEvents(new HoldExpired(H1, BUSINESS, STAFF, CUT, slot(CUT, monday("10:00")), NOW.plus(TEN_MINUTES)));
            anna.when(confirm(H1, A1)).expectException(ErrorCode.HOLD_EXPIRED);
            anna.when(book(A1, CUT, monday("10:00"))).expectEvents(bookedEvent(A1, CUT, monday("10:00"), NOW.plus(TEN_MINUTES)));
        }

        @Test
        void theExpiryDeadlineOfAConfirmedHoldChangesNothing() {
            CalendarScenario anna = annaWithHold();
            anna.when(confirm(H1, A1)).expectSuccessfulHandlerExecution();
            anna.world.whenTimeElapses(TEN_MINUTES).expectNoEvents();
        }
    }
}

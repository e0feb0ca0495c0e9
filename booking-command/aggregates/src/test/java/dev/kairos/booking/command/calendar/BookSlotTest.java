package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.BookSlot;
import dev.kairos.booking.command.support.CommandLookups.AppointmentRecord;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.SlotUnavailableException;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.kairos.booking.command.calendar.CalendarScenario.A1;
import static dev.kairos.booking.command.calendar.CalendarScenario.A2;
import static dev.kairos.booking.command.calendar.CalendarScenario.A3;
import static dev.kairos.booking.command.calendar.CalendarScenario.ADA;
import static dev.kairos.booking.command.calendar.CalendarScenario.ADA_ID;
import static dev.kairos.booking.command.calendar.CalendarScenario.BUSINESS;
import static dev.kairos.booking.command.calendar.CalendarScenario.CUT;
import static dev.kairos.booking.command.calendar.CalendarScenario.FOREIGN;
import static dev.kairos.booking.command.calendar.CalendarScenario.NOW;
import static dev.kairos.booking.command.calendar.CalendarScenario.OTHER_BUSINESS;
import static dev.kairos.booking.command.calendar.CalendarScenario.OTHER_STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.QUICK;
import static dev.kairos.booking.command.calendar.CalendarScenario.STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.at;
import static dev.kairos.booking.command.calendar.CalendarScenario.book;
import static dev.kairos.booking.command.calendar.CalendarScenario.bookedEvent;
import static dev.kairos.booking.command.calendar.CalendarScenario.monday;
import static org.assertj.core.api.Assertions.assertThat;

class BookSlotTest {

    /** Anna works Mondays 09:00–12:00 and 13:00–17:00 (Berlin) and provides both services. */
    private static CalendarScenario anna() {
        return new CalendarScenario().givenStaff().workingMondays("09:00-12:00", "13:00-17:00").providing(CUT, QUICK).registered();
    }

    @Test
    void bookingAFreeSlotEmitsAppointmentBookedWithTheSlotAndTheBlockedTimeIncludingBuffers() {
        anna().when(book(A1, CUT, monday("10:00")))
                .expectEvents(new AppointmentBooked(A1, BUSINESS, STAFF, CUT, ADA_ID, ADA,
                        new TimeSlot(Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T10:00:00Z")),
                        new TimeSlot(Instant.parse("2026-12-07T08:45:00Z"), Instant.parse("2026-12-07T10:15:00Z")),
                        "first visit", Map.of("channel", "web"), NOW))
                .expectRevision(1);
    }

    @Nested
    class WorkingHours {
        @ParameterizedTest(name = "cut at {0} fits")
        @ValueSource(strings = {"09:00", "11:00", "13:00", "16:00"})
        void anAppointmentInsideAWorkingIntervalIsBooked(String start) {
            // buffers may lie outside working hours (08:45 before 09:00, 12:00–12:15 in the lunch break)
            anna().when(book(A1, CUT, monday(start))).expectEvents(bookedEvent(A1, CUT, monday(start)));
        }

        @ParameterizedTest(name = "cut at {0} is outside working hours")
        @ValueSource(strings = {"08:00", "08:30", "11:15", "11:30", "12:00", "12:30", "16:15", "17:00"})
        void anAppointmentNotInsideOneWorkingIntervalIsRejected(String start) {
            // 11:15 and 11:30 run into the lunch break, 12:30 starts in it and runs into the afternoon
            anna().when(book(A1, CUT, monday(start))).expectException(ErrorCode.OUTSIDE_WORKING_HOURS);
        }

        @Test
        void aDayWithoutWorkingHoursIsRejected() {
            anna().when(book(A1, QUICK, at(LocalDate.of(2026, 12, 8), "10:00")))
                    .expectException(ErrorCode.OUTSIDE_WORKING_HOURS);
        }
    }

    /** Berlin springs forward on Sunday 2027-03-28: 02:00 CET becomes 03:00 CEST. "Now" is a week before. */
    @Nested
    class DaylightSavingTime {
        private final LocalDate dstSunday = LocalDate.of(2027, 3, 28);

        private CalendarScenario sundays(String... intervals) {
            return new CalendarScenario().givenStaff().working(DayOfWeek.SUNDAY, intervals).providing(CUT, QUICK).registered()
                    .clockAt(Instant.parse("2027-03-20T08:00:00Z"));
        }

        @Test
        void workingHoursAreReadWithTheSummerOffsetOnTheDayOfTheChange() {
            // 09:00 CEST is 07:00Z
            Instant start = Instant.parse("2027-03-28T07:00:00Z");
            sundays("09:00-12:00").when(book(A1, CUT, start))
                    .expectEvents(bookedEvent(A1, CUT, start, Instant.parse("2027-03-20T08:00:00Z")));
        }

        @Test
        void anInstantInsideTheHoursAtWinterOffsetIsOutsideAtSummerOffset() {
            // 10:00Z would be 11:00 CET (inside) but is 12:00 CEST on the day of the change
            sundays("09:00-12:00").when(book(A1, QUICK, Instant.parse("2027-03-28T10:00:00Z")))
                    .expectException(ErrorCode.OUTSIDE_WORKING_HOURS);
        }

        @Test
        void anIntervalAcrossTheGapIsAnHourShorter() {
            // 01:00–05:00 local is 00:00Z–03:00Z on the day of the change (4 hours a week earlier)
            CalendarScenario scenario = sundays("01:00-05:00");
            scenario.when(book(A1, CUT, Instant.parse("2027-03-28T02:15:00Z")))
                    .expectException(ErrorCode.OUTSIDE_WORKING_HOURS);
            scenario.when(book(A1, CUT, Instant.parse("2027-03-21T02:15:00Z")))
                    .expectEvents(bookedEvent(A1, CUT, Instant.parse("2027-03-21T02:15:00Z"), Instant.parse("2027-03-20T08:00:00Z")));
            scenario.when(book(A2, CUT, Instant.parse("2027-03-28T02:00:00Z")))
                    .expectEvents(bookedEvent(A2, CUT, Instant.parse("2027-03-28T02:00:00Z"), Instant.parse("2027-03-20T08:00:00Z")));
        }

        @Test
        void anAppointmentStartingInTheGapStartsWhenTheGapEnds() {
            // 01:00Z is 03:00 CEST: the first instant after the gap, inside 02:30–05:00 (which really starts at 03:00)
            sundays("02:30-05:00").when(book(A1, QUICK, Instant.parse("2027-03-28T01:00:00Z")))
                    .expectEvents(bookedEvent(A1, QUICK, Instant.parse("2027-03-28T01:00:00Z"), Instant.parse("2027-03-20T08:00:00Z")));
        }
    }

    /** Now is Tuesday 2026-12-01 09:00 Berlin. The cut needs 2 hours notice and may be booked 60 days ahead. */
    @Nested
    class BookingWindow {
        private CalendarScenario everyTuesdayAndSaturday() {
            return new CalendarScenario().givenStaff().working(DayOfWeek.TUESDAY, "09:00-17:00")
                    .working(DayOfWeek.SATURDAY, "09:00-17:00").providing(CUT, QUICK).registered();
        }

        @Test
        void lessThanTheMinimumNoticeIsRejected() {
            everyTuesdayAndSaturday().when(book(A1, CUT, Instant.parse("2026-12-01T09:45:00Z")))
                    .expectException(ErrorCode.MINIMUM_NOTICE);
        }

        @Test
        void exactlyTheMinimumNoticeIsEnough() {
            everyTuesdayAndSaturday().when(book(A1, CUT, Instant.parse("2026-12-01T10:00:00Z")))
                    .expectEvents(bookedEvent(A1, CUT, Instant.parse("2026-12-01T10:00:00Z")));
        }

        @Test
        void aServiceWithoutNoticeMayStartRightNow() {
            everyTuesdayAndSaturday().when(book(A1, QUICK, NOW))
                    .expectEvents(bookedEvent(A1, QUICK, NOW));
        }

        @Test
        void aStartInThePastIsRejected() {
            everyTuesdayAndSaturday().when(book(A1, QUICK, NOW.minusSeconds(60)))
                    .expectException(ErrorCode.MINIMUM_NOTICE);
        }

        @Test
        void exactlyTheMaximumAdvanceIsAllowed() {
            Instant latest = Instant.parse("2027-01-30T08:00:00Z"); // Saturday 09:00 Berlin, 60 days after now
            everyTuesdayAndSaturday().when(book(A1, CUT, latest)).expectEvents(bookedEvent(A1, CUT, latest));
        }

        @Test
        void beyondTheMaximumAdvanceIsRejected() {
            everyTuesdayAndSaturday().when(book(A1, CUT, Instant.parse("2027-01-30T08:15:00Z")))
                    .expectException(ErrorCode.MAXIMUM_ADVANCE);
        }
    }

    @Nested
    class Preconditions {
        @Test
        void aServiceTheStaffMemberDoesNotProvideIsRejected() {
            new CalendarScenario().givenStaff().workingMondays("09:00-17:00").providing(CUT).registered()
                    .when(book(A1, QUICK, monday("10:00")))
                    .expectException(ErrorCode.SERVICE_NOT_PROVIDED);
        }

        @Test
        void anInactiveStaffMemberIsRejected() {
            anna().staffDeactivated().when(book(A1, CUT, monday("10:00")))
                    .expectException(ErrorCode.STAFF_INACTIVE);
        }

        @Test
        void anInactiveServiceIsRejected() {
            anna().serviceDeactivated(CUT).when(book(A1, CUT, monday("10:00")))
                    .expectException(ErrorCode.SERVICE_INACTIVE);
        }

        @Test
        void anInactiveBusinessIsRejected() {
            anna().businessDeactivated().when(book(A1, CUT, monday("10:00")))
                    .expectException(ErrorCode.BUSINESS_INACTIVE);
        }

        @Test
        void anotherTenantsStaffMemberIsNotFound() {
            anna().when(new BookSlot(A1, OTHER_BUSINESS, STAFF, FOREIGN, ADA_ID, ADA, monday("10:00"), null, null))
                    .expectException(ErrorCode.STAFF_NOT_FOUND);
        }

        @Test
        void anUnknownStaffMemberIsNotFound() {
            anna().when(new BookSlot(A1, BUSINESS, OTHER_STAFF, CUT, ADA_ID, ADA, monday("10:00"), null, null))
                    .expectException(ErrorCode.STAFF_NOT_FOUND);
        }

        @Test
        void anotherTenantsServiceIsNotFound() {
            anna().when(book(A1, FOREIGN, monday("10:00")))
                    .expectException(ErrorCode.SERVICE_NOT_FOUND);
        }
    }

    /** The cut blocks 15 minutes on either side; the quick fix blocks exactly its 30 minutes. */
    @Nested
    class Collisions {
        @ParameterizedTest(name = "existing {0} at 14:00, new {1} at {2}: free={3}")
        @CsvSource({
                // the new appointment against the existing one's buffers
                "cut, quick, 13:30, false",   // new slot runs into the buffer before
                "cut, quick, 15:00, false",   // new slot starts in the buffer after
                "cut, quick, 13:15, true",    // ends where the buffer before starts
                "cut, quick, 15:15, true",    // starts where the buffer after ends
                // the new appointment's own buffers against the existing one
                "quick, cut, 14:30, false",   // buffer before overlaps 14:00–14:30
                "quick, cut, 12:45, true",    // buffer after ends where the quick fix starts
                "quick, cut, 13:00, false",   // buffer after 14:00–14:15 overlaps
                "quick, cut, 14:45, true",    // buffer before starts at 14:30
                // both buffers: the slots themselves do not overlap, the blocked times do
                "cut, cut, 15:15, false",
                "cut, cut, 12:45, false",
                "cut, cut, 15:30, true",
                "cut, cut, 14:00, false",
        })
        void blockedTimesMayTouchButNotOverlap(String existing, String requested, String start, boolean free) {
            ServiceId existingService = service(existing);
            ServiceId requestedService = service(requested);
            CalendarScenario scenario = new CalendarScenario().givenStaff().workingMondays("09:00-12:00", "12:45-17:00")
                    .providing(CUT, QUICK).registered().booked(A1, existingService, monday("14:00"));
            if (free) {
                scenario.when(book(A2, requestedService, monday(start)))
                        .expectEvents(bookedEvent(A2, requestedService, monday(start)));
            } else {
                scenario.when(book(A2, requestedService, monday(start)))
                        .expectException(ErrorCode.SLOT_UNAVAILABLE);
            }
        }

        private ServiceId service(String name) {
            return name.equals("cut") ? CUT : QUICK;
        }

        @Test
        void backToBackAppointmentsFillTheMorning() {
            CalendarScenario scenario = anna();
            scenario.when(book(A1, QUICK, monday("09:00"))).expectEvents(bookedEvent(A1, QUICK, monday("09:00")));
            scenario.when(book(A2, QUICK, monday("09:30"))).expectEvents(bookedEvent(A2, QUICK, monday("09:30")));
            scenario.when(book(A3, CUT, monday("10:15"))).expectEvents(bookedEvent(A3, CUT, monday("10:15")));
        }

        @Test
        void aCollisionBetweenTwoEarlierAppointmentsIsFound() {
            // the requested time overlaps the second of two earlier appointments, not the nearest one before it
            anna().booked(A1, QUICK, monday("09:00")).booked(A2, CUT, monday("09:45"))
                    .when(book(A3, QUICK, monday("10:45")))
                    .expectException(ErrorCode.SLOT_UNAVAILABLE);
        }

        @Test
        void theRejectionOffersTheNearestFreeSlots() {
            // the cut at 10:30 blocks 10:15–11:45, so 09:00 (blocked 08:45–10:15) is free, 11:00 is not,
            // 11:15 onwards does not fit before lunch; the afternoon is free
            SlotUnavailableException e = anna().booked(A1, CUT, monday("10:30"))
                    .when(book(A2, CUT, monday("10:30")))
                    .expectException(ErrorCode.SLOT_UNAVAILABLE);
            assertThat(e).isInstanceOf(SlotUnavailableException.class);
            assertThat(e.staffId()).isEqualTo(STAFF);
            assertThat(e.alternatives()).containsExactly(
                    new TimeSlot(monday("09:00"), monday("10:00")),
                    new TimeSlot(monday("13:00"), monday("14:00")),
                    new TimeSlot(monday("13:15"), monday("14:15")));
        }

        @Test
        void theOfferedSlotsCanReallyBeBooked() {
            List<TimeSlot> alternatives = anna().booked(A1, CUT, monday("10:30")).booked(A3, QUICK, monday("13:00"))
                    .when(book(A2, CUT, monday("10:45")))
                    .<SlotUnavailableException>expectException(ErrorCode.SLOT_UNAVAILABLE)
                    .alternatives();
            assertThat(alternatives).hasSize(3);
            for (TimeSlot alternative : alternatives) {
                anna().booked(A1, CUT, monday("10:30")).booked(A3, QUICK, monday("13:00"))
                        .when(book(A2, CUT, alternative.start()))
                        .expectEvents(bookedEvent(A2, CUT, alternative.start()));
            }
        }
    }

    @Nested
    class SameAppointmentAgain {
        @Test
        void bookingTheSameAppointmentAtTheSameStartIsANoOp() {
            anna().booked(A1, CUT, monday("10:00"))
                    .when(book(A1, CUT, monday("10:00")))
                    .expectNoEvents()
                    .expectRevision(1);
        }

        @Test
        void bookingTheSameAppointmentAgainAfterItWasConfirmedReportsItsRevision() {
            anna().booked(A1, CUT, monday("10:00")).confirmed(A1)
                    .when(book(A1, CUT, monday("10:00")))
                    .expectNoEvents()
                    .expectRevision(2);
        }

        @Test
        void bookingTheSameAppointmentAtAnotherStartIsRejected() {
            anna().booked(A1, CUT, monday("10:00"))
                    .when(book(A1, CUT, monday("14:00")))
                    .expectException(ErrorCode.ALREADY_EXISTS);
        }

        @Test
        void bookingTheSameAppointmentForAnotherServiceIsRejected() {
            anna().booked(A1, CUT, monday("10:00"))
                    .when(book(A1, QUICK, monday("10:00")))
                    .expectException(ErrorCode.ALREADY_EXISTS);
        }

        @Test
        void reusingTheIdOfAnAppointmentWithAnotherStaffMemberIsRejected() {
            CalendarScenario scenario = anna();
            scenario.world.lookups.appointments.put(A1,
                    new AppointmentRecord(BUSINESS, new StaffId(CalendarScenario.uuid("5999")), CUT, AppointmentStatus.SCHEDULED, 1));
            scenario.when(book(A1, CUT, monday("10:00")))
                    .expectException(ErrorCode.ALREADY_EXISTS);
        }

        @Test
        void reusingTheIdOfACancelledAppointmentIsRejected() {
            anna().booked(A1, CUT, monday("10:00")).cancelled(A1)
                    .when(book(A1, CUT, monday("10:00")))
                    .expectException(ErrorCode.ALREADY_EXISTS);
        }
    }

    @Nested
    class FreedTime {
        @Test
        void aCancelledAppointmentFreesItsSlot() {
            anna().booked(A1, CUT, monday("10:00")).cancelled(A1)
                    .when(book(A2, CUT, monday("10:00")))
                    .expectEvents(bookedEvent(A2, CUT, monday("10:00")));
        }

        @Test
        void aCancelledConfirmedAppointmentFreesItsSlot() {
            anna().booked(A1, CUT, monday("10:00")).confirmed(A1).cancelled(A1)
                    .when(book(A2, CUT, monday("10:00")))
                    .expectEvents(bookedEvent(A2, CUT, monday("10:00")));
        }

        @Test
        void aCompletedAppointmentLeavesTheCalendar() {
            anna().booked(A1, CUT, monday("10:00")).confirmed(A1).completed(A1)
                    .when(book(A2, CUT, monday("10:00")))
                    .expectEvents(bookedEvent(A2, CUT, monday("10:00")));
        }

        @Test
        void aNoShowLeavesTheCalendar() {
            anna().booked(A1, CUT, monday("10:00")).confirmed(A1).markedNoShow(A1)
                    .when(book(A2, CUT, monday("10:00")))
                    .expectEvents(bookedEvent(A2, CUT, monday("10:00")));
        }

        @Test
        void aConfirmedAppointmentStillHoldsItsSlot() {
            anna().booked(A1, CUT, monday("10:00")).confirmed(A1)
                    .when(book(A2, CUT, monday("10:00")))
                    .expectException(ErrorCode.SLOT_UNAVAILABLE);
        }

        @Test
        void aRescheduledAppointmentFreesItsOldSlotAndHoldsItsNewOne() {
            CalendarScenario scenario = anna().booked(A1, CUT, monday("10:00")).rescheduled(A1, monday("10:00"), monday("14:00"));
            scenario.when(book(A2, CUT, monday("14:00"))).expectException(ErrorCode.SLOT_UNAVAILABLE);
            scenario.when(book(A2, CUT, monday("10:00"))).expectEvents(bookedEvent(A2, CUT, monday("10:00")));
        }
    }
}

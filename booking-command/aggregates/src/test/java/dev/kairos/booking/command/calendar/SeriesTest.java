package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.BookingLimits;
import dev.kairos.booking.calendar.BookingLimitsSet;
import dev.kairos.booking.calendar.CancelAppointment;
import dev.kairos.booking.calendar.RescheduleAppointment;
import dev.kairos.booking.command.support.BookingWorld;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.series.BookSeries;
import dev.kairos.booking.series.CancelSeries;
import dev.kairos.booking.series.OccurrenceOutcome;
import dev.kairos.booking.series.PreviewSeries;
import dev.kairos.booking.series.RescheduleSeries;
import dev.kairos.booking.series.SeriesBooked;
import dev.kairos.booking.series.SeriesCancelled;
import dev.kairos.booking.series.SeriesConflictException;
import dev.kairos.booking.series.SeriesDecision;
import dev.kairos.booking.series.SeriesId;
import dev.kairos.booking.series.SeriesMode;
import dev.kairos.booking.series.SeriesRescheduled;
import dev.kairos.booking.series.SeriesScope;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kairos.booking.command.calendar.CalendarScenario.A1;
import static dev.kairos.booking.command.calendar.CalendarScenario.ADA;
import static dev.kairos.booking.command.calendar.CalendarScenario.ADA_ID;
import static dev.kairos.booking.command.calendar.CalendarScenario.BERLIN;
import static dev.kairos.booking.command.calendar.CalendarScenario.BUSINESS;
import static dev.kairos.booking.command.calendar.CalendarScenario.OTHER_STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.QUICK;
import static dev.kairos.booking.command.calendar.CalendarScenario.STAFF;
import static dev.kairos.booking.command.calendar.CalendarScenario.at;
import static dev.kairos.booking.command.calendar.CalendarScenario.book;
import static dev.kairos.booking.command.calendar.CalendarScenario.monday;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Series in one staff calendar: Anna works Mondays 09:00–12:00 and 13:00–17:00 in Berlin; the series is the QUICK
 * service (30 min) weekly on Mondays at 10:00 from 7 December 2026, four times (7, 14, 21 and 28 December).
 */
class SeriesTest {
    static final SeriesId SERIES = new SeriesId(UUID.fromString("00000000-0000-0000-0000-0000000e0001"));
    static final String WEEKLY = "FREQ=WEEKLY;BYDAY=MO;COUNT=4";
    static final LocalDateTime FIRST = LocalDateTime.of(2026, 12, 7, 10, 0);
    static final List<LocalDate> MONDAYS = List.of(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 14),
            LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 28));

    private static CalendarScenario anna() {
        return new CalendarScenario().givenStaff().working(DayOfWeek.MONDAY, "09:00-12:00", "13:00-17:00")
                .providing(QUICK).registered();
        }

    static BookSeries series(SeriesMode mode) {
        return series(WEEKLY, mode);
    }

    static BookSeries series(String rule, SeriesMode mode) {
        return new BookSeries(SERIES, BUSINESS, STAFF, QUICK, ADA_ID, ADA, rule, FIRST, null, mode, "weekly", Map.of());
    }

    static AppointmentId occurrence(int index) {
        return SERIES.occurrence(index);
    }

    static AppointmentBooked occurrenceBooked(int index, Instant start) {
        TimeSlot slot = TimeSlot.of(start, java.time.Duration.ofMinutes(30));
        return new AppointmentBooked(occurrence(index), BUSINESS, STAFF, QUICK, ADA_ID, ADA, slot, slot, "weekly", Map.of(),
                CalendarScenario.NOW, SERIES);
    }

    /** Anna with the whole weekly series booked. */
    private static CalendarScenario withSeries() {
        CalendarScenario scenario = anna();
        scenario.when(series(SeriesMode.ALL_OR_NOTHING)).expectSuccessfulHandlerExecution();
        return scenario;
    }

    @Nested
    class Booking {
        @Test
        void previewReportsEachOccurrenceWithItsCodeAndAppliesNothing() {
            CalendarScenario scenario = anna().booked(A1, QUICK, at(MONDAYS.get(1), "10:00"));
            BookingWorld.Then then = scenario.when(new PreviewSeries(BUSINESS, STAFF, QUICK,
                    "FREQ=WEEKLY;BYDAY=MO;COUNT=5", LocalDateTime.of(2026, 12, 7, 11, 45), null)).expectNoEvents();
            SeriesDecision preview = (SeriesDecision) then.result();
            assertThat(preview.zone()).isEqualTo(BERLIN);
            assertThat(preview.occurrences()).extracting(OccurrenceOutcome::code).containsExactly(
                    "outside-working-hours", "outside-working-hours", "outside-working-hours", "outside-working-hours",
                    "outside-working-hours");
            preview = (SeriesDecision) scenario.when(new PreviewSeries(BUSINESS, STAFF, QUICK, WEEKLY, FIRST, null))
                    .expectNoEvents().result();
            assertThat(preview.occurrences()).extracting(OccurrenceOutcome::code)
                    .containsExactly(null, "slot-unavailable", null, null);
            assertThat(preview.occurrences()).extracting(OccurrenceOutcome::start)
                    .containsExactly(at(MONDAYS.get(0), "10:00"), at(MONDAYS.get(1), "10:00"), at(MONDAYS.get(2), "10:00"),
                            at(MONDAYS.get(3), "10:00"));
        }

        @Test
        void allOrNothingBooksEveryOccurrenceWithItsDerivedIdAndTheSeriesId() {
            BookingWorld.Then then = anna().when(series(SeriesMode.ALL_OR_NOTHING));
            List<Object> events = then.events();
            assertThat(events).hasSize(5);
            SeriesBooked booked = (SeriesBooked) events.get(0);
            assertThat(booked.zone()).isEqualTo(BERLIN);
            assertThat(booked.occurrences()).allMatch(OccurrenceOutcome::isFree);
            for (int i = 0; i < 4; i++) {
                assertThat(events.get(i + 1)).isEqualTo(occurrenceBooked(i, at(MONDAYS.get(i), "10:00")));
            }
        }

        @Test
        void allOrNothingRejectsWithTheConflictsAndStoresNothing() {
            SeriesConflictException e = anna().booked(A1, QUICK, at(MONDAYS.get(2), "10:15"))
                    .when(series(SeriesMode.ALL_OR_NOTHING)).expectException(ErrorCode.SERIES_CONFLICT);
            assertThat(e.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.index()).isEqualTo(2);
                assertThat(c.code()).isEqualTo("slot-unavailable");
                assertThat(c.appointmentId()).isEqualTo(occurrence(2));
            });
        }

        @Test
        void freeOnesBooksTheRestAndReportsTheSkippedOnes() {
            BookingWorld.Then then = anna().booked(A1, QUICK, at(MONDAYS.get(2), "10:15"))
                    .when(series(SeriesMode.FREE_ONES));
            List<Object> events = then.events();
            assertThat(events).hasSize(4);
            assertThat(((SeriesBooked) events.get(0)).occurrences()).extracting(OccurrenceOutcome::code)
                    .containsExactly(null, null, "slot-unavailable", null);
            assertThat(events.subList(1, 4)).containsExactly(occurrenceBooked(0, at(MONDAYS.get(0), "10:00")),
                    occurrenceBooked(1, at(MONDAYS.get(1), "10:00")), occurrenceBooked(3, at(MONDAYS.get(3), "10:00")));
        }

        @Test
        void freeOnesWithNothingFreeIsRejected() {
            anna().when(series(SeriesMode.FREE_ONES).withFirstStart(LocalDateTime.of(2026, 12, 7, 12, 0)))
                    .expectException(ErrorCode.SERIES_CONFLICT);
        }

        @Test
        void occurrencesCountTowardsLimitsAndMayNotOverlapEachOther() {
            CalendarScenario scenario = new CalendarScenario().givenStaff()
                    .working(DayOfWeek.MONDAY, "09:00-17:00").working(DayOfWeek.TUESDAY, "09:00-17:00")
                    .working(DayOfWeek.WEDNESDAY, "09:00-17:00").providing(QUICK).registered();
            scenario.world.given(StaffCalendar.class, STAFF, new BookingLimitsSet(STAFF, BUSINESS, new BookingLimits(null, 2), 2));
            List<Object> events = scenario.when(series("FREQ=DAILY;BYDAY=MO,TU,WE;COUNT=6", SeriesMode.FREE_ONES)).events();
            assertThat(((SeriesBooked) events.get(0)).occurrences()).extracting(OccurrenceOutcome::code)
                    .containsExactly(null, null, "booking-limit-reached", null, null, "booking-limit-reached");
        }

        @Test
        void retryingTheSameSeriesAnswersTheFirstOutcomeWithoutNewEvents() {
            CalendarScenario scenario = withSeries();
            SeriesDecision again = (SeriesDecision) scenario.when(series(SeriesMode.ALL_OR_NOTHING)).expectNoEvents().result();
            assertThat(again.occurrences()).hasSize(4).allMatch(OccurrenceOutcome::isFree);
            scenario.when(series("FREQ=WEEKLY;BYDAY=MO;COUNT=3", SeriesMode.ALL_OR_NOTHING))
                    .expectException(ErrorCode.ALREADY_EXISTS);
        }

        @Test
        void aSeriesBeyondTheBookingWindowOrWithABadRuleIsRejected() {
            // QUICK may be booked 60 days ahead: up to 30 January 2027
            anna().when(series("FREQ=WEEKLY;BYDAY=MO;COUNT=9", SeriesMode.FREE_ONES)).expectException(ErrorCode.SERIES_TOO_LONG);
            anna().when(series("FREQ=WEEKLY;BYDAY=MO;COUNT=105", SeriesMode.FREE_ONES)).expectException(ErrorCode.SERIES_TOO_LONG);
            anna().when(series("FREQ=YEARLY;COUNT=2", SeriesMode.FREE_ONES)).expectException(ErrorCode.INVALID_RECURRENCE);
        }

        @Test
        void aSeriesInAnotherZoneKeepsThatZonesWallClock() {
            BookSeries inLondon = new BookSeries(SERIES, BUSINESS, STAFF, QUICK, ADA_ID, ADA, WEEKLY,
                    LocalDateTime.of(2026, 12, 7, 9, 0), java.time.ZoneId.of("Europe/London"), SeriesMode.ALL_OR_NOTHING, null, null);
            SeriesBooked booked = (SeriesBooked) anna().when(inLondon).events().get(0);
            assertThat(booked.zone()).isEqualTo(java.time.ZoneId.of("Europe/London"));
            assertThat(booked.occurrences().get(0).start()).isEqualTo(monday("10:00"));
        }
    }

    @Nested
    class Cancelling {
        @Test
        void oneOccurrence() {
            withSeries().when(new CancelSeries(SERIES, BUSINESS, SeriesScope.ONE, occurrence(1), "ill"))
                    .expectEvents(new SeriesCancelled(SERIES, BUSINESS, STAFF, SeriesScope.ONE, occurrence(1), List.of(occurrence(1)), "ill"),
                            new AppointmentCancelled(occurrence(1), BUSINESS, STAFF, "ill", 2));
        }

        @Test
        void thisAndFollowingCancelsEveryLaterLiveOccurrence() {
            CalendarScenario scenario = withSeries();
            scenario.when(new CancelAppointment(occurrence(2), BUSINESS, null, null)).expectSuccessfulHandlerExecution();
            scenario.when(new CancelSeries(SERIES, BUSINESS, SeriesScope.THIS_AND_FOLLOWING, occurrence(1), null))
                    .expectEvents(new SeriesCancelled(SERIES, BUSINESS, STAFF, SeriesScope.THIS_AND_FOLLOWING, occurrence(1),
                                    List.of(occurrence(1), occurrence(3)), null),
                            new AppointmentCancelled(occurrence(1), BUSINESS, STAFF, null, 2),
                            new AppointmentCancelled(occurrence(3), BUSINESS, STAFF, null, 2));
            // the same again has nothing left to do; the first occurrence still stands
            scenario.when(new CancelSeries(SERIES, BUSINESS, SeriesScope.THIS_AND_FOLLOWING, occurrence(1), null)).expectNoEvents();
            scenario.when(book(A1, QUICK, at(MONDAYS.get(0), "10:00"))).expectException(ErrorCode.SLOT_UNAVAILABLE);
            scenario.when(book(A1, QUICK, at(MONDAYS.get(3), "10:00"))).expectSuccessfulHandlerExecution();
        }

        @Test
        void allCancelsOnlyOccurrencesThatHaveNotStarted() {
            CalendarScenario scenario = withSeries().clockAt(at(MONDAYS.get(1), "10:10"));
            scenario.when(new CancelSeries(SERIES, BUSINESS, SeriesScope.ALL, null, null)).expectEvents(
                    new SeriesCancelled(SERIES, BUSINESS, STAFF, SeriesScope.ALL, null, List.of(occurrence(2), occurrence(3)), null),
                    new AppointmentCancelled(occurrence(2), BUSINESS, STAFF, null, 2),
                    new AppointmentCancelled(occurrence(3), BUSINESS, STAFF, null, 2));
            scenario.when(new CancelSeries(SERIES, BUSINESS, SeriesScope.ONE, occurrence(1), null))
                    .expectException(ErrorCode.OCCURRENCE_STARTED);
            scenario.when(new CancelSeries(SERIES, BUSINESS, SeriesScope.THIS_AND_FOLLOWING, occurrence(0), null))
                    .expectException(ErrorCode.OCCURRENCE_STARTED);
        }

        @Test
        void badReferencesAreRejected() {
            CalendarScenario scenario = withSeries().booked(A1, QUICK, at(MONDAYS.get(0), "11:00"));
            scenario.when(new CancelSeries(new SeriesId(UUID.randomUUID()), BUSINESS, SeriesScope.ALL, null, null))
                    .expectException(ErrorCode.SERIES_NOT_FOUND);
            scenario.when(new CancelSeries(SERIES, CalendarScenario.OTHER_BUSINESS, SeriesScope.ALL, null, null))
                    .expectException(ErrorCode.SERIES_NOT_FOUND);
            scenario.when(new CancelSeries(SERIES, BUSINESS, SeriesScope.ONE, A1, null)).expectException(ErrorCode.NOT_IN_SERIES);
            scenario.when(new CancelSeries(SERIES, BUSINESS, SeriesScope.THIS_AND_FOLLOWING, null, null))
                    .expectException(ErrorCode.VALIDATION_FAILED);
        }
    }

    @Nested
    class Rescheduling {
        @Test
        void thisAndFollowingMovesToTheNewLocalTime() {
            withSeries().when(new RescheduleSeries(SERIES, BUSINESS, SeriesScope.THIS_AND_FOLLOWING, occurrence(2),
                    LocalTime.of(14, 30), 0)).expectEvents(
                    new SeriesRescheduled(SERIES, BUSINESS, STAFF, SeriesScope.THIS_AND_FOLLOWING, occurrence(2),
                            LocalTime.of(14, 30), 0, BERLIN, List.of(occurrence(2), occurrence(3))),
                    moved(2, at(MONDAYS.get(2), "10:00"), at(MONDAYS.get(2), "14:30")),
                    moved(3, at(MONDAYS.get(3), "10:00"), at(MONDAYS.get(3), "14:30")));
        }

        @Test
        void allOrNothingWhenOneNewTimeIsTaken() {
            SeriesConflictException e = withSeries().booked(A1, QUICK, at(MONDAYS.get(3), "14:30"))
                    .when(new RescheduleSeries(SERIES, BUSINESS, SeriesScope.THIS_AND_FOLLOWING, occurrence(1),
                            LocalTime.of(14, 30), 0)).expectException(ErrorCode.SERIES_CONFLICT);
            assertThat(e.conflicts()).extracting(OccurrenceOutcome::index).containsExactly(3);
            withSeries().when(new RescheduleSeries(SERIES, BUSINESS, SeriesScope.ALL, null, LocalTime.of(12, 0), 0))
                    .expectException(ErrorCode.SERIES_CONFLICT);
        }

        @Test
        void shiftingEveryOccurrenceIntoTheNextOnesPlaceIsAllowedAndLeavesAConsistentCalendar() {
            CalendarScenario scenario = withSeries();
            List<Object> events = scenario.when(new RescheduleSeries(SERIES, BUSINESS, SeriesScope.ALL, null, null, 7)).events();
            assertThat(events).hasSize(5);
            assertThat(events.get(4)).isEqualTo(moved(3, at(MONDAYS.get(3), "10:00"), at(LocalDate.of(2027, 1, 4), "10:00")));
            scenario.when(book(A1, QUICK, at(MONDAYS.get(0), "10:00"))).expectSuccessfulHandlerExecution();
            for (LocalDate taken : List.of(MONDAYS.get(1), MONDAYS.get(2), MONDAYS.get(3), LocalDate.of(2027, 1, 4))) {
                scenario.when(book(new AppointmentId(UUID.randomUUID()), QUICK, at(taken, "10:00")))
                        .expectException(ErrorCode.SLOT_UNAVAILABLE);
            }
        }

        @Test
        void oneOccurrenceThatIsNoLongerScheduledCannotBeMoved() {
            CalendarScenario scenario = withSeries();
            scenario.when(new CancelAppointment(occurrence(1), BUSINESS, null, null)).expectSuccessfulHandlerExecution();
            scenario.when(new RescheduleSeries(SERIES, BUSINESS, SeriesScope.ONE, occurrence(1), LocalTime.of(15, 0), 0))
                    .expectException(ErrorCode.ILLEGAL_STATUS_TRANSITION);
            scenario.when(new RescheduleSeries(SERIES, BUSINESS, SeriesScope.ONE, occurrence(2), LocalTime.of(15, 0), 0))
                    .expectEvents(new SeriesRescheduled(SERIES, BUSINESS, STAFF, SeriesScope.ONE, occurrence(2),
                                    LocalTime.of(15, 0), 0, BERLIN, List.of(occurrence(2))),
                            moved(2, at(MONDAYS.get(2), "10:00"), at(MONDAYS.get(2), "15:00")));
            // a retry finds the occurrence already there
            scenario.when(new RescheduleSeries(SERIES, BUSINESS, SeriesScope.ONE, occurrence(2), LocalTime.of(15, 0), 0))
                    .expectNoEvents();
        }

        @Test
        void theSameTimesChangeNothing() {
            withSeries().when(new RescheduleSeries(SERIES, BUSINESS, SeriesScope.ALL, null, LocalTime.of(10, 0), 0))
                    .expectNoEvents();
        }

        @Test
        void occurrencesStayWithTheirStaffMemberAndSingleChangesKeepWorking() {
            CalendarScenario scenario = withSeries();
            scenario.givenStaff(OTHER_STAFF).working(DayOfWeek.MONDAY, "09:00-17:00").providing(QUICK).registered();
            scenario.when(new RescheduleAppointment(occurrence(1), BUSINESS, at(MONDAYS.get(1), "10:00"), OTHER_STAFF, null))
                    .expectException(ErrorCode.SERIES_STAFF_FIXED);
            scenario.when(new RescheduleAppointment(occurrence(1), BUSINESS, at(MONDAYS.get(1), "15:00"), null, null))
                    .expectEvents(moved(1, at(MONDAYS.get(1), "10:00"), at(MONDAYS.get(1), "15:00")));
            // the moved occurrence is still in the series
            scenario.when(new CancelSeries(SERIES, BUSINESS, SeriesScope.ONE, occurrence(1), null))
                    .expectEvents(new SeriesCancelled(SERIES, BUSINESS, STAFF, SeriesScope.ONE, occurrence(1), List.of(occurrence(1)), null),
                            new AppointmentCancelled(occurrence(1), BUSINESS, STAFF, null, 3));
        }

        private static AppointmentRescheduled moved(int index, Instant from, Instant to) {
            return new AppointmentRescheduled(occurrence(index), BUSINESS, STAFF, slot(from), slot(to), slot(to), 2);
        }
    }

    static TimeSlot slot(Instant start) {
        return CalendarScenario.slot(QUICK, start);
    }

    static ServiceId quick() {
        return QUICK;
    }
}

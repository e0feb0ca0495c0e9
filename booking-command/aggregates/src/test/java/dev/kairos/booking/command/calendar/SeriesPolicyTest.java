package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.Initiator;
import dev.kairos.booking.calendar.PolicyOverride;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.series.BookSeries;
import dev.kairos.booking.series.CancelSeries;
import dev.kairos.booking.series.RescheduleSeries;
import dev.kairos.booking.series.SeriesId;
import dev.kairos.booking.series.SeriesMode;
import dev.kairos.booking.series.SeriesScope;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kairos.booking.command.calendar.CalendarScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Series changes are the business's decisions, so the service's change policy applies to them as to single
 * appointments changed by the business: no fee, but an occurrence inside the closed window needs an override, which
 * is then recorded on that occurrence.
 */
class SeriesPolicyTest {
    static final SeriesId SERIES = new SeriesId(UUID.fromString("00000000-0000-0000-0000-0000000e0002"));
    /** Monday 7 December 2026, 09:00 in Berlin: the first occurrence (10:00) is an hour away. */
    static final Instant MONDAY_MORNING = monday("09:00");
    static final PolicyOverride OVERRIDE = new PolicyOverride("front desk", "instructor ill");

    /** Anna's weekly STRICT class on Mondays at 10:00, four times from 7 December, booked a week ahead. */
    private static CalendarScenario withSeries() {
        CalendarScenario scenario = new CalendarScenario().givenStaff().working(DayOfWeek.MONDAY, "09:00-12:00")
                .providing(STRICT).registered();
        scenario.when(new BookSeries(SERIES, BUSINESS, STAFF, STRICT, ADA_ID, ADA, "FREQ=WEEKLY;BYDAY=MO;COUNT=4",
                LocalDateTime.of(2026, 12, 7, 10, 0), null, SeriesMode.ALL_OR_NOTHING, null, Map.of()))
                .expectSuccessfulHandlerExecution();
        return scenario.clockAt(MONDAY_MORNING);
    }

    @Test
    void cancellingAnOccurrenceInsideTheClosedWindowNeedsAnOverride() {
        withSeries().when(new CancelSeries(SERIES, BUSINESS, SeriesScope.ALL, null, "closing"))
                .expectException(ErrorCode.CANCELLATION_WINDOW_CLOSED);
    }

    @Test
    void theOverrideIsRecordedOnTheOccurrenceItLetThroughAndNoFeeIsCharged() {
        List<Object> events = withSeries().when(new CancelSeries(SERIES, BUSINESS, SeriesScope.ALL, null, "closing", OVERRIDE))
                .events();
        List<AppointmentCancelled> cancelled = events.stream().filter(AppointmentCancelled.class::isInstance)
                .map(AppointmentCancelled.class::cast).toList();
        assertThat(cancelled).hasSize(4);
        assertThat(cancelled).allSatisfy(c -> {
            assertThat(c.initiatedBy()).isEqualTo(Initiator.BUSINESS);
            assertThat(c.feeDue()).isNull();
        });
        assertThat(cancelled.get(0).policyOverride()).isEqualTo(OVERRIDE);
        assertThat(cancelled.subList(1, 4)).allSatisfy(c -> assertThat(c.policyOverride()).isNull());
    }

    @Test
    void occurrencesOutsideTheClosedWindowNeedNoOverride() {
        withSeries().when(new CancelSeries(SERIES, BUSINESS, SeriesScope.THIS_AND_FOLLOWING, SERIES.occurrence(1), "moving"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void reschedulingAnOccurrenceInsideTheClosedWindowNeedsAnOverrideThatIsThenRecorded() {
        CalendarScenario scenario = withSeries();
        scenario.when(new RescheduleSeries(SERIES, BUSINESS, SeriesScope.ALL, null, LocalTime.of(11, 0), 0))
                .expectException(ErrorCode.RESCHEDULE_WINDOW_CLOSED);
        List<AppointmentRescheduled> moved = scenario.when(new RescheduleSeries(SERIES, BUSINESS, SeriesScope.ALL, null,
                        LocalTime.of(11, 0), 0, OVERRIDE)).events().stream()
                .filter(AppointmentRescheduled.class::isInstance).map(AppointmentRescheduled.class::cast).toList();
        assertThat(moved).hasSize(4);
        assertThat(moved.get(0).policyOverride()).isEqualTo(OVERRIDE);
        assertThat(moved.subList(1, 4)).allSatisfy(m -> assertThat(m.policyOverride()).isNull());
        assertThat(moved).allSatisfy(m -> assertThat(m.feeDue()).isNull());
    }
}

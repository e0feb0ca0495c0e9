package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.catalog.CustomerLimit;
import dev.kairos.booking.catalog.ServiceRevised;
import dev.kairos.booking.command.catalog.ServiceOffering;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.quota.QuotaPlaceMoved;
import dev.kairos.booking.quota.QuotaPlaceReleased;
import dev.kairos.booking.quota.QuotaPlaceTaken;
import dev.kairos.booking.series.CancelSeries;
import dev.kairos.booking.series.RescheduleSeries;
import dev.kairos.booking.series.SeriesScope;
import dev.kairos.booking.series.BookSeries;
import dev.kairos.booking.series.OccurrenceOutcome;
import dev.kairos.booking.series.SeriesBooked;
import dev.kairos.booking.series.SeriesConflictException;
import dev.kairos.booking.series.SeriesId;
import dev.kairos.booking.series.SeriesMode;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kairos.booking.command.calendar.CalendarScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A series of a service with a limit per customer: its occurrences count one after another on top of the
 * customer's other bookings; those beyond the limit are conflicts like any other, and the booked ones are counted in
 * the series' own transaction.
 */
class SeriesCustomerLimitTest {
    static final SeriesId SERIES = new SeriesId(UUID.fromString("00000000-0000-0000-0000-0000000e0003"));
    /** Daily at 10:00 from Monday 7 December, four times: Monday to Thursday of one week. */
    static final String DAILY = "FREQ=DAILY;COUNT=4";

    /** Anna works every weekday; the quick fix allows two bookings per customer per week. */
    private static CalendarScenario twoPerWeek() {
        CalendarScenario scenario = new CalendarScenario().givenStaff().workingMondays("09:00-17:00")
                .working(DayOfWeek.TUESDAY, "09:00-17:00").working(DayOfWeek.WEDNESDAY, "09:00-17:00")
                .working(DayOfWeek.THURSDAY, "09:00-17:00").providing(QUICK).registered();
        scenario.world.given(ServiceOffering.class, QUICK, new ServiceRevised(QUICK, BUSINESS,
                CustomerLimitTest.quickWith(new CustomerLimit(2, CustomerLimit.Period.WEEK)), 2));
        return scenario;
    }

    private static BookSeries series(SeriesMode mode) {
        return new BookSeries(SERIES, BUSINESS, STAFF, QUICK, ADA_ID, ADA, DAILY, LocalDateTime.of(2026, 12, 7, 10, 0), null,
                mode, null, Map.of());
    }

    @Test
    void allOrNothingRejectsASeriesThatGoesBeyondTheLimitAndStoresNothing() {
        SeriesConflictException e = twoPerWeek().when(series(SeriesMode.ALL_OR_NOTHING)).expectException(ErrorCode.SERIES_CONFLICT);
        assertThat(e.conflicts()).extracting(OccurrenceOutcome::index).containsExactly(2, 3);
        assertThat(e.conflicts()).extracting(OccurrenceOutcome::code).containsOnly("customer-limit-reached");
    }

    @Test
    void freeOnesBooksUpToTheLimitAndCountsTheBookedOnes() {
        List<Object> events = twoPerWeek().when(series(SeriesMode.FREE_ONES)).events();
        SeriesBooked booked = (SeriesBooked) events.get(0);
        assertThat(booked.occurrences()).extracting(OccurrenceOutcome::code)
                .containsExactly(null, null, "customer-limit-reached", "customer-limit-reached");
        assertThat(events).filteredOn(AppointmentBooked.class::isInstance).hasSize(2);
        assertThat(events).filteredOn(QuotaPlaceTaken.class::isInstance).extracting(e -> ((QuotaPlaceTaken) e).appointmentId())
                .containsExactly(SERIES.occurrence(0), SERIES.occurrence(1));
    }

    @Test
    void cancelledOccurrencesFreeTheirPlaces() {
        CalendarScenario scenario = twoPerWeek();
        scenario.when(series(SeriesMode.FREE_ONES)).expectSuccessfulHandlerExecution();
        assertThat(scenario.when(new CancelSeries(SERIES, BUSINESS, SeriesScope.ALL, null, "moving")).events())
                .filteredOn(QuotaPlaceReleased.class::isInstance).hasSize(2);
        scenario.when(book(A1, QUICK, at(MONDAY.plusDays(3), "15:00"))).expectSuccessfulHandlerExecution();
    }

    @Test
    void occurrencesUnderALimitChangeTheirTimeButKeepTheirDates() {
        CalendarScenario scenario = twoPerWeek();
        scenario.when(series(SeriesMode.FREE_ONES)).expectSuccessfulHandlerExecution();
        scenario.when(new RescheduleSeries(SERIES, BUSINESS, SeriesScope.ALL, null, null, 7))
                .expectException(ErrorCode.VALIDATION_FAILED);
        assertThat(scenario.when(new RescheduleSeries(SERIES, BUSINESS, SeriesScope.ALL, null, LocalTime.of(11, 0), 0)).events())
                .filteredOn(QuotaPlaceMoved.class::isInstance).hasSize(2);
    }

    @Test
    void theCustomersOtherBookingsOfTheWeekCountFirst() {
        CalendarScenario scenario = twoPerWeek();
        scenario.when(book(A1, QUICK, at(MONDAY.plusDays(3), "15:00"))).expectSuccessfulHandlerExecution();
        SeriesBooked booked = (SeriesBooked) scenario.when(series(SeriesMode.FREE_ONES)).events().get(0);
        assertThat(booked.occurrences()).extracting(OccurrenceOutcome::code)
                .containsExactly(null, "customer-limit-reached", "customer-limit-reached", "customer-limit-reached");
        scenario.when(book(A2, QUICK, at(MONDAY.plusDays(3), "16:00"))).expectException(ErrorCode.CUSTOMER_LIMIT_REACHED);
    }
}

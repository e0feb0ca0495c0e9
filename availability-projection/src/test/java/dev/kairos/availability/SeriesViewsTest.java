package dev.kairos.availability;

import dev.kairos.availability.Views.OccurrenceView;
import dev.kairos.availability.Views.SeriesView;
import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.series.OccurrenceOutcome;
import dev.kairos.booking.series.SeriesBooked;
import dev.kairos.booking.series.SeriesId;
import dev.kairos.booking.series.SeriesMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kairos.availability.ScheduleDb.BERLIN;
import static dev.kairos.availability.ScheduleDb.NOW;
import static dev.kairos.availability.ScheduleDb.at;
import static dev.kairos.availability.ScheduleDb.businessId;
import static dev.kairos.availability.ScheduleDb.customer;
import static dev.kairos.availability.ScheduleDb.everyDay;
import static dev.kairos.availability.ScheduleDb.migratedDatabase;
import static dev.kairos.availability.ScheduleDb.service;
import static dev.kairos.availability.ScheduleDb.serviceId;
import static dev.kairos.availability.ScheduleDb.staff;
import static dev.kairos.availability.ScheduleDb.staffId;
import static dev.kairos.availability.ScheduleDb.terms;
import static org.assertj.core.api.Assertions.assertThat;

/** Series in the schedule read model, on a real PostgreSQL: occurrences with their status, instant and wall-clock time. */
class SeriesViewsTest {
    private static JdbcTemplate jdbc;
    private static ScheduleProjector projector;
    private static ScheduleQueries queries;

    private final BusinessId business = businessId();
    private final ServiceId cut = serviceId();
    private final StaffId ann = staffId();
    private final SeriesId series = new SeriesId(UUID.randomUUID());
    private final CustomerId ada = new CustomerId(UUID.randomUUID());

    @BeforeAll
    static void database() {
        jdbc = migratedDatabase();
        projector = new ScheduleProjector(jdbc);
        queries = new ScheduleQueries(jdbc);
    }

    @BeforeEach
    void catalog() {
        projector.reset();
        projector.on(ScheduleDb.business(business, "Salon", BERLIN));
        projector.on(service(cut, business, terms("Cut", 60, 0, 0, 30, Duration.ZERO, 90)));
        projector.on(staff(ann, business, "Ann", BERLIN, everyDay("08:00-18:00"), cut));
    }

    private AppointmentBooked occurrenceBooked(int index, Instant start) {
        TimeSlot slot = TimeSlot.of(start, Duration.ofHours(1));
        return new AppointmentBooked(series.occurrence(index), business, ann, cut, ada, customer("Ada Lovelace"), slot, slot,
                null, Map.of(), NOW, series);
    }

    @Test
    void aSeriesListsBookedAndSkippedOccurrencesWithTheirWallClockTimeAcrossTheDaylightSavingChange() {
        // weekly on Mondays 09:00 Berlin across 28 March 2027
        List<OccurrenceOutcome> outcomes = List.of(
                OccurrenceOutcome.free(0, series.occurrence(0), LocalDateTime.parse("2027-03-22T09:00"), at("2027-03-22T08:00:00Z")),
                new OccurrenceOutcome(1, series.occurrence(1), LocalDateTime.parse("2027-03-29T09:00"), at("2027-03-29T07:00:00Z"),
                        "slot-unavailable", "taken"),
                OccurrenceOutcome.free(2, series.occurrence(2), LocalDateTime.parse("2027-04-05T09:00"), at("2027-04-05T07:00:00Z")));
        projector.on(new SeriesBooked(series, business, ann, cut, ada, "FREQ=WEEKLY;BYDAY=MO;COUNT=3",
                LocalDateTime.parse("2027-03-22T09:00"), BERLIN, SeriesMode.FREE_ONES, outcomes));
        projector.on(occurrenceBooked(0, at("2027-03-22T08:00:00Z")));
        projector.on(occurrenceBooked(2, at("2027-04-05T07:00:00Z")));
        projector.on(new AppointmentCancelled(series.occurrence(0), business, ann, null, 2));
        projector.on(new AppointmentRescheduled(series.occurrence(2), business, ann,
                TimeSlot.of(at("2027-04-05T07:00:00Z"), Duration.ofHours(1)), TimeSlot.of(at("2027-04-05T08:30:00Z"), Duration.ofHours(1)),
                TimeSlot.of(at("2027-04-05T08:30:00Z"), Duration.ofHours(1)), 2), at("2026-12-01T08:00:00Z"));

        SeriesView view = queries.series(business, series).orElseThrow();
        assertThat(view.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(view.rule()).isEqualTo("FREQ=WEEKLY;BYDAY=MO;COUNT=3");
        assertThat(view.firstStart()).isEqualTo(LocalDateTime.parse("2027-03-22T09:00"));
        assertThat(view.occurrences()).extracting(OccurrenceView::status).containsExactly("CANCELLED", "SKIPPED", "SCHEDULED");
        assertThat(view.occurrences()).extracting(OccurrenceView::localStart).containsExactly(
                LocalDateTime.parse("2027-03-22T09:00"), LocalDateTime.parse("2027-03-29T09:00"), LocalDateTime.parse("2027-04-05T10:30"));
        assertThat(view.occurrences().get(2).start()).isEqualTo(OffsetDateTime.parse("2027-04-05T10:30:00+02:00"));
        assertThat(view.occurrences().get(1).code()).isEqualTo("slot-unavailable");
        assertThat(view.occurrences().get(1).appointmentId()).isNull();
        assertThat(queries.appointment(business, series.occurrence(2)).orElseThrow().seriesId()).isEqualTo(series.id());
    }

    @Test
    void anotherTenantDoesNotSeeTheSeries() {
        projector.on(new SeriesBooked(series, business, ann, cut, ada, "FREQ=DAILY;COUNT=1",
                LocalDateTime.parse("2027-03-22T09:00"), BERLIN, SeriesMode.ALL_OR_NOTHING, List.of(
                OccurrenceOutcome.free(0, series.occurrence(0), LocalDateTime.parse("2027-03-22T09:00"), at("2027-03-22T08:00:00Z")))));
        assertThat(queries.series(businessId(), series)).isEmpty();
        assertThat(queries.series(business, series)).isPresent();
    }
}

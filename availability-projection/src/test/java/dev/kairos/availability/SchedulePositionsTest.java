package dev.kairos.availability;

import dev.kairos.booking.calendar.AppointmentConfirmed;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.DayOfWeek;
import java.time.Duration;

import static dev.kairos.availability.ScheduleDb.*;
import static org.assertj.core.api.Assertions.assertThat;

class SchedulePositionsTest {
    private static JdbcTemplate jdbc;
    private static ScheduleProjector projector;
    private static SchedulePositions positions;
    private static ScheduleQueries queries;

    @BeforeAll
    static void database() {
        jdbc = migratedDatabase();
        projector = new ScheduleProjector(jdbc);
        positions = new SchedulePositions(jdbc);
        queries = new ScheduleQueries(jdbc);
    }

    @BeforeEach
    void clean() {
        projector.reset();
    }

    @Test
    void unknownAggregateIsAtMinusOne() {
        assertThat(queries.position("calendar-" + staffId())).isEqualTo(-1L);
    }

    @Test
    void positionOnlyMovesForward() {
        String calendar = "calendar-" + staffId();
        apply(calendar, 0);
        assertThat(queries.position(calendar)).isZero();
        apply(calendar, 5);
        assertThat(queries.position(calendar)).isEqualTo(5);
        // a re-delivered, older event never moves it back (GREATEST)
        apply(calendar, 3);
        assertThat(queries.position(calendar)).isEqualTo(5);
        apply(calendar, 5);
        assertThat(queries.position(calendar)).isEqualTo(5);
        apply(calendar, 6);
        assertThat(queries.position(calendar)).isEqualTo(6);
    }

    @Test
    void positionsAreKeptPerAggregate() {
        String one = "calendar-" + staffId();
        String two = "catalog-" + businessId();
        apply(one, 7);
        apply(two, 2);
        assertThat(queries.position(one)).isEqualTo(7);
        assertThat(queries.position(two)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM schedule_position", Integer.class)).isEqualTo(2);
    }

    @Test
    void resetTruncatesEveryTable() {
        BusinessId business = businessId();
        ServiceId cut = serviceId();
        StaffId ann = staffId();
        AppointmentId id = appointmentId();
        projector.on(ScheduleDb.business(business, "Salon", BERLIN));
        projector.on(service(cut, business, terms("Cut", 60, 0, 0, 30, Duration.ZERO, 90)));
        projector.on(staff(ann, business, "Ann", BERLIN, on(DayOfWeek.MONDAY, "09:00-12:00"), cut));
        projector.on(booked(id, business, ann, cut, at("2026-12-07T09:00:00Z"), 60));
        apply("calendar-" + ann, 1);
        for (String table : new String[]{"business_view", "service_view", "staff_view", "staff_service", "appointment_view",
                "schedule_position"}) {
            assertThat(count(table)).as(table).isEqualTo(1);
        }

        projector.reset();

        for (String table : new String[]{"business_view", "service_view", "staff_view", "staff_service", "appointment_view",
                "schedule_position"}) {
            assertThat(count(table)).as(table).isZero();
        }
        assertThat(queries.business(business)).isEmpty();
        assertThat(queries.appointment(business, id)).isEmpty();
        assertThat(queries.position("calendar-" + ann)).isEqualTo(-1L);

        // a replay after the reset rebuilds from scratch
        projector.on(ScheduleDb.business(business, "Salon", BERLIN));
        projector.on(new AppointmentConfirmed(id, business, ann, 2)); // no row: nothing to update
        assertThat(queries.business(business)).isPresent();
        assertThat(count("appointment_view")).isZero();
    }

    private static void apply(String aggregateId, long sequence) {
        Object payload = new Object();
        positions.on(payload, new GenericDomainEventMessage<>("Calendar", aggregateId, sequence, payload), sequence);
    }

    private static int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }
}

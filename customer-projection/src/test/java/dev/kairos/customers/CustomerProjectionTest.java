package dev.kairos.customers;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.AppointmentCompleted;
import dev.kairos.booking.calendar.AppointmentConfirmed;
import dev.kairos.booking.calendar.AppointmentMarkedNoShow;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.customers.CustomerQueries.CustomerView;
import dev.kairos.customers.CustomerQueries.HistoryEntry;
import dev.kairos.infra.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerProjectionTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private static JdbcTemplate jdbc;
    private static CustomerProjector projector;
    private static CustomerQueries queries;

    private final BusinessId business = new BusinessId(UUID.randomUUID());
    private final StaffId ann = new StaffId(UUID.randomUUID());
    private final StaffId bob = new StaffId(UUID.randomUUID());
    private final ServiceId cut = new ServiceId(UUID.randomUUID());
    private final CustomerDetails ada = new CustomerDetails("Ada Lovelace", "ADA@Example.com ", "+4917012345678");
    private final CustomerId adaId = CustomerId.forContact(business, ada.email(), ada.phone());

    @BeforeAll
    static void database() {
        String url = LocalPostgres.freshDatabase();
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration/customers").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "");
        dataSource.setDriverClassName("org.postgresql.Driver");
        jdbc = new JdbcTemplate(dataSource);
        projector = new CustomerProjector(jdbc);
        queries = new CustomerQueries(jdbc);
    }

    @BeforeEach
    void clean() {
        projector.reset();
    }

    @Test
    void bookingCreatesTheCustomerWithHistory() {
        AppointmentId id = new AppointmentId(UUID.randomUUID());
        projector.on(booked(id, adaId, ada, ann, Instant.parse("2026-12-07T09:00:00Z"), NOW));

        CustomerView view = queries.customer(business, adaId).orElseThrow();
        assertThat(view.id()).isEqualTo(adaId.id());
        assertThat(view.businessId()).isEqualTo(business.id());
        assertThat(view.name()).isEqualTo("Ada Lovelace");
        assertThat(view.email()).isEqualTo("ada@example.com");
        assertThat(view.phone()).isEqualTo("+4917012345678");
        assertThat(view.firstBookedAt()).isEqualTo(NOW);
        assertThat(view.lastBookedAt()).isEqualTo(NOW);
        assertThat(view.appointments()).containsExactly(new HistoryEntry(id.id(), adaId.id(), cut.id(), ann.id(),
                Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T10:00:00Z"), "SCHEDULED"));
    }

    @Test
    void secondBookingOfTheSameCustomerUpdatesTheCustomer() {
        AppointmentId first = new AppointmentId(UUID.randomUUID());
        AppointmentId second = new AppointmentId(UUID.randomUUID());
        Instant later = NOW.plus(Duration.ofDays(3));
        projector.on(booked(first, adaId, ada, ann, Instant.parse("2026-12-07T09:00:00Z"), NOW));
        // same customer id; a new name and no phone this time
        projector.on(booked(second, adaId, new CustomerDetails("Ada King", "ada@example.com", null), bob,
                Instant.parse("2026-12-20T15:00:00Z"), later));

        CustomerView view = queries.customer(business, adaId).orElseThrow();
        assertThat(view.name()).isEqualTo("Ada King");
        assertThat(view.email()).isEqualTo("ada@example.com");
        assertThat(view.phone()).as("a missing phone keeps the known one").isEqualTo("+4917012345678");
        assertThat(view.firstBookedAt()).isEqualTo(NOW);
        assertThat(view.lastBookedAt()).isEqualTo(later);
        // newest appointment first
        assertThat(view.appointments()).extracting(HistoryEntry::appointmentId).containsExactly(second.id(), first.id());
        assertThat(view.appointments().get(0).staffId()).isEqualTo(bob.id());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_view", Integer.class)).isEqualTo(1);
    }

    @Test
    void anOlderBookingAppliedLastDoesNotOverwriteNewerContactDetails() {
        Instant later = NOW.plus(Duration.ofDays(3));
        projector.on(booked(new AppointmentId(UUID.randomUUID()), adaId,
                new CustomerDetails("Ada King", "ada@example.com", "+4917099999999"), bob, Instant.parse("2026-12-20T15:00:00Z"), later));
        projector.on(booked(new AppointmentId(UUID.randomUUID()), adaId, ada, ann, Instant.parse("2026-12-07T09:00:00Z"), NOW));

        CustomerView view = queries.customer(business, adaId).orElseThrow();
        assertThat(view.name()).isEqualTo("Ada King");
        assertThat(view.phone()).isEqualTo("+4917099999999");
        assertThat(view.lastBookedAt()).isEqualTo(later);
    }

    @Test
    void bookingsSeenOutOfOrderKeepFirstAndLastBookedAt() {
        Instant early = NOW.minus(Duration.ofDays(10));
        projector.on(booked(new AppointmentId(UUID.randomUUID()), adaId, ada, ann, Instant.parse("2026-12-07T09:00:00Z"), NOW));
        projector.on(booked(new AppointmentId(UUID.randomUUID()), adaId, ada, bob, Instant.parse("2026-12-08T09:00:00Z"), early));

        CustomerView view = queries.customer(business, adaId).orElseThrow();
        assertThat(view.firstBookedAt()).isEqualTo(early);
        assertThat(view.lastBookedAt()).isEqualTo(NOW);
        assertThat(view.appointments()).hasSize(2);
    }

    @Test
    void duplicateBookedEventDoesNotResetHistory() {
        AppointmentId id = new AppointmentId(UUID.randomUUID());
        AppointmentBooked booking = booked(id, adaId, ada, ann, Instant.parse("2026-12-07T09:00:00Z"), NOW);
        projector.on(booking);
        projector.on(new AppointmentConfirmed(id, business, ann, 2));
        projector.on(booking);

        CustomerView view = queries.customer(business, adaId).orElseThrow();
        assertThat(view.appointments()).singleElement().extracting(HistoryEntry::status).isEqualTo("CONFIRMED");
    }

    @Test
    void rescheduleMovesTheHistoryEntryAndStaleOnesAreIgnored() {
        AppointmentId id = new AppointmentId(UUID.randomUUID());
        AppointmentBooked booking = booked(id, adaId, ada, ann, Instant.parse("2026-12-07T09:00:00Z"), NOW);
        projector.on(booking);
        TimeSlot second = TimeSlot.of(Instant.parse("2026-12-08T09:00:00Z"), Duration.ofMinutes(90));
        TimeSlot third = TimeSlot.of(Instant.parse("2026-12-09T09:00:00Z"), Duration.ofMinutes(60));
        projector.on(new AppointmentRescheduled(id, business, ann, booking.slot(), second, second, 2));
        HistoryEntry moved = queries.customer(business, adaId).orElseThrow().appointments().get(0);
        assertThat(moved.start()).isEqualTo(second.start());
        assertThat(moved.end()).isEqualTo(second.end());

        projector.on(new AppointmentRescheduled(id, business, ann, second, third, third, 4));
        projector.on(new AppointmentRescheduled(id, business, ann, booking.slot(), second, second, 3));
        HistoryEntry last = queries.customer(business, adaId).orElseThrow().appointments().get(0);
        assertThat(last.start()).isEqualTo(third.start());
        assertThat(last.status()).isEqualTo("SCHEDULED");
        assertThat(revision(id)).isEqualTo(4);
    }

    @Test
    void statusChangesAreRecordedAndStaleOnesIgnored() {
        AppointmentId done = new AppointmentId(UUID.randomUUID());
        AppointmentId cancelled = new AppointmentId(UUID.randomUUID());
        AppointmentId noShow = new AppointmentId(UUID.randomUUID());
        projector.on(booked(done, adaId, ada, ann, Instant.parse("2026-12-07T09:00:00Z"), NOW));
        projector.on(booked(cancelled, adaId, ada, ann, Instant.parse("2026-12-08T09:00:00Z"), NOW));
        projector.on(booked(noShow, adaId, ada, ann, Instant.parse("2026-12-09T09:00:00Z"), NOW));

        projector.on(new AppointmentConfirmed(done, business, ann, 2));
        projector.on(new AppointmentCompleted(done, business, ann, 3));
        projector.on(new AppointmentConfirmed(done, business, ann, 2)); // re-delivered
        projector.on(new AppointmentCancelled(cancelled, business, ann, "ill", 2));
        projector.on(new AppointmentConfirmed(noShow, business, ann, 2));
        projector.on(new AppointmentMarkedNoShow(noShow, business, ann, 3));

        assertThat(queries.customer(business, adaId).orElseThrow().appointments())
                .extracting(HistoryEntry::appointmentId, HistoryEntry::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(noShow.id(), "NO_SHOW"),
                        org.assertj.core.groups.Tuple.tuple(cancelled.id(), "CANCELLED"),
                        org.assertj.core.groups.Tuple.tuple(done.id(), "COMPLETED"));
    }

    @Test
    void transferredInAfterBookingMovesTheEntry() {
        AppointmentId id = new AppointmentId(UUID.randomUUID());
        AppointmentBooked booking = booked(id, adaId, ada, ann, Instant.parse("2026-12-07T09:00:00Z"), NOW);
        projector.on(booking);
        projector.on(transferredIn(booking, bob, Instant.parse("2026-12-07T15:00:00Z"), AppointmentStatus.SCHEDULED, 2));

        HistoryEntry entry = queries.customer(business, adaId).orElseThrow().appointments().get(0);
        assertThat(entry.staffId()).isEqualTo(bob.id());
        assertThat(entry.start()).isEqualTo(Instant.parse("2026-12-07T15:00:00Z"));
        assertThat(revision(id)).isEqualTo(2);
    }

    @Test
    void transferredInBeforeBookedUpsertsAndIsNotRolledBack() {
        AppointmentId id = new AppointmentId(UUID.randomUUID());
        AppointmentBooked booking = booked(id, adaId, ada, ann, Instant.parse("2026-12-07T09:00:00Z"), NOW);
        AppointmentTransferredIn moved = transferredIn(booking, bob, Instant.parse("2026-12-07T15:00:00Z"),
                AppointmentStatus.CONFIRMED, 4);

        projector.on(moved);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_appointment WHERE appointment_id = ?", Integer.class, id.id()))
                .isEqualTo(1);

        // the old calendar's stream arrives later
        projector.on(booking);
        projector.on(new AppointmentConfirmed(id, business, ann, 2));
        TimeSlot earlier = TimeSlot.of(Instant.parse("2026-12-07T12:00:00Z"), Duration.ofHours(1));
        projector.on(new AppointmentRescheduled(id, business, ann, booking.slot(), earlier, earlier, 3));
        projector.on(moved);

        CustomerView view = queries.customer(business, adaId).orElseThrow();
        assertThat(view.firstBookedAt()).isEqualTo(NOW);
        assertThat(view.appointments()).containsExactly(new HistoryEntry(id.id(), adaId.id(), cut.id(), bob.id(),
                Instant.parse("2026-12-07T15:00:00Z"), Instant.parse("2026-12-07T16:00:00Z"), "CONFIRMED"));
        assertThat(revision(id)).isEqualTo(4);

        projector.on(new AppointmentCompleted(id, business, bob, 5));
        assertThat(queries.customer(business, adaId).orElseThrow().appointments().get(0).status()).isEqualTo("COMPLETED");
    }

    @Test
    void anotherBusinessSeesNothing() {
        projector.on(booked(new AppointmentId(UUID.randomUUID()), adaId, ada, ann, Instant.parse("2026-12-07T09:00:00Z"), NOW));
        BusinessId other = new BusinessId(UUID.randomUUID());

        assertThat(queries.customer(other, adaId)).isEmpty();
        assertThat(queries.customer(business, new CustomerId(UUID.randomUUID()))).isEmpty();
        assertThat(queries.customer(business, adaId)).isPresent();
        // the same contact at another business is another customer
        assertThat(CustomerId.forContact(other, ada.email(), ada.phone())).isNotEqualTo(adaId);
    }

    @Test
    void resetTruncates() {
        projector.on(booked(new AppointmentId(UUID.randomUUID()), adaId, ada, ann, Instant.parse("2026-12-07T09:00:00Z"), NOW));
        projector.reset();

        assertThat(queries.customer(business, adaId)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_appointment", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_view", Integer.class)).isZero();
    }

    private AppointmentBooked booked(AppointmentId id, CustomerId customerId, CustomerDetails details, StaffId staff,
                                     Instant start, Instant bookedAt) {
        TimeSlot slot = TimeSlot.of(start, Duration.ofHours(1));
        return new AppointmentBooked(id, business, staff, cut, customerId, details, slot, slot, null, Map.of(), bookedAt);
    }

    private static AppointmentTransferredIn transferredIn(AppointmentBooked booking, StaffId to, Instant start,
                                                          AppointmentStatus status, long revision) {
        TimeSlot slot = TimeSlot.of(start, Duration.ofHours(1));
        return new AppointmentTransferredIn(booking.appointmentId(), booking.businessId(), to, booking.staffId(),
                booking.serviceId(), booking.customerId(), booking.customer(), booking.slot(), slot, slot, status,
                booking.notes(), booking.metadata(), booking.bookedAt(), revision);
    }

    private static long revision(AppointmentId id) {
        return jdbc.queryForObject("SELECT revision FROM customer_appointment WHERE appointment_id = ?", Long.class, id.id());
    }
}

package dev.kairos.availability;

import dev.kairos.availability.Views.AppointmentView;
import dev.kairos.availability.Views.Page;
import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.AppointmentCompleted;
import dev.kairos.booking.calendar.AppointmentConfirmed;
import dev.kairos.booking.calendar.AppointmentMarkedNoShow;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kairos.availability.ScheduleDb.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppointmentViewsTest {
    private static JdbcTemplate jdbc;
    private static ScheduleProjector projector;
    private static ScheduleQueries queries;

    private final BusinessId business = businessId();
    private final ServiceId cut = serviceId();
    private final StaffId ann = staffId();
    private final StaffId bob = staffId();

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
        projector.on(staff(bob, business, "Bob", NEW_YORK, everyDay("08:00-18:00"), cut));
    }

    @Test
    void bookedAppointmentIsShownInTheStaffZone() {
        AppointmentId id = appointmentId();
        CustomerId customer = new CustomerId(UUID.randomUUID());
        projector.on(booked(id, business, ann, cut, customer, at("2026-12-07T09:00:00Z"), 60, 10, 15));

        AppointmentView view = queries.appointment(business, id).orElseThrow();
        assertThat(view.id()).isEqualTo(id.id());
        assertThat(view.businessId()).isEqualTo(business.id());
        assertThat(view.staffId()).isEqualTo(ann.id());
        assertThat(view.serviceId()).isEqualTo(cut.id());
        assertThat(view.customerId()).isEqualTo(customer.id());
        assertThat(view.customer()).isEqualTo(customer("Ada Lovelace"));
        assertThat(view.start()).isEqualTo(OffsetDateTime.parse("2026-12-07T10:00:00+01:00"));
        assertThat(view.end()).isEqualTo(OffsetDateTime.parse("2026-12-07T11:00:00+01:00"));
        assertThat(view.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(view.status()).isEqualTo("SCHEDULED");
        assertThat(view.notes()).isEqualTo("window seat");
        assertThat(view.metadata()).isEqualTo(Map.of("source", "web"));
        assertThat(view.revision()).isEqualTo(1);
        assertThat(view.bookedAt()).isEqualTo(NOW);
        assertThat(busy(id)).isEqualTo(new TimeSlot(at("2026-12-07T08:50:00Z"), at("2026-12-07T10:15:00Z")));
    }

    @Test
    void appointmentOfUnknownStaffFallsBackToUtc() {
        AppointmentId id = appointmentId();
        projector.on(booked(id, business, staffId(), cut, at("2026-12-07T09:00:00Z"), 60));

        AppointmentView view = queries.appointment(business, id).orElseThrow();
        assertThat(view.timeZone()).isEqualTo("UTC");
        assertThat(view.start()).isEqualTo(OffsetDateTime.parse("2026-12-07T09:00:00Z"));
    }

    @Test
    void duplicateBookedEventDoesNotResetTheRow() {
        AppointmentId id = appointmentId();
        AppointmentBooked booking = booked(id, business, ann, cut, at("2026-12-07T09:00:00Z"), 60);
        projector.on(booking);
        projector.on(new AppointmentConfirmed(id, business, ann, 2));
        projector.on(booking);

        AppointmentView view = queries.appointment(business, id).orElseThrow();
        assertThat(view.status()).isEqualTo("CONFIRMED");
        assertThat(view.revision()).isEqualTo(2);
    }

    @Test
    void rescheduleMovesTimeAndBusyInterval() {
        AppointmentId id = appointmentId();
        projector.on(booked(id, business, ann, cut, at("2026-12-07T09:00:00Z"), 60));
        TimeSlot newSlot = new TimeSlot(at("2026-12-08T13:00:00Z"), at("2026-12-08T14:30:00Z"));
        projector.on(new AppointmentRescheduled(id, business, ann, new TimeSlot(at("2026-12-07T09:00:00Z"), at("2026-12-07T10:00:00Z")),
                newSlot, newSlot.widen(Duration.ofMinutes(5), Duration.ofMinutes(5)), 2), at("2026-12-01T08:00:00Z"));

        AppointmentView view = queries.appointment(business, id).orElseThrow();
        assertThat(view.start()).isEqualTo(OffsetDateTime.parse("2026-12-08T14:00:00+01:00"));
        assertThat(view.end()).isEqualTo(OffsetDateTime.parse("2026-12-08T15:30:00+01:00"));
        assertThat(view.revision()).isEqualTo(2);
        assertThat(view.status()).isEqualTo("SCHEDULED");
        assertThat(busy(id)).isEqualTo(new TimeSlot(at("2026-12-08T12:55:00Z"), at("2026-12-08T14:35:00Z")));
    }

    @Test
    void staleRescheduleIsIgnored() {
        AppointmentId id = appointmentId();
        projector.on(booked(id, business, ann, cut, at("2026-12-07T09:00:00Z"), 60));
        TimeSlot third = TimeSlot.of(at("2026-12-09T09:00:00Z"), Duration.ofHours(1));
        TimeSlot second = TimeSlot.of(at("2026-12-08T09:00:00Z"), Duration.ofHours(1));
        projector.on(new AppointmentRescheduled(id, business, ann, second, third, third, 3), at("2026-12-01T08:00:00Z"));
        projector.on(new AppointmentRescheduled(id, business, ann, third, second, second, 2), at("2026-12-01T08:00:00Z"));

        AppointmentView view = queries.appointment(business, id).orElseThrow();
        assertThat(view.start().toInstant()).isEqualTo(third.start());
        assertThat(view.revision()).isEqualTo(3);
    }

    @Test
    void statusFollowsTheFlowAndStaleChangesAreIgnored() {
        AppointmentId id = appointmentId();
        projector.on(booked(id, business, ann, cut, at("2026-12-07T09:00:00Z"), 60));

        projector.on(new AppointmentConfirmed(id, business, ann, 2));
        assertThat(queries.appointment(business, id).orElseThrow().status()).isEqualTo("CONFIRMED");
        projector.on(new AppointmentCompleted(id, business, ann, 3));
        assertThat(queries.appointment(business, id).orElseThrow().status()).isEqualTo("COMPLETED");
        // a replayed, older change never rolls the status back
        projector.on(new AppointmentConfirmed(id, business, ann, 2));
        projector.on(new AppointmentCancelled(id, business, ann, "late", 3), at("2026-12-01T08:00:00Z"));

        AppointmentView view = queries.appointment(business, id).orElseThrow();
        assertThat(view.status()).isEqualTo("COMPLETED");
        assertThat(view.revision()).isEqualTo(3);
    }

    @Test
    void cancelledAndNoShowAreRecorded() {
        AppointmentId cancelled = appointmentId();
        AppointmentId noShow = appointmentId();
        projector.on(booked(cancelled, business, ann, cut, at("2026-12-07T09:00:00Z"), 60));
        projector.on(booked(noShow, business, ann, cut, at("2026-12-07T11:00:00Z"), 60));
        projector.on(new AppointmentCancelled(cancelled, business, ann, "ill", 2), at("2026-12-01T08:00:00Z"));
        projector.on(new AppointmentConfirmed(noShow, business, ann, 2));
        projector.on(new AppointmentMarkedNoShow(noShow, business, ann, 3));

        assertThat(queries.appointment(business, cancelled).orElseThrow().status()).isEqualTo("CANCELLED");
        assertThat(queries.appointment(business, noShow).orElseThrow().status()).isEqualTo("NO_SHOW");
    }

    @Test
    void transferredInMovesTheAppointmentToTheNewStaffMember() {
        AppointmentId id = appointmentId();
        AppointmentBooked booking = booked(id, business, ann, cut, at("2026-12-07T09:00:00Z"), 60);
        projector.on(booking);
        projector.on(new AppointmentConfirmed(id, business, ann, 2));
        projector.on(transferredIn(booking, bob, at("2026-12-07T15:00:00Z"), 60, AppointmentStatus.CONFIRMED, 3), at("2026-12-01T08:00:00Z"));

        AppointmentView view = queries.appointment(business, id).orElseThrow();
        assertThat(view.staffId()).isEqualTo(bob.id());
        assertThat(view.timeZone()).isEqualTo("America/New_York");
        assertThat(view.start()).isEqualTo(OffsetDateTime.parse("2026-12-07T10:00:00-05:00"));
        assertThat(view.status()).isEqualTo("CONFIRMED");
        assertThat(view.revision()).isEqualTo(3);
        assertThat(busy(id).start()).isEqualTo(at("2026-12-07T15:00:00Z"));
    }

    @Test
    void transferredInBeforeBookedUpsertsAndIsNotRolledBack() {
        AppointmentId id = appointmentId();
        AppointmentBooked booking = booked(id, business, ann, cut, at("2026-12-07T09:00:00Z"), 60);
        AppointmentTransferredIn moved = transferredIn(booking, bob, at("2026-12-07T15:00:00Z"), 60, AppointmentStatus.CONFIRMED, 4);

        // the new calendar's stream is read first
        projector.on(moved, at("2026-12-01T08:00:00Z"));
        AppointmentView first = queries.appointment(business, id).orElseThrow();
        assertThat(first.staffId()).isEqualTo(bob.id());
        assertThat(first.customerId()).isEqualTo(booking.customerId().id());
        assertThat(first.customer()).isEqualTo(booking.customer());
        assertThat(first.notes()).isEqualTo("window seat");
        assertThat(first.metadata()).isEqualTo(Map.of("source", "web"));
        assertThat(first.bookedAt()).isEqualTo(NOW);

        // then the old calendar's stream: booking, confirmation, an earlier reschedule, a re-delivered move
        projector.on(booking);
        projector.on(new AppointmentConfirmed(id, business, ann, 2));
        TimeSlot earlier = TimeSlot.of(at("2026-12-07T12:00:00Z"), Duration.ofHours(1));
        projector.on(new AppointmentRescheduled(id, business, ann, booking.slot(), earlier, earlier, 3), at("2026-12-01T08:00:00Z"));
        projector.on(moved, at("2026-12-01T08:00:00Z"));

        AppointmentView view = queries.appointment(business, id).orElseThrow();
        assertThat(view.staffId()).isEqualTo(bob.id());
        assertThat(view.start().toInstant()).isEqualTo(at("2026-12-07T15:00:00Z"));
        assertThat(view.end().toInstant()).isEqualTo(at("2026-12-07T16:00:00Z"));
        assertThat(view.status()).isEqualTo("CONFIRMED");
        assertThat(view.revision()).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM appointment_view", Integer.class)).isEqualTo(1);

        // later events of the new calendar still apply
        projector.on(new AppointmentCompleted(id, business, bob, 5));
        assertThat(queries.appointment(business, id).orElseThrow().status()).isEqualTo("COMPLETED");
    }

    @Test
    void staleTransferredInDoesNotOverwriteNewerState() {
        AppointmentId id = appointmentId();
        AppointmentBooked booking = booked(id, business, ann, cut, at("2026-12-07T09:00:00Z"), 60);
        projector.on(booking);
        projector.on(transferredIn(booking, bob, at("2026-12-07T15:00:00Z"), 60, AppointmentStatus.SCHEDULED, 2), at("2026-12-01T08:00:00Z"));
        projector.on(new AppointmentCancelled(id, business, bob, "moved away", 3), at("2026-12-01T08:00:00Z"));
        projector.on(transferredIn(booking, bob, at("2026-12-07T15:00:00Z"), 60, AppointmentStatus.SCHEDULED, 2), at("2026-12-01T08:00:00Z"));

        AppointmentView view = queries.appointment(business, id).orElseThrow();
        assertThat(view.status()).isEqualTo("CANCELLED");
        assertThat(view.revision()).isEqualTo(3);
    }

    // ---- list

    @Test
    void listFiltersByRangeStaffAndStatus() {
        AppointmentId a1 = appointmentId();
        AppointmentId a2 = appointmentId();
        AppointmentId b1 = appointmentId();
        AppointmentId a3 = appointmentId();
        projector.on(booked(a1, business, ann, cut, at("2026-12-07T09:00:00Z"), 60));
        projector.on(booked(a2, business, ann, cut, at("2026-12-07T11:00:00Z"), 60));
        projector.on(booked(b1, business, bob, cut, at("2026-12-07T10:00:00Z"), 60));
        projector.on(booked(a3, business, ann, cut, at("2026-12-08T09:00:00Z"), 60));
        projector.on(new AppointmentCancelled(a2, business, ann, "ill", 2), at("2026-12-01T08:00:00Z"));

        assertThat(ids(queries.appointments(business, null, null, null, null, null, 50)))
                .containsExactly(a1.id(), b1.id(), a2.id(), a3.id());
        // [from, to): from inclusive, to exclusive
        assertThat(ids(queries.appointments(business, at("2026-12-07T10:00:00Z"), at("2026-12-08T09:00:00Z"), null, null, null, 50)))
                .containsExactly(b1.id(), a2.id());
        assertThat(ids(queries.appointments(business, at("2026-12-07T00:00:00Z"), null, ann, null, null, 50)))
                .containsExactly(a1.id(), a2.id(), a3.id());
        assertThat(ids(queries.appointments(business, null, null, null, AppointmentStatus.CANCELLED, null, 50)))
                .containsExactly(a2.id());
        assertThat(ids(queries.appointments(business, null, at("2026-12-08T00:00:00Z"), ann, AppointmentStatus.SCHEDULED, null, 50)))
                .containsExactly(a1.id());
        assertThat(ids(queries.appointments(business, null, null, bob, AppointmentStatus.CONFIRMED, null, 50))).isEmpty();
    }

    @Test
    void limitCutsThePageAndGivesACursorOnlyWhenMoreRemain() {
        for (int i = 0; i < 3; i++) {
            projector.on(booked(appointmentId(), business, ann, cut, at("2026-12-07T09:00:00Z").plus(Duration.ofHours(i)), 60));
        }
        Page<AppointmentView> two = queries.appointments(business, null, null, null, null, null, 2);
        assertThat(two.items()).hasSize(2);
        assertThat(two.nextCursor()).isNotNull();

        Page<AppointmentView> exact = queries.appointments(business, null, null, null, null, null, 3);
        assertThat(exact.items()).hasSize(3);
        assertThat(exact.nextCursor()).isNull();

        Page<AppointmentView> rest = queries.appointments(business, null, null, null, null, two.nextCursor(), 2);
        assertThat(rest.items()).hasSize(1);
        assertThat(rest.nextCursor()).isNull();
    }

    @Test
    void cursorPaginationOverEqualStartTimesHasNoDuplicatesAndNoGaps() {
        List<UUID> expected = new ArrayList<>();
        Instant[] starts = {at("2026-12-07T09:00:00Z"), at("2026-12-07T10:00:00Z"), at("2026-12-07T11:00:00Z")};
        for (Instant start : starts) {
            List<UUID> sameStart = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                AppointmentId id = appointmentId();
                projector.on(booked(id, business, i % 2 == 0 ? ann : bob, cut, start, 60));
                sameStart.add(id.id());
            }
            sameStart.sort(Comparator.comparing(UUID::toString)); // PostgreSQL orders uuids by their bytes, as their text does
            expected.addAll(sameStart);
        }
        // another tenant's appointments at the same times never show up
        BusinessId other = businessId();
        projector.on(booked(appointmentId(), other, staffId(), serviceId(), starts[0], 60));

        for (int limit : new int[]{1, 2, 3, 4, 7, 15}) {
            List<UUID> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Page<AppointmentView> page = queries.appointments(business, null, null, null, null, cursor, limit);
                assertThat(page.items()).hasSizeLessThanOrEqualTo(limit).isNotEmpty();
                page.items().forEach(a -> seen.add(a.id()));
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null && pages < 100);
            assertThat(seen).as("limit %d", limit).containsExactlyElementsOf(expected);
            assertThat(new HashSet<>(seen)).hasSize(15);
            assertThat(pages).isEqualTo((15 + limit - 1) / limit);
        }
    }

    @Test
    void cursorCombinesWithFilters() {
        List<UUID> annIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            AppointmentId id = appointmentId();
            StaffId staff = i % 2 == 0 ? ann : bob;
            projector.on(booked(id, business, staff, cut, at("2026-12-07T09:00:00Z"), 60));
            if (staff == ann) {
                annIds.add(id.id());
            }
        }
        annIds.sort(Comparator.comparing(UUID::toString));
        Page<AppointmentView> first = queries.appointments(business, null, null, ann, AppointmentStatus.SCHEDULED, null, 2);
        Page<AppointmentView> second = queries.appointments(business, null, null, ann, AppointmentStatus.SCHEDULED, first.nextCursor(), 2);
        assertThat(ids(first)).containsExactlyElementsOf(annIds.subList(0, 2));
        assertThat(ids(second)).containsExactlyElementsOf(annIds.subList(2, 3));
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void malformedCursorIsAValidationError() {
        assertThatThrownBy(() -> queries.appointments(business, null, null, null, null, "not a cursor!", 10))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThatThrownBy(() -> queries.appointments(business, null, null, null, null, "Zm9vfGJhcg", 10)) // "foo|bar"
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void anotherBusinessSeesNothing() {
        AppointmentId id = appointmentId();
        projector.on(booked(id, business, ann, cut, at("2026-12-07T09:00:00Z"), 60));
        BusinessId other = businessId();
        projector.on(ScheduleDb.business(other, "Other", BERLIN));

        assertThat(queries.appointment(other, id)).isEmpty();
        assertThat(queries.appointments(other, null, null, null, null, null, 50).items()).isEmpty();
        assertThat(queries.appointments(other, null, null, ann, null, null, 50).items()).isEmpty();
        assertThat(queries.appointment(business, id)).isPresent();
    }

    private static List<UUID> ids(Page<AppointmentView> page) {
        return page.items().stream().map(AppointmentView::id).toList();
    }

    private static TimeSlot busy(AppointmentId id) {
        return jdbc.queryForObject("SELECT busy_from, busy_to FROM appointment_view WHERE appointment_id = ?",
                (rs, i) -> new TimeSlot(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()), id.id());
    }

    @Test
    void anAppointmentIsStatedInTheStaffsTheBusinesssAndTheCustomersZone() {
        AppointmentId id = appointmentId();
        AppointmentBooked plain = booked(id, business, bob, cut, at("2026-12-07T15:00:00Z"), 60);
        projector.on(new AppointmentBooked(id, business, bob, cut, plain.customerId(), plain.customer(), plain.slot(),
                plain.blocked(), null, Map.of(), plain.bookedAt(), java.time.ZoneId.of("Asia/Kolkata")));

        Views.LocalTimes local = queries.appointment(business, id).orElseThrow().local();
        assertThat(local.staff()).isEqualTo(new Views.ZonedTimes(java.time.OffsetDateTime.parse("2026-12-07T10:00-05:00"),
                java.time.OffsetDateTime.parse("2026-12-07T11:00-05:00"), "America/New_York"));
        assertThat(local.business()).isEqualTo(new Views.ZonedTimes(java.time.OffsetDateTime.parse("2026-12-07T16:00+01:00"),
                java.time.OffsetDateTime.parse("2026-12-07T17:00+01:00"), "Europe/Berlin"));
        assertThat(local.customer()).isEqualTo(new Views.ZonedTimes(java.time.OffsetDateTime.parse("2026-12-07T20:30+05:30"),
                java.time.OffsetDateTime.parse("2026-12-07T21:30+05:30"), "Asia/Kolkata"));

        AppointmentId withoutZone = appointmentId();
        projector.on(booked(withoutZone, business, ann, cut, at("2026-12-07T15:00:00Z"), 60));
        assertThat(queries.appointment(business, withoutZone).orElseThrow().local().customer()).isNull();
    }
}

package dev.kairos.availability;

import dev.kairos.availability.Views.AvailabilityView;
import dev.kairos.availability.Views.SlotView;
import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.AppointmentCompleted;
import dev.kairos.booking.calendar.AppointmentConfirmed;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.StaffMemberDeactivated;
import dev.kairos.booking.calendar.StaffMemberRegistered;
import dev.kairos.booking.calendar.StaffServicesChanged;
import dev.kairos.booking.catalog.BusinessDeactivated;
import dev.kairos.booking.catalog.ServiceDeactivated;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static dev.kairos.availability.ScheduleDb.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The free-slot query against a real database. The reference week is Monday 2026-12-07 (Berlin is UTC+1 then);
 * "now" is 2026-12-01T08:00:00Z unless a test says otherwise.
 */
class FreeSlotsQueryTest {
    private static final LocalDate MONDAY = LocalDate.parse("2026-12-07");

    private static JdbcTemplate jdbc;
    private static ScheduleProjector projector;
    private static ScheduleQueries queries;

    private final BusinessId business = businessId();
    private final ServiceId cut = serviceId();
    private final StaffId ann = staffId();
    private final StaffId bob = staffId();
    private final Map<UUID, String> names = new HashMap<>();

    @BeforeAll
    static void database() {
        jdbc = migratedDatabase();
        projector = new ScheduleProjector(jdbc);
        queries = new ScheduleQueries(jdbc);
    }

    /** Ann works Monday 09:00–12:00 Berlin (08:00–11:00Z), Bob 10:00–13:00 Berlin (09:00–12:00Z); both do 60-minute cuts every 30. */
    @BeforeEach
    void catalog() {
        projector.reset();
        projector.on(ScheduleDb.business(business, "Salon", BERLIN));
        projector.on(service(cut, business, terms("Cut", 60, 0, 0, 30, Duration.ZERO, 90)));
        register(staff(ann, business, "Ann", BERLIN, on(DayOfWeek.MONDAY, "09:00-12:00"), cut));
        register(staff(bob, business, "Bob", BERLIN, on(DayOfWeek.MONDAY, "10:00-13:00"), cut));
    }

    @Test
    void slotsAcrossAllStaffProvidingTheService() {
        ServiceId other = serviceId();
        projector.on(service(other, business, terms("Other", 60, 0, 0, 30, Duration.ZERO, 90)));
        register(staff(staffId(), business, "Carl", BERLIN, on(DayOfWeek.MONDAY, "06:00-20:00"), other));

        AvailabilityView view = queries.freeSlots(business, cut, null, MONDAY, MONDAY, BERLIN, NOW);

        assertThat(view.serviceId()).isEqualTo(cut.id());
        assertThat(view.staffId()).isNull();
        assertThat(view.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(view.from()).isEqualTo(MONDAY);
        assertThat(view.to()).isEqualTo(MONDAY);
        assertThat(describe(view)).containsExactly(
                "2026-12-07T09:00+01:00 [Ann]",
                "2026-12-07T09:30+01:00 [Ann]",
                "2026-12-07T10:00+01:00 [Ann, Bob]",
                "2026-12-07T10:30+01:00 [Ann, Bob]",
                "2026-12-07T11:00+01:00 [Ann, Bob]",
                "2026-12-07T11:30+01:00 [Bob]",
                "2026-12-07T12:00+01:00 [Bob]");
        assertThat(view.slots()).allSatisfy(s -> assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofHours(1)));
        assertThat(view.slots().get(0).end()).isEqualTo(OffsetDateTime.parse("2026-12-07T10:00:00+01:00"));
    }

    @Test
    void onlyOneStaffMember() {
        AvailabilityView view = queries.freeSlots(business, cut, bob, MONDAY, MONDAY, BERLIN, NOW);

        assertThat(view.staffId()).isEqualTo(bob.id());
        assertThat(describe(view)).containsExactly(
                "2026-12-07T10:00+01:00 [Bob]",
                "2026-12-07T10:30+01:00 [Bob]",
                "2026-12-07T11:00+01:00 [Bob]",
                "2026-12-07T11:30+01:00 [Bob]",
                "2026-12-07T12:00+01:00 [Bob]");
    }

    @Test
    void noWorkingHoursInRangeMeansNoSlots() {
        LocalDate tuesday = MONDAY.plusDays(1);
        assertThat(queries.freeSlots(business, cut, null, tuesday, tuesday, BERLIN, NOW).slots()).isEmpty();
    }

    @Test
    void inactiveStaffAndStaffNoLongerProvidingTheServiceAreExcluded() {
        StaffId dora = staffId();
        StaffId emil = staffId();
        register(staff(dora, business, "Dora", BERLIN, on(DayOfWeek.MONDAY, "07:00-08:00"), cut));
        register(staff(emil, business, "Emil", BERLIN, on(DayOfWeek.MONDAY, "07:00-08:00"), cut));
        assertThat(describe(queries.freeSlots(business, cut, null, MONDAY, MONDAY, BERLIN, NOW)))
                .startsWith("2026-12-07T07:00+01:00 [Dora, Emil]");

        projector.on(new StaffMemberDeactivated(dora, business, 2));
        projector.on(new StaffServicesChanged(emil, business, Set.of(serviceId()), 2));

        AvailabilityView view = queries.freeSlots(business, cut, null, MONDAY, MONDAY, BERLIN, NOW);
        assertThat(view.slots()).hasSize(7);
        assertThat(view.slots()).flatExtracting(SlotView::staffIds).doesNotContain(dora.id(), emil.id());
        // asking for the inactive member explicitly is not an error, there is just nothing free
        assertThat(queries.freeSlots(business, cut, dora, MONDAY, MONDAY, BERLIN, NOW).slots()).isEmpty();
    }

    @Test
    void inactiveServiceHasNoSlots() {
        projector.on(new ServiceDeactivated(cut, business, 2));

        AvailabilityView view = queries.freeSlots(business, cut, null, MONDAY, MONDAY, BERLIN, NOW);
        assertThat(view.serviceId()).isEqualTo(cut.id());
        assertThat(view.slots()).isEmpty();
        assertThat(queries.freeSlots(business, cut, ann, MONDAY, MONDAY, BERLIN, NOW).slots()).isEmpty();
    }

    @Test
    void inactiveBusinessHasNoSlots() {
        assertThat(queries.freeSlots(business, cut, null, MONDAY, MONDAY, BERLIN, NOW).slots()).isNotEmpty();
        projector.on(new BusinessDeactivated(business, 2));

        assertThat(queries.freeSlots(business, cut, null, MONDAY, MONDAY, BERLIN, NOW).slots()).isEmpty();
    }

    @Test
    void anotherBusinessStaffClaimingTheServiceIsNotOffered() {
        BusinessId other = businessId();
        StaffId intruder = staffId();
        register(staff(intruder, other, "Intruder", BERLIN, on(DayOfWeek.MONDAY, "06:00-20:00"), cut));

        AvailabilityView view = queries.freeSlots(business, cut, null, MONDAY, MONDAY, BERLIN, NOW);
        assertThat(view.slots()).hasSize(7);
        assertThat(view.slots()).flatExtracting(SlotView::staffIds).doesNotContain(intruder.id());
    }

    @Test
    void liveAppointmentsBlockAndCancelledOnesFreeTheSlot() {
        AppointmentId id = appointmentId();
        projector.on(booked(id, business, ann, cut, at("2026-12-07T09:00:00Z"), 60)); // 10:00–11:00 Berlin

        assertThat(describe(queries.freeSlots(business, cut, null, MONDAY, MONDAY, BERLIN, NOW))).containsExactly(
                "2026-12-07T09:00+01:00 [Ann]",
                "2026-12-07T10:00+01:00 [Bob]",
                "2026-12-07T10:30+01:00 [Bob]",
                "2026-12-07T11:00+01:00 [Ann, Bob]",
                "2026-12-07T11:30+01:00 [Bob]",
                "2026-12-07T12:00+01:00 [Bob]");

        projector.on(new AppointmentConfirmed(id, business, ann, 2));
        assertThat(queries.freeSlots(business, cut, ann, MONDAY, MONDAY, BERLIN, NOW).slots()).hasSize(2);

        projector.on(new AppointmentCancelled(id, business, ann, "ill", 3), at("2026-12-01T08:00:00Z"));
        assertThat(describe(queries.freeSlots(business, cut, ann, MONDAY, MONDAY, BERLIN, NOW))).containsExactly(
                "2026-12-07T09:00+01:00 [Ann]",
                "2026-12-07T09:30+01:00 [Ann]",
                "2026-12-07T10:00+01:00 [Ann]",
                "2026-12-07T10:30+01:00 [Ann]",
                "2026-12-07T11:00+01:00 [Ann]");
    }

    @Test
    void finishedAppointmentsDoNotBlock() {
        AppointmentId id = appointmentId();
        projector.on(booked(id, business, ann, cut, at("2026-12-07T09:00:00Z"), 60));
        projector.on(new AppointmentConfirmed(id, business, ann, 2));
        projector.on(new AppointmentCompleted(id, business, ann, 3));

        assertThat(queries.freeSlots(business, cut, ann, MONDAY, MONDAY, BERLIN, NOW).slots()).hasSize(5);
    }

    @Test
    void transferredAppointmentBlocksTheNewStaffMemberOnly() {
        AppointmentId id = appointmentId();
        AppointmentBooked booking = booked(id, business, ann, cut, at("2026-12-07T09:00:00Z"), 60);
        projector.on(booking);
        projector.on(transferredIn(booking, bob, at("2026-12-07T10:00:00Z"), 60, AppointmentStatus.SCHEDULED, 2), at("2026-12-01T08:00:00Z"));

        assertThat(queries.freeSlots(business, cut, ann, MONDAY, MONDAY, BERLIN, NOW).slots()).hasSize(5);
        assertThat(describe(queries.freeSlots(business, cut, bob, MONDAY, MONDAY, BERLIN, NOW))).containsExactly(
                "2026-12-07T10:00+01:00 [Bob]",
                "2026-12-07T12:00+01:00 [Bob]");
    }

    @Test
    void buffersOfTheServiceAndOfExistingAppointmentsAreRespected() {
        ServiceId color = serviceId();
        StaffId eve = staffId();
        projector.on(service(color, business, terms("Color", 60, 15, 15, 30, Duration.ZERO, 90)));
        register(staff(eve, business, "Eve", UTC, on(DayOfWeek.MONDAY, "08:00-13:00"), color));
        assertThat(queries.freeSlots(business, color, eve, MONDAY, MONDAY, UTC, NOW).slots()).hasSize(9); // 08:00 … 12:00

        // 10:00–11:00 blocks 09:45–11:15
        projector.on(booked(appointmentId(), business, eve, color, new dev.kairos.booking.common.CustomerId(UUID.randomUUID()),
                at("2026-12-07T10:00:00Z"), 60, 15, 15));

        assertThat(describe(queries.freeSlots(business, color, eve, MONDAY, MONDAY, UTC, NOW))).containsExactly(
                "2026-12-07T08:00Z [Eve]",   // 07:45–09:15 with buffers: touches nothing
                "2026-12-07T08:30Z [Eve]",   // 08:15–09:45: touches the busy start, half-open
                "2026-12-07T11:30Z [Eve]",   // 11:15–12:45: touches the busy end
                "2026-12-07T12:00Z [Eve]");
    }

    @Test
    void requestedZoneDiffersFromTheStaffZone() {
        ServiceId massage = serviceId();
        StaffId finn = staffId();
        projector.on(service(massage, business, terms("Massage", 60, 0, 0, 60, Duration.ZERO, 90)));
        // 04:00–08:00 Berlin = 03:00–07:00Z = 22:00 (Sunday)–02:00 New York
        register(staff(finn, business, "Finn", BERLIN, on(DayOfWeek.MONDAY, "04:00-08:00"), massage));

        AvailabilityView mondayInNewYork = queries.freeSlots(business, massage, null, MONDAY, MONDAY, NEW_YORK, NOW);
        assertThat(mondayInNewYork.timeZone()).isEqualTo("America/New_York");
        assertThat(describe(mondayInNewYork)).containsExactly(
                "2026-12-07T00:00-05:00 [Finn]",
                "2026-12-07T01:00-05:00 [Finn]");
        assertThat(mondayInNewYork.slots().get(0).start().toInstant()).isEqualTo(at("2026-12-07T05:00:00Z"));

        LocalDate sunday = MONDAY.minusDays(1);
        assertThat(describe(queries.freeSlots(business, massage, null, sunday, sunday, NEW_YORK, NOW))).containsExactly(
                "2026-12-06T22:00-05:00 [Finn]",
                "2026-12-06T23:00-05:00 [Finn]");

        // the same instants, in the staff member's zone
        assertThat(describe(queries.freeSlots(business, massage, null, MONDAY, MONDAY, BERLIN, NOW))).containsExactly(
                "2026-12-07T04:00+01:00 [Finn]",
                "2026-12-07T05:00+01:00 [Finn]",
                "2026-12-07T06:00+01:00 [Finn]",
                "2026-12-07T07:00+01:00 [Finn]");
    }

    @Test
    void withoutARequestedZoneTheBusinessZoneIsUsed() {
        AvailabilityView view = queries.freeSlots(business, cut, ann, MONDAY, MONDAY, null, NOW);
        assertThat(view.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(view.slots().get(0).start()).isEqualTo(OffsetDateTime.parse("2026-12-07T09:00:00+01:00"));
    }

    @Test
    void springForwardDayInBerlin() {
        Instant march = at("2026-03-01T00:00:00Z");
        LocalDate saturday = LocalDate.parse("2026-03-28");
        LocalDate sunday = LocalDate.parse("2026-03-29"); // 02:00 CET -> 03:00 CEST
        StaffId gina = staffId();
        register(staff(gina, business, "Gina", BERLIN, everyDay("09:00-10:30"), cut));

        assertThat(describe(queries.freeSlots(business, cut, gina, saturday, sunday, BERLIN, march))).containsExactly(
                "2026-03-28T09:00+01:00 [Gina]",
                "2026-03-28T09:30+01:00 [Gina]",
                "2026-03-29T09:00+02:00 [Gina]",
                "2026-03-29T09:30+02:00 [Gina]");
        assertThat(describe(queries.freeSlots(business, cut, gina, saturday, sunday, UTC, march))).containsExactly(
                "2026-03-28T08:00Z [Gina]",
                "2026-03-28T08:30Z [Gina]",
                "2026-03-29T07:00Z [Gina]",
                "2026-03-29T07:30Z [Gina]");
    }

    @Test
    void workingHoursAcrossTheDaylightSavingGap() {
        Instant march = at("2026-03-01T00:00:00Z");
        LocalDate sunday = LocalDate.parse("2026-03-29");
        StaffId hans = staffId();
        // 01:00–04:00 wall clock lasts two real hours that night: 00:00Z–02:00Z
        register(staff(hans, business, "Hans", BERLIN, on(DayOfWeek.SUNDAY, "01:00-04:00"), cut));

        AvailabilityView view = queries.freeSlots(business, cut, hans, sunday, sunday, BERLIN, march);
        assertThat(describe(view)).containsExactly(
                "2026-03-29T01:00+01:00 [Hans]",
                "2026-03-29T01:30+01:00 [Hans]",
                "2026-03-29T03:00+02:00 [Hans]");
        assertThat(view.slots()).extracting(s -> s.start().toInstant()).containsExactly(
                at("2026-03-29T00:00:00Z"), at("2026-03-29T00:30:00Z"), at("2026-03-29T01:00:00Z"));
        assertThat(view.slots().get(1).end()).isEqualTo(OffsetDateTime.parse("2026-03-29T03:30:00+02:00"));

        // the same night seen from New York (already on EDT since 2026-03-08: UTC-4) is 2026-03-28 evening
        assertThat(describe(queries.freeSlots(business, cut, hans, LocalDate.parse("2026-03-28"), LocalDate.parse("2026-03-28"),
                NEW_YORK, march))).containsExactly(
                "2026-03-28T20:00-04:00 [Hans]",
                "2026-03-28T20:30-04:00 [Hans]",
                "2026-03-28T21:00-04:00 [Hans]");
    }

    @Test
    void minimumNoticeIsMeasuredFromTheGivenNow() {
        ServiceId quick = serviceId();
        projector.on(service(quick, business, terms("Quick", 60, 0, 0, 30, Duration.ofHours(1), 90)));
        projector.on(new StaffServicesChanged(ann, business, Set.of(cut, quick), 2));
        projector.on(new StaffServicesChanged(bob, business, Set.of(cut, quick), 2));

        // earliest = 09:00Z: exactly on a slot, which is allowed
        assertThat(describe(queries.freeSlots(business, quick, null, MONDAY, MONDAY, UTC, at("2026-12-07T08:00:00Z"))))
                .containsExactly(
                        "2026-12-07T09:00Z [Ann, Bob]",
                        "2026-12-07T09:30Z [Ann, Bob]",
                        "2026-12-07T10:00Z [Ann, Bob]",
                        "2026-12-07T10:30Z [Bob]",
                        "2026-12-07T11:00Z [Bob]");
        // earliest = 09:45Z
        assertThat(describe(queries.freeSlots(business, quick, null, MONDAY, MONDAY, UTC, at("2026-12-07T08:45:00Z"))))
                .containsExactly(
                        "2026-12-07T10:00Z [Ann, Bob]",
                        "2026-12-07T10:30Z [Bob]",
                        "2026-12-07T11:00Z [Bob]");
        // the same query a week earlier has no notice problem
        assertThat(queries.freeSlots(business, quick, null, MONDAY, MONDAY, UTC, NOW).slots()).hasSize(7);
        // and after the day everything is in the past
        assertThat(queries.freeSlots(business, quick, null, MONDAY, MONDAY, UTC, at("2026-12-08T00:00:00Z")).slots()).isEmpty();
    }

    @Test
    void maximumAdvanceIsMeasuredFromTheGivenNow() {
        ServiceId soon = serviceId();
        projector.on(service(soon, business, terms("Soon", 60, 0, 0, 30, Duration.ZERO, 6)));
        StaffId ida = staffId();
        register(staff(ida, business, "Ida", UTC, on(DayOfWeek.MONDAY, "08:00-10:00"), soon));

        // latest = 2026-12-07T08:00Z
        assertThat(describe(queries.freeSlots(business, soon, null, MONDAY, MONDAY, UTC, NOW)))
                .containsExactly("2026-12-07T08:00Z [Ida]");
    }

    @Test
    void rangeValidation() {
        assertInvalid(() -> queries.freeSlots(business, cut, null, MONDAY, MONDAY.minusDays(1), BERLIN, NOW), ErrorCode.INVALID_TIME_RANGE);
        assertInvalid(() -> queries.freeSlots(business, cut, null, MONDAY, MONDAY.plusDays(62), BERLIN, NOW), ErrorCode.INVALID_TIME_RANGE);
        // range errors come before lookups
        assertInvalid(() -> queries.freeSlots(business, serviceId(), null, MONDAY, MONDAY.plusDays(100), BERLIN, NOW),
                ErrorCode.INVALID_TIME_RANGE);

        // 62 days, both ends included, is the most allowed: every Monday in it
        AvailabilityView longest = queries.freeSlots(business, cut, ann, MONDAY, MONDAY.plusDays(61), BERLIN, NOW);
        assertThat(longest.slots()).hasSize(9 * 5);
        assertThat(longest.slots().get(longest.slots().size() - 1).start())
                .isEqualTo(OffsetDateTime.parse("2027-02-01T11:00:00+01:00"));
    }

    @Test
    void unknownOrForeignServiceIsNotFound() {
        assertInvalid(() -> queries.freeSlots(business, serviceId(), null, MONDAY, MONDAY, BERLIN, NOW), ErrorCode.SERVICE_NOT_FOUND);

        BusinessId other = businessId();
        ServiceId foreign = serviceId();
        projector.on(ScheduleDb.business(other, "Other", BERLIN));
        projector.on(service(foreign, other, terms("Foreign", 60, 0, 0, 30, Duration.ZERO, 90)));
        assertInvalid(() -> queries.freeSlots(business, foreign, null, MONDAY, MONDAY, BERLIN, NOW), ErrorCode.SERVICE_NOT_FOUND);
        assertInvalid(() -> queries.freeSlots(other, cut, null, MONDAY, MONDAY, BERLIN, NOW), ErrorCode.SERVICE_NOT_FOUND);
    }

    @Test
    void unknownOrForeignStaffIsNotFound() {
        assertInvalid(() -> queries.freeSlots(business, cut, staffId(), MONDAY, MONDAY, BERLIN, NOW), ErrorCode.STAFF_NOT_FOUND);

        BusinessId other = businessId();
        StaffId foreign = staffId();
        register(staff(foreign, other, "Foreign", BERLIN, on(DayOfWeek.MONDAY, "06:00-20:00"), cut));
        assertInvalid(() -> queries.freeSlots(business, cut, foreign, MONDAY, MONDAY, BERLIN, NOW), ErrorCode.STAFF_NOT_FOUND);
    }

    private void register(StaffMemberRegistered event) {
        names.put(event.staffId().id(), event.profile().name());
        projector.on(event);
    }

    /** "start-in-view-zone [staff names, sorted]" per slot. */
    private List<String> describe(AvailabilityView view) {
        return view.slots().stream().map(s -> s.start() + " " + new TreeSet<>(s.staffIds().stream().map(names::get).toList()))
                .toList();
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode()).isEqualTo(code);
    }
}

package dev.kairos.availability;

import dev.kairos.availability.Views.AvailabilityView;
import dev.kairos.availability.Views.HolidayView;
import dev.kairos.booking.calendar.StaffMemberRegistered;
import dev.kairos.booking.catalog.BusinessProfile;
import dev.kairos.booking.catalog.BusinessUpdated;
import dev.kairos.booking.catalog.Holiday;
import dev.kairos.booking.catalog.HolidayAdded;
import dev.kairos.booking.catalog.HolidayRemoved;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HolidayId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static dev.kairos.availability.ScheduleDb.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holidays in the schedule read model: listed in the business's zone, and busy time of every staff member in the
 * free-slot query. The business is in Berlin (UTC+1 in December); Monday 2026-12-07 is a holiday.
 */
class HolidaysQueryTest {
    private static final LocalDate MONDAY = LocalDate.parse("2026-12-07");
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    private static JdbcTemplate jdbc;
    private static ScheduleProjector projector;
    private static ScheduleQueries queries;

    private final BusinessId business = businessId();
    private final ServiceId cut = serviceId();
    private final StaffId ann = staffId();
    private final StaffId nina = staffId();
    private final Holiday closedMonday = new Holiday(new HolidayId(UUID.randomUUID()), "Closing day", MONDAY, MONDAY);
    private final Map<UUID, String> names = new HashMap<>();

    @BeforeAll
    static void database() {
        jdbc = migratedDatabase();
        projector = new ScheduleProjector(jdbc);
        queries = new ScheduleQueries(jdbc);
    }

    /** Ann works 09:00–11:00 Berlin every day; Nina works 16:00–20:00 New York time every day (22:00–02:00 Berlin). */
    @BeforeEach
    void catalog() {
        projector.reset();
        projector.on(ScheduleDb.business(business, "Salon", BERLIN));
        projector.on(service(cut, business, terms("Cut", 60, 0, 0, 30, Duration.ZERO, 90)));
        register(staff(ann, business, "Ann", BERLIN, everyDay("09:00-11:00"), cut));
        register(staff(nina, business, "Nina", NEW_YORK, everyDay("16:00-20:00"), cut));
        projector.on(new HolidayAdded(business, closedMonday));
    }

    @Test
    void aHolidayHasNoFreeSlotsForAnyoneAndTheNextDayHas() {
        assertThat(queries.freeSlots(business, cut, ann, MONDAY, MONDAY, BERLIN, NOW).slots()).isEmpty();
        assertThat(describe(queries.freeSlots(business, cut, ann, TUESDAY, TUESDAY, BERLIN, NOW))).containsExactly(
                "2026-12-08T09:00+01:00 [Ann]",
                "2026-12-08T09:30+01:00 [Ann]",
                "2026-12-08T10:00+01:00 [Ann]");
    }

    @Test
    void theBusinessZoneDecidesWhenTheHolidayEndsForStaffInAnotherZone() {
        // Nina's Monday evening: 16:00–17:30 New York is still Monday in Berlin; 18:00 New York is Tuesday 00:00 Berlin
        assertThat(describe(queries.freeSlots(business, cut, nina, MONDAY, MONDAY, NEW_YORK, NOW))).containsExactly(
                "2026-12-07T18:00-05:00 [Nina]",
                "2026-12-07T18:30-05:00 [Nina]",
                "2026-12-07T19:00-05:00 [Nina]");
        // and Sunday evening in New York reaches into the Berlin Monday from 18:00 on
        assertThat(describe(queries.freeSlots(business, cut, nina, MONDAY.minusDays(1), MONDAY.minusDays(1), NEW_YORK, NOW)))
                .containsExactly("2026-12-06T16:00-05:00 [Nina]", "2026-12-06T16:30-05:00 [Nina]", "2026-12-06T17:00-05:00 [Nina]");
    }

    @Test
    void buffersMayNotReachIntoTheHoliday() {
        ServiceId color = serviceId();
        projector.on(service(color, business, terms("Color", 60, 0, 30, 15, Duration.ZERO, 90)));
        StaffId owl = staffId();
        register(staff(owl, business, "Owl", BERLIN, on(DayOfWeek.SUNDAY, "21:30-23:59"), color));
        // 22:30 ends at 23:30 and cleans up until midnight: fine; 22:45 fits the hours but would clean up into Monday
        assertThat(describe(queries.freeSlots(business, color, owl, MONDAY.minusDays(1), MONDAY.minusDays(1), BERLIN, NOW)))
                .containsExactly("2026-12-06T21:30+01:00 [Owl]", "2026-12-06T21:45+01:00 [Owl]",
                        "2026-12-06T22:00+01:00 [Owl]", "2026-12-06T22:15+01:00 [Owl]", "2026-12-06T22:30+01:00 [Owl]");
        projector.on(new HolidayRemoved(business, closedMonday.id()));
        assertThat(describe(queries.freeSlots(business, color, owl, MONDAY.minusDays(1), MONDAY.minusDays(1), BERLIN, NOW)))
                .endsWith("2026-12-06T22:30+01:00 [Owl]", "2026-12-06T22:45+01:00 [Owl]");
    }

    @Test
    void removingTheHolidayBringsTheSlotsBack() {
        projector.on(new HolidayRemoved(business, closedMonday.id()));

        assertThat(queries.freeSlots(business, cut, ann, MONDAY, MONDAY, BERLIN, NOW).slots()).hasSize(3);
        assertThat(queries.holidays(business)).isEmpty();
    }

    @Test
    void holidaysAreListedInTheBusinessZoneAndFollowAChangeOfZone() {
        Holiday christmas = new Holiday(new HolidayId(UUID.randomUUID()), "Christmas", LocalDate.parse("2026-12-25"),
                LocalDate.parse("2026-12-26"));
        projector.on(new HolidayAdded(business, christmas));
        projector.on(new HolidayAdded(business, christmas)); // a redelivered event changes nothing
        projector.on(new HolidayAdded(businessId(), christmas)); // another tenant's holidays stay theirs

        List<HolidayView> listed = queries.holidays(business);
        assertThat(listed).extracting(HolidayView::name).containsExactly("Closing day", "Christmas");
        HolidayView xmas = listed.get(1);
        assertThat(xmas.id()).isEqualTo(christmas.id().id());
        assertThat(xmas.from()).isEqualTo(LocalDate.parse("2026-12-25"));
        assertThat(xmas.to()).isEqualTo(LocalDate.parse("2026-12-26"));
        assertThat(xmas.start()).isEqualTo(OffsetDateTime.parse("2026-12-25T00:00:00+01:00"));
        assertThat(xmas.end()).isEqualTo(OffsetDateTime.parse("2026-12-27T00:00:00+01:00"));
        assertThat(xmas.timeZone()).isEqualTo("Europe/Berlin");

        projector.on(new BusinessUpdated(business, new BusinessProfile("Salon", NEW_YORK, "EUR", Map.of()), 2));
        assertThat(queries.holidays(business).get(1).start()).isEqualTo(OffsetDateTime.parse("2026-12-25T00:00:00-05:00"));
        // Ann's Monday 09:00–11:00 Berlin is 03:00–05:00 New York: inside the New York Monday
        assertThat(queries.freeSlots(business, cut, ann, MONDAY, MONDAY, BERLIN, NOW).slots()).isEmpty();
        assertThat(queries.freeSlots(business, cut, nina, MONDAY, MONDAY, NEW_YORK, NOW).slots()).isEmpty();
    }

    private void register(StaffMemberRegistered event) {
        names.put(event.staffId().id(), event.profile().name());
        projector.on(event);
    }

    private List<String> describe(AvailabilityView view) {
        return view.slots().stream().map(s -> s.start() + " " + new TreeSet<>(s.staffIds().stream().map(names::get).toList()))
                .toList();
    }
}

package dev.kairos.booking.scheduling;

import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.TimeSlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static dev.kairos.booking.scheduling.Fixtures.OPEN;
import static dev.kairos.booking.scheduling.Fixtures.UTC;
import static dev.kairos.booking.scheduling.Fixtures.everyDay;
import static dev.kairos.booking.scheduling.Fixtures.intervals;
import static dev.kairos.booking.scheduling.Fixtures.on;
import static dev.kairos.booking.scheduling.Fixtures.terms;
import static dev.kairos.booking.scheduling.Fixtures.utc;
import static dev.kairos.booking.scheduling.Fixtures.utcSlot;
import static dev.kairos.booking.scheduling.Fixtures.utcs;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class FreeSlotsTest {

    // 2026-03-09 is a Monday
    private static final Instant MON = utc("2026-03-09T00:00");
    private static final Instant TUE = utc("2026-03-10T00:00");
    private static final Instant WED = utc("2026-03-11T00:00");

    private static List<Instant> monday(WeeklySchedule schedule, BusyTimes busy, ServiceTerms terms) {
        return FreeSlots.find(schedule, UTC, busy, terms, OPEN, MON, TUE);
    }

    private static List<Instant> mon(String... times) {
        return utcs(Arrays.stream(times).map(t -> "2026-03-09T" + t).toArray(String[]::new));
    }

    private static BusyTimes busy(TimeSlot... slots) {
        return BusyTimes.of(List.of(slots));
    }

    private static TimeSlot monSlot(String start, String end) {
        return utcSlot("2026-03-09T" + start, "2026-03-09T" + end);
    }

    @Test
    void stepsThroughAStretchAndKeepsTheAppointmentInside() {
        assertThat(monday(on(MONDAY, "09:00-12:00"), BusyTimes.none(), terms(60, 60)))
                .containsExactlyElementsOf(mon("09:00", "10:00", "11:00"));
    }

    @Test
    void durationEqualToTheStretchGivesOneSlotAndLongerGivesNone() {
        assertThat(monday(on(MONDAY, "09:00-10:30"), BusyTimes.none(), terms(90, 30))).containsExactlyElementsOf(mon("09:00"));
        assertThat(monday(on(MONDAY, "09:00-10:30"), BusyTimes.none(), terms(91, 30))).isEmpty();
    }

    @Test
    void noWorkingHoursNoSlots() {
        assertThat(monday(new WeeklySchedule(null), BusyTimes.none(), terms(30, 30))).isEmpty();
        assertThat(monday(on(TUESDAY, "09:00-17:00"), BusyTimes.none(), terms(30, 30))).isEmpty();
    }

    @Test
    void backToBackAppointmentsAreAllowed() {
        BusyTimes busy = busy(monSlot("10:00", "11:00"));
        assertThat(monday(on(MONDAY, "09:00-13:00"), busy, terms(60, 60)))
                .containsExactlyElementsOf(mon("09:00", "11:00", "12:00"));
        assertThat(monday(on(MONDAY, "09:00-13:00"), busy, terms(60, 30)))
                .containsExactlyElementsOf(mon("09:00", "11:00", "11:30", "12:00"));
    }

    @Test
    void slotThatFillsAGapExactlyIsOffered() {
        BusyTimes busy = busy(monSlot("09:00", "10:00"), monSlot("10:45", "12:00"));
        assertThat(monday(on(MONDAY, "09:00-12:00"), busy, terms(45, 15))).containsExactlyElementsOf(mon("10:00"));
        assertThat(monday(on(MONDAY, "09:00-12:00"), busy, terms(46, 15))).isEmpty();
    }

    @Test
    void bufferBeforeBlocksSlotsRightAfterABusyInterval() {
        BusyTimes busy = busy(monSlot("10:00", "11:00"));
        // 11:00 would need 10:45-11:00 free for its 15 minute preparation
        assertThat(monday(on(MONDAY, "09:00-13:00"), busy, terms(60, 15, 15, 0)))
                .containsExactlyElementsOf(mon("09:00", "11:15", "11:30", "11:45", "12:00"));
    }

    @Test
    void bufferAfterBlocksSlotsRightBeforeABusyInterval() {
        BusyTimes busy = busy(monSlot("10:00", "11:00"));
        // 09:00 would need 10:00-10:15 free for its clean-up
        assertThat(monday(on(MONDAY, "08:00-12:00"), busy, terms(60, 15, 0, 15)))
                .containsExactlyElementsOf(mon("08:00", "08:15", "08:30", "08:45", "11:00"));
    }

    @Test
    void buffersOnBothSides() {
        BusyTimes busy = busy(monSlot("10:00", "11:00"));
        assertThat(monday(on(MONDAY, "08:00-13:00"), busy, terms(60, 15, 10, 20)))
                .containsExactlyElementsOf(mon("08:00", "08:15", "08:30", "11:15", "11:30", "11:45", "12:00"));
        // one minute less buffer on each side: 08:45 ends with clean-up at 10:00, 11:00 starts preparing at 11:00
        assertThat(monday(on(MONDAY, "08:00-13:00"), busy, terms(60, 15, 0, 15)))
                .contains(utc("2026-03-09T08:45"), utc("2026-03-09T11:00"));
    }

    @Test
    void busyIntervalsAlreadyCarryTheirOwnBuffersSoBuffersAddUp() {
        // an existing 10:00-11:00 appointment with 10 minutes before and after blocks 09:50-11:10;
        // a new one with 10 minutes before and after must therefore keep 20 minutes away from it
        BusyTimes busy = busy(monSlot("10:00", "11:00").widen(Duration.ofMinutes(10), Duration.ofMinutes(10)));
        List<Instant> slots = monday(on(MONDAY, "09:00-13:00"), busy, terms(30, 10, 10, 10));
        assertThat(slots).filteredOn(s -> s.isBefore(utc("2026-03-09T11:40")))
                .containsExactlyElementsOf(mon("09:00", "09:10", "11:20", "11:30"));
        assertThat(slots).last().isEqualTo(utc("2026-03-09T12:30"));
    }

    @Test
    void buffersMayLieOutsideWorkingHours() {
        assertThat(monday(on(MONDAY, "09:00-10:00"), BusyTimes.none(), terms(60, 60, 30, 30)))
                .containsExactlyElementsOf(mon("09:00"));
    }

    @Test
    void busyTimeOutsideWorkingHoursBlocksThroughBuffers() {
        BusyTimes busy = busy(monSlot("08:00", "08:50"));
        assertThat(monday(on(MONDAY, "09:00-10:00"), busy, terms(30, 30, 15, 0)))
                .containsExactlyElementsOf(mon("09:30"));
    }

    @Test
    void noSlotAcrossTheLunchBreak() {
        WeeklySchedule schedule = on(MONDAY, "09:00-12:00", "13:00-17:00");
        assertThat(monday(schedule, BusyTimes.none(), terms(90, 30))).containsExactlyElementsOf(mon(
                "09:00", "09:30", "10:00", "10:30",
                "13:00", "13:30", "14:00", "14:30", "15:00", "15:30"));
    }

    @Test
    void eachStretchStartsItsOwnGrid() {
        WeeklySchedule schedule = on(MONDAY, "09:00-11:00", "12:45-15:00");
        assertThat(monday(schedule, BusyTimes.none(), terms(60, 60)))
                .containsExactlyElementsOf(mon("09:00", "10:00", "12:45", "13:45"));
    }

    @ParameterizedTest(name = "{0} min service every {1} min in 09:00-11:00 -> {2}")
    @CsvSource(delimiter = ';', value = {
            "45; 30; 09:00 09:30 10:00",
            "30; 45; 09:00 09:45 10:30",
            "60; 15; 09:00 09:15 09:30 09:45 10:00",
            "15; 60; 09:00 10:00",
            "120; 5; 09:00",
            "50; 25; 09:00 09:25 09:50",
            "1; 60; 09:00 10:00",
    })
    void slotIntervalIsIndependentOfDuration(int duration, int interval, String expected) {
        assertThat(monday(on(MONDAY, "09:00-11:00"), BusyTimes.none(), terms(duration, interval)))
                .containsExactlyElementsOf(mon(expected.split(" ")));
    }

    @Test
    void minimumNoticeHidesEarlierSlotsButKeepsTheGrid() {
        Instant now = utc("2026-03-09T08:00");
        ServiceTerms terms = terms(Duration.ofMinutes(60), Duration.ofMinutes(60), Duration.ZERO, Duration.ZERO, Duration.ofMinutes(90), 30);
        BookingWindow window = BookingWindow.of(terms, now); // earliest 09:30
        assertThat(FreeSlots.find(on(MONDAY, "09:00-13:00"), UTC, BusyTimes.none(), terms, window, MON, TUE))
                .containsExactlyElementsOf(mon("10:00", "11:00", "12:00"));
    }

    @Test
    void slotExactlyAtMinimumNoticeIsOffered() {
        Instant now = utc("2026-03-09T08:00");
        ServiceTerms terms = terms(Duration.ofMinutes(60), Duration.ofMinutes(60), Duration.ZERO, Duration.ZERO, Duration.ofHours(2), 30);
        BookingWindow window = BookingWindow.of(terms, now); // earliest 10:00
        assertThat(FreeSlots.find(on(MONDAY, "09:00-13:00"), UTC, BusyTimes.none(), terms, window, MON, TUE))
                .containsExactlyElementsOf(mon("10:00", "11:00", "12:00"));
        BookingWindow oneNanoLater = new BookingWindow(window.earliest().plusNanos(1), window.latest());
        assertThat(FreeSlots.find(on(MONDAY, "09:00-13:00"), UTC, BusyTimes.none(), terms, oneNanoLater, MON, TUE))
                .containsExactlyElementsOf(mon("11:00", "12:00"));
    }

    @Test
    void minimumNoticeDeepIntoALongStretch() {
        // round-the-clock work; the notice skips far into the (merged, multi-day) stretch
        Instant now = utc("2026-03-09T00:00");
        ServiceTerms terms = terms(Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ZERO, Duration.ZERO,
                Duration.ofHours(31).plusMinutes(5), 30);
        BookingWindow window = BookingWindow.of(terms, now);
        List<Instant> slots = FreeSlots.find(everyDay("00:00-00:00"), UTC, BusyTimes.none(), terms, window, MON, WED);
        assertThat(slots).first().isEqualTo(utc("2026-03-10T07:15"));
        assertThat(slots).last().isEqualTo(utc("2026-03-10T23:45"));
        assertThat(slots).hasSize(67);
    }

    @Test
    void maximumAdvanceHidesLaterSlotsAndItsLastInstantIsBookable() {
        Instant now = utc("2026-03-09T08:00");
        ServiceTerms terms = terms(Duration.ofMinutes(60), Duration.ofMinutes(60), Duration.ZERO, Duration.ZERO, Duration.ZERO, 1);
        BookingWindow window = BookingWindow.of(terms, now); // latest 2026-03-10T08:00
        List<Instant> slots = FreeSlots.find(everyDay("08:00-11:00"), UTC, BusyTimes.none(), terms, window, MON, utc("2026-03-13T00:00"));
        assertThat(slots).containsExactlyElementsOf(utcs("2026-03-09T08:00", "2026-03-09T09:00", "2026-03-09T10:00", "2026-03-10T08:00"));
    }

    @Test
    void windowInThePastOrFutureGivesNothing() {
        BookingWindow past = new BookingWindow(utc("2026-01-01T00:00"), utc("2026-01-02T00:00"));
        BookingWindow future = new BookingWindow(utc("2026-04-01T00:00"), utc("2026-04-02T00:00"));
        assertThat(FreeSlots.find(everyDay("09:00-17:00"), UTC, BusyTimes.none(), terms(30, 30), past, MON, WED)).isEmpty();
        assertThat(FreeSlots.find(everyDay("09:00-17:00"), UTC, BusyTimes.none(), terms(30, 30), future, MON, WED)).isEmpty();
    }

    @Test
    void rangeStartIsInclusiveAndRangeEndExclusive() {
        WeeklySchedule schedule = on(MONDAY, "09:00-13:00");
        assertThat(FreeSlots.find(schedule, UTC, BusyTimes.none(), terms(60, 60), OPEN, utc("2026-03-09T10:00"), utc("2026-03-09T12:00")))
                .containsExactlyElementsOf(mon("10:00", "11:00"));
        assertThat(FreeSlots.find(schedule, UTC, BusyTimes.none(), terms(60, 60), OPEN, utc("2026-03-09T10:00"), utc("2026-03-09T12:00:00.000000001")))
                .containsExactlyElementsOf(mon("10:00", "11:00", "12:00"));
        assertThat(FreeSlots.find(schedule, UTC, BusyTimes.none(), terms(60, 60), OPEN, utc("2026-03-09T10:00:00.000000001"), utc("2026-03-09T12:00")))
                .containsExactlyElementsOf(mon("11:00"));
    }

    @Test
    void slotStartingInsideTheRangeMayEndAfterIt() {
        assertThat(FreeSlots.find(on(MONDAY, "09:00-13:00"), UTC, BusyTimes.none(), terms(120, 60), OPEN,
                utc("2026-03-09T10:30"), utc("2026-03-09T11:30")))
                .containsExactlyElementsOf(mon("11:00"));
    }

    @Test
    void rangeStartingMidStretchKeepsTheStretchGrid() {
        assertThat(FreeSlots.find(on(MONDAY, "09:00-13:00"), UTC, BusyTimes.none(), terms(60, 60), OPEN,
                utc("2026-03-09T09:10"), TUE))
                .containsExactlyElementsOf(mon("10:00", "11:00", "12:00"));
    }

    @Test
    void emptyOrBackwardsRangeGivesNothing() {
        WeeklySchedule schedule = everyDay("00:00-00:00");
        assertThat(FreeSlots.find(schedule, UTC, BusyTimes.none(), terms(30, 30), OPEN, MON, MON)).isEmpty();
        assertThat(FreeSlots.find(schedule, UTC, BusyTimes.none(), terms(30, 30), OPEN, TUE, MON)).isEmpty();
    }

    @Test
    void busyTimesOnOtherDaysDoNotMatter() {
        BusyTimes busy = busy(utcSlot("2026-03-08T09:00", "2026-03-08T17:00"), utcSlot("2026-03-10T09:00", "2026-03-10T17:00"));
        assertThat(monday(everyDay("09:00-12:00"), busy, terms(60, 60))).containsExactlyElementsOf(mon("09:00", "10:00", "11:00"));
    }

    @Test
    void fullyBookedDayHasNoSlots() {
        BusyTimes busy = busy(monSlot("09:00", "12:00"), monSlot("13:00", "17:00"));
        assertThat(monday(on(MONDAY, "09:00-12:00", "13:00-17:00"), busy, terms(15, 15))).isEmpty();
    }

    @Test
    void overlappingUnsortedBusyTimes() {
        BusyTimes busy = busy(monSlot("14:00", "15:00"), monSlot("09:30", "10:30"), monSlot("09:00", "10:00"), monSlot("14:30", "14:45"));
        assertThat(monday(on(MONDAY, "09:00-16:00"), busy, terms(60, 30)))
                .containsExactlyElementsOf(mon("10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "15:00"));
    }

    // ---------------------------------------------------------------- midnight

    @Test
    void workAcrossMidnightOffersSlotsSpanningMidnight() {
        WeeklySchedule schedule = on(MONDAY, intervals("22:00-00:00"), TUESDAY, intervals("00:00-02:00"));
        List<Instant> slots = FreeSlots.find(schedule, UTC, BusyTimes.none(), terms(60, 30), OPEN, MON, WED);
        assertThat(slots).containsExactlyElementsOf(utcs(
                "2026-03-09T22:00", "2026-03-09T22:30", "2026-03-09T23:00", "2026-03-09T23:30",
                "2026-03-10T00:00", "2026-03-10T00:30", "2026-03-10T01:00"));
    }

    @Test
    void gridRestartsAtMidnightWithTheNextDaysInterval() {
        // Monday's grid 22:00, 22:45, 23:30 (23:30 runs to 00:15 in Tuesday's touching interval);
        // Tuesday's interval starts its own grid at 00:00, 00:45 (01:30 would end at 02:15, after the work ends)
        WeeklySchedule schedule = on(MONDAY, intervals("22:00-00:00"), TUESDAY, intervals("00:00-02:00"));
        List<Instant> slots = FreeSlots.find(schedule, UTC, BusyTimes.none(), terms(45, 45), OPEN, MON, WED);
        assertThat(slots).containsExactlyElementsOf(utcs(
                "2026-03-09T22:00", "2026-03-09T22:45", "2026-03-09T23:30", "2026-03-10T00:00", "2026-03-10T00:45"));
    }

    @Test
    void slotsAreAnchoredAtEachDaysWorkingIntervalWhateverTheRange() {
        WeeklySchedule schedule = on(MONDAY, intervals("22:00-00:00"), TUESDAY, intervals("00:00-02:00"));
        ServiceTerms terms = terms(45, 45);
        List<Instant> monday = utcs("2026-03-09T22:00", "2026-03-09T22:45", "2026-03-09T23:30");
        List<Instant> tuesday = utcs("2026-03-10T00:00", "2026-03-10T00:45");
        assertThat(FreeSlots.find(schedule, UTC, BusyTimes.none(), terms, OPEN, MON, TUE)).containsExactlyElementsOf(monday);
        assertThat(FreeSlots.find(schedule, UTC, BusyTimes.none(), terms, OPEN, TUE, WED)).containsExactlyElementsOf(tuesday);
        // ranges starting inside either interval keep the same grid
        assertThat(FreeSlots.find(schedule, UTC, BusyTimes.none(), terms, OPEN, utc("2026-03-09T23:00"), WED))
                .containsExactlyElementsOf(utcs("2026-03-09T23:30", "2026-03-10T00:00", "2026-03-10T00:45"));
        assertThat(FreeSlots.find(schedule, UTC, BusyTimes.none(), terms, OPEN, utc("2026-03-10T00:10"), WED))
                .containsExactlyElementsOf(utcs("2026-03-10T00:45"));
        // a range over several weeks gives the same Monday/Tuesday times, once each
        List<Instant> twoWeeks = FreeSlots.find(schedule, UTC, BusyTimes.none(), terms, OPEN, utc("2026-03-02T00:00"), utc("2026-03-16T00:00"));
        assertThat(twoWeeks).isSorted().doesNotHaveDuplicates().hasSize(10).containsAll(monday).containsAll(tuesday);
    }

    @Test
    void minimumNoticeDoesNotShiftTheGridOfTheNextDaysInterval() {
        WeeklySchedule schedule = on(MONDAY, intervals("22:00-00:00"), TUESDAY, intervals("00:00-02:00"));
        ServiceTerms terms = terms(Duration.ofMinutes(45), Duration.ofMinutes(45), Duration.ZERO, Duration.ZERO, Duration.ofMinutes(10), 30);
        BookingWindow window = BookingWindow.of(terms, utc("2026-03-09T23:50")); // earliest 2026-03-10T00:00
        assertThat(FreeSlots.find(schedule, UTC, BusyTimes.none(), terms, window, MON, WED))
                .containsExactlyElementsOf(utcs("2026-03-10T00:00", "2026-03-10T00:45"));
    }

    @Test
    void withoutTheNextDaySlotsEndAtMidnight() {
        List<Instant> slots = FreeSlots.find(on(MONDAY, "22:00-00:00"), UTC, BusyTimes.none(), terms(60, 30), OPEN, MON, WED);
        assertThat(slots).containsExactlyElementsOf(utcs("2026-03-09T22:00", "2026-03-09T22:30", "2026-03-09T23:00"));
    }

    @Test
    void busyTimeAcrossMidnight() {
        WeeklySchedule schedule = on(MONDAY, intervals("22:00-00:00"), TUESDAY, intervals("00:00-02:00"));
        BusyTimes busy = busy(utcSlot("2026-03-09T23:30", "2026-03-10T00:30"));
        List<Instant> slots = FreeSlots.find(schedule, UTC, busy, terms(60, 30), OPEN, MON, WED);
        assertThat(slots).containsExactlyElementsOf(utcs(
                "2026-03-09T22:00", "2026-03-09T22:30", "2026-03-10T00:30", "2026-03-10T01:00"));
    }

    // ---------------------------------------------------------------- zones

    @Test
    void staffZoneDiffersFromTheZoneOfTheRequestedRange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZoneId newYork = ZoneId.of("America/New_York");
        // the customer asks for "Monday 2026-03-09 in New York" = 04:00Z .. 04:00Z next day (EDT)
        Instant from = ZonedDateTime.of(2026, 3, 9, 0, 0, 0, 0, newYork).toInstant();
        Instant to = ZonedDateTime.of(2026, 3, 10, 0, 0, 0, 0, newYork).toInstant();
        // staff works 09:00-12:00 Berlin time (UTC+1) every day: 08:00-11:00Z; Tuesday's 08:00Z is outside the range
        List<Instant> slots = FreeSlots.find(everyDay("09:00-12:00"), berlin, BusyTimes.none(), terms(60, 60), OPEN, from, to);
        assertThat(slots).containsExactlyElementsOf(mon("08:00", "09:00", "10:00"));
    }

    @Test
    void staffDayFallsOnAnotherCalendarDayThanTheCustomersDay() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        ZoneId newYork = ZoneId.of("America/New_York");
        // Monday 09:00-11:00 in Tokyo is Sunday 20:00-22:00 in New York (EDT)
        Instant from = ZonedDateTime.of(2026, 3, 8, 12, 0, 0, 0, newYork).toInstant();
        Instant to = ZonedDateTime.of(2026, 3, 9, 0, 0, 0, 0, newYork).toInstant();
        List<Instant> slots = FreeSlots.find(on(MONDAY, "09:00-11:00"), tokyo, BusyTimes.none(), terms(60, 60), OPEN, from, to);
        assertThat(slots).containsExactlyElementsOf(utcs("2026-03-09T00:00", "2026-03-09T01:00"));
        assertThat(slots.get(0).atZone(newYork).toLocalDateTime()).hasToString("2026-03-08T20:00");
    }

    @Test
    void halfHourZoneKeepsItsOwnGrid() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata"); // UTC+5:30
        List<Instant> slots = FreeSlots.find(on(MONDAY, "09:00-11:00"), kolkata, BusyTimes.none(), terms(60, 60), OPEN, MON, TUE);
        assertThat(slots).containsExactlyElementsOf(mon("03:30", "04:30"));
    }

    // ---------------------------------------------------------------- properties

    @ParameterizedTest(name = "working {0}")
    @CsvSource({
            "08:00-12:00 13:00-18:30 22:00-00:00",
            // touching across midnight, and 00:00-02:30 ends inside the 2026-03-08 spring-forward gap
            "00:00-02:30 08:00-12:00 13:00-18:30 22:00-00:00",
    })
    void everyOfferedSlotIsCoveredFreeAndInsideWindowAndRange(String workingIntervals) {
        Random random = new Random(7L);
        ZoneId zone = ZoneId.of("America/New_York");
        WeeklySchedule schedule = everyDay(workingIntervals.split(" "));
        Instant rangeStart = utc("2026-03-06T00:00");
        Instant rangeEnd = utc("2026-03-12T00:00");
        for (int round = 0; round < 40; round++) {
            List<TimeSlot> busyList = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Instant s = rangeStart.plusSeconds(60L * random.nextInt(6 * 24 * 60));
                busyList.add(new TimeSlot(s, s.plusSeconds(60L * (1 + random.nextInt(120)))));
            }
            BusyTimes busy = BusyTimes.of(busyList);
            ServiceTerms terms = terms(Duration.ofMinutes(5 + random.nextInt(120)), Duration.ofMinutes(5 * (1 + random.nextInt(12))),
                    Duration.ofMinutes(random.nextInt(20)), Duration.ofMinutes(random.nextInt(20)),
                    Duration.ofMinutes(random.nextInt(3 * 24 * 60)), 1 + random.nextInt(5));
            BookingWindow window = BookingWindow.of(terms, utc("2026-03-06T06:00"));
            List<Instant> slots = FreeSlots.find(schedule, zone, busy, terms, window, rangeStart, rangeEnd);

            assertThat(slots).as("round %d", round).isSorted().doesNotHaveDuplicates();
            for (Instant start : slots) {
                TimeSlot appointment = TimeSlot.of(start, terms.duration());
                assertThat(WorkingTime.covers(schedule, zone, appointment)).as("covered %s", start).isTrue();
                assertThat(busy.collides(appointment.widen(terms.bufferBefore(), terms.bufferAfter()))).as("free %s", start).isFalse();
                assertThat(window.tooSoon(start) || window.tooLate(start)).as("window %s", start).isFalse();
                assertThat(start).isBetween(rangeStart, rangeEnd).isNotEqualTo(rangeEnd);
            }
            assertThat(slots).as("round %d", round).containsExactlyElementsOf(bruteForce(schedule, zone, busy, terms, window, rangeStart, rangeEnd));
        }
    }

    /**
     * The straightforward reading of the rule, without the skip-ahead optimisation: every day's working interval
     * starts a grid (while the start lies inside that interval), the appointment must lie in one working stretch.
     */
    private static List<Instant> bruteForce(WeeklySchedule schedule, ZoneId zone, BusyTimes busy, ServiceTerms terms,
                                            BookingWindow window, Instant rangeStart, Instant rangeEnd) {
        TreeSet<Instant> result = new TreeSet<>();
        for (TimeSlot interval : WorkingTime.intervals(schedule, zone, rangeStart.minus(Duration.ofDays(2)), rangeEnd)) {
            for (Instant s = interval.start(); s.isBefore(interval.end()); s = s.plus(terms.slotInterval())) {
                TimeSlot appointment = TimeSlot.of(s, terms.duration());
                boolean inRange = !s.isBefore(rangeStart) && s.isBefore(rangeEnd);
                boolean inWindow = !window.tooSoon(s) && !window.tooLate(s);
                boolean fits = WorkingTime.covers(schedule, zone, appointment);
                boolean free = !busy.collides(appointment.widen(terms.bufferBefore(), terms.bufferAfter()));
                if (inRange && inWindow && fits && free) {
                    result.add(s);
                }
            }
        }
        return new ArrayList<>(result);
    }

    // ---------------------------------------------------------------- range independence and midnight

    @Test
    void slotStartingBeforeRangeEndMayRunIntoTheNextDaysInterval() {
        WeeklySchedule schedule = on(MONDAY, intervals("22:00-00:00"), TUESDAY, intervals("00:00-02:00"));
        // only Monday is asked for; 23:00 and 23:30 start on Monday and fit in the working time (see WorkingTime.covers)
        List<Instant> slots = FreeSlots.find(schedule, UTC, BusyTimes.none(), terms(90, 30), OPEN, MON, TUE);
        assertThat(WorkingTime.covers(schedule, UTC, TimeSlot.of(utc("2026-03-09T23:30"), Duration.ofMinutes(90)))).isTrue();
        assertThat(slots).containsExactlyElementsOf(mon("22:00", "22:30", "23:00", "23:30"));
    }

    @Test
    void slotsDoNotDependOnWhereTheRequestedRangeStarts() {
        WeeklySchedule schedule = on(MONDAY, intervals("22:00-00:00"), TUESDAY, intervals("00:00-02:00"));
        List<Instant> both = FreeSlots.find(schedule, UTC, BusyTimes.none(), terms(45, 45), OPEN, MON, WED);
        List<Instant> tuesdayOnly = FreeSlots.find(schedule, UTC, BusyTimes.none(), terms(45, 45), OPEN, TUE, WED);
        assertThat(tuesdayOnly).containsExactlyElementsOf(both.stream().filter(s -> !s.isBefore(TUE)).toList());
    }
}

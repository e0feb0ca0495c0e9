package dev.kairos.booking.scheduling;

import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.common.TimeSlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static dev.kairos.booking.scheduling.Fixtures.UTC;
import static dev.kairos.booking.scheduling.Fixtures.everyDay;
import static dev.kairos.booking.scheduling.Fixtures.intervals;
import static dev.kairos.booking.scheduling.Fixtures.local;
import static dev.kairos.booking.scheduling.Fixtures.on;
import static dev.kairos.booking.scheduling.Fixtures.total;
import static dev.kairos.booking.scheduling.Fixtures.utc;
import static dev.kairos.booking.scheduling.Fixtures.utcSlot;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class WorkingTimeTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    // 2026-03-09 is a Monday
    private static final Instant MON = utc("2026-03-09T00:00");
    private static final Instant TUE = utc("2026-03-10T00:00");
    private static final Instant WED = utc("2026-03-11T00:00");

    private static TimeSlot odt(String start, String end) {
        return new TimeSlot(OffsetDateTime.parse(start).toInstant(), OffsetDateTime.parse(end).toInstant());
    }

    @Test
    void noScheduleMeansNoWorkingTime() {
        assertThat(WorkingTime.between(new WeeklySchedule(null), UTC, MON, WED)).isEmpty();
    }

    @Test
    void severalIntervalsPerDayStaySeparate() {
        List<TimeSlot> stretches = WorkingTime.between(on(MONDAY, "13:00-17:00", "09:00-12:00"), UTC, MON, TUE);
        assertThat(stretches).containsExactly(
                utcSlot("2026-03-09T09:00", "2026-03-09T12:00"),
                utcSlot("2026-03-09T13:00", "2026-03-09T17:00"));
    }

    @Test
    void touchingIntervalsOfOneDayAreMerged() {
        List<TimeSlot> stretches = WorkingTime.between(on(MONDAY, "09:00-12:00", "12:00-13:00", "14:00-15:00"), UTC, MON, TUE);
        assertThat(stretches).containsExactly(
                utcSlot("2026-03-09T09:00", "2026-03-09T13:00"),
                utcSlot("2026-03-09T14:00", "2026-03-09T15:00"));
    }

    @Test
    void workAcrossMidnightIsOneStretch() {
        WeeklySchedule schedule = on(MONDAY, intervals("22:00-00:00"), TUESDAY, intervals("00:00-02:00"));
        assertThat(WorkingTime.between(schedule, UTC, MON, WED))
                .containsExactly(utcSlot("2026-03-09T22:00", "2026-03-10T02:00"));
    }

    @Test
    void roundTheClockWorkIsOneStretchOverSeveralDays() {
        // Monday to Wednesday round the clock is one stretch Mon 00:00 - Thu 00:00; it is returned whole although
        // the range covers only part of it
        WeeklySchedule schedule = new WeeklySchedule(Map.of(
                MONDAY, intervals("00:00-00:00"), TUESDAY, intervals("00:00-00:00"), WEDNESDAY, intervals("00:00-00:00")));
        assertThat(WorkingTime.between(schedule, UTC, utc("2026-03-09T12:00"), utc("2026-03-10T12:00")))
                .containsExactly(utcSlot("2026-03-09T00:00", "2026-03-12T00:00"));
        assertThat(WorkingTime.between(schedule, UTC, utc("2026-03-11T23:59"), utc("2026-03-12T00:01")))
                .containsExactly(utcSlot("2026-03-09T00:00", "2026-03-12T00:00"));
        // the stretch ends where the work ends
        assertThat(WorkingTime.between(schedule, UTC, utc("2026-03-12T00:00"), utc("2026-03-16T00:00"))).isEmpty();
    }

    @Test
    void roundTheClockWorkEveryDayIsOneStretchReachingBeyondTheRange() {
        // work that never ends has no finite "whole" stretch; at least the range is not cut: one stretch that
        // starts at a midnight no later than the range start and ends at a midnight after the range end
        List<TimeSlot> stretches = WorkingTime.between(everyDay("00:00-00:00"), UTC, utc("2026-03-09T12:00"), utc("2026-03-11T12:00"));
        assertThat(stretches).hasSize(1);
        assertThat(stretches.get(0).contains(utcSlot("2026-03-09T00:00", "2026-03-12T00:00"))).isTrue();
        assertThat(stretches.get(0).start().atZone(UTC).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(stretches.get(0).end().atZone(UTC).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
    }

    @Test
    void stretchOverlappingTheRangeIsNotCutAtTheRange() {
        WeeklySchedule schedule = on(MONDAY, intervals("22:00-00:00"), TUESDAY, intervals("00:00-02:00"));
        // the range overlaps only the Tuesday part, yet the whole stretch from Monday 22:00 comes back
        assertThat(WorkingTime.between(schedule, UTC, utc("2026-03-10T01:00"), utc("2026-03-10T01:30")))
                .containsExactly(utcSlot("2026-03-09T22:00", "2026-03-10T02:00"));
        // and overlapping only the Monday part returns it up to Tuesday 02:00
        assertThat(WorkingTime.between(schedule, UTC, utc("2026-03-09T21:00"), utc("2026-03-09T22:01")))
                .containsExactly(utcSlot("2026-03-09T22:00", "2026-03-10T02:00"));
        // intervals are the unmerged per-day pieces
        assertThat(WorkingTime.intervals(schedule, UTC, MON, WED))
                .containsExactly(utcSlot("2026-03-09T22:00", "2026-03-10T00:00"), utcSlot("2026-03-10T00:00", "2026-03-10T02:00"));
    }

    @Test
    void stretchesAreSortedOverAWeek() {
        List<TimeSlot> stretches = WorkingTime.between(everyDay("09:00-12:00", "13:00-17:00"), UTC, MON, utc("2026-03-16T00:00"));
        assertThat(stretches).hasSize(14).isSorted();
        assertThat(stretches.get(0)).isEqualTo(utcSlot("2026-03-09T09:00", "2026-03-09T12:00"));
        assertThat(stretches.get(13)).isEqualTo(utcSlot("2026-03-15T13:00", "2026-03-15T17:00"));
        assertThat(total(stretches)).isEqualTo(Duration.ofHours(49));
    }

    @Test
    void onlyStretchesOverlappingTheHalfOpenRangeAreReturned() {
        WeeklySchedule schedule = on(MONDAY, "09:00-12:00", "13:00-17:00");
        // the range touches both stretches but overlaps neither
        assertThat(WorkingTime.between(schedule, UTC, utc("2026-03-09T12:00"), utc("2026-03-09T13:00"))).isEmpty();
        assertThat(WorkingTime.between(schedule, UTC, utc("2026-03-09T17:00"), TUE)).isEmpty();
        assertThat(WorkingTime.between(schedule, UTC, MON, utc("2026-03-09T09:00"))).isEmpty();
        // a minute more on either side picks them up, unclipped
        assertThat(WorkingTime.between(schedule, UTC, utc("2026-03-09T11:59"), utc("2026-03-09T13:01")))
                .containsExactly(utcSlot("2026-03-09T09:00", "2026-03-09T12:00"), utcSlot("2026-03-09T13:00", "2026-03-09T17:00"));
    }

    @Test
    void wallClockIsReadInTheStaffZone() {
        // 2026-03-09: Berlin is UTC+1, New York already on EDT (UTC-4)
        assertThat(WorkingTime.between(on(MONDAY, "09:00-17:00"), BERLIN, MON, TUE))
                .containsExactly(utcSlot("2026-03-09T08:00", "2026-03-09T16:00"));
        assertThat(WorkingTime.between(on(MONDAY, "09:00-17:00"), NEW_YORK, MON, WED))
                .containsExactly(utcSlot("2026-03-09T13:00", "2026-03-09T21:00"));
    }

    @Test
    void staffDayMayLieOnAnotherUtcDate() {
        // Monday 08:00-10:00 in Tokyo is Sunday 23:00 - Monday 01:00 UTC
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertThat(WorkingTime.between(on(MONDAY, "08:00-10:00"), tokyo, utc("2026-03-08T12:00"), utc("2026-03-09T00:30")))
                .containsExactly(utcSlot("2026-03-08T23:00", "2026-03-09T01:00"));
    }

    @Test
    void coversOnlySlotsInsideOneStretch() {
        WeeklySchedule schedule = on(MONDAY, "09:00-12:00", "13:00-17:00");
        assertThat(WorkingTime.covers(schedule, UTC, utcSlot("2026-03-09T09:00", "2026-03-09T12:00"))).isTrue();
        assertThat(WorkingTime.covers(schedule, UTC, utcSlot("2026-03-09T10:00", "2026-03-09T11:00"))).isTrue();
        assertThat(WorkingTime.covers(schedule, UTC, utcSlot("2026-03-09T16:00", "2026-03-09T17:00"))).isTrue();
        // across the lunch break
        assertThat(WorkingTime.covers(schedule, UTC, utcSlot("2026-03-09T11:30", "2026-03-09T13:30"))).isFalse();
        // starting during the break
        assertThat(WorkingTime.covers(schedule, UTC, utcSlot("2026-03-09T12:30", "2026-03-09T13:30"))).isFalse();
        // partly outside
        assertThat(WorkingTime.covers(schedule, UTC, utcSlot("2026-03-09T08:59", "2026-03-09T10:00"))).isFalse();
        assertThat(WorkingTime.covers(schedule, UTC, utcSlot("2026-03-09T16:30", "2026-03-09T17:01"))).isFalse();
        // other day
        assertThat(WorkingTime.covers(schedule, UTC, utcSlot("2026-03-10T10:00", "2026-03-10T11:00"))).isFalse();
    }

    @Test
    void coversASlotSpanningMidnight() {
        WeeklySchedule schedule = on(MONDAY, intervals("22:00-00:00"), TUESDAY, intervals("00:00-02:00"));
        assertThat(WorkingTime.covers(schedule, UTC, utcSlot("2026-03-09T23:00", "2026-03-10T01:00"))).isTrue();
        assertThat(WorkingTime.covers(schedule, UTC, utcSlot("2026-03-09T22:00", "2026-03-10T02:00"))).isTrue();
        assertThat(WorkingTime.covers(schedule, UTC, utcSlot("2026-03-10T00:00", "2026-03-10T01:00"))).isTrue();
        assertThat(WorkingTime.covers(schedule, UTC, utcSlot("2026-03-09T23:00", "2026-03-10T02:01"))).isFalse();
        // Tuesday 22:00 is not a working time
        assertThat(WorkingTime.covers(schedule, UTC, utcSlot("2026-03-10T23:00", "2026-03-11T01:00"))).isFalse();
    }

    @Test
    void coversOnlyMidnightSpanningSlotIfNextDayContinues() {
        WeeklySchedule schedule = on(MONDAY, "22:00-00:00");
        assertThat(WorkingTime.covers(schedule, UTC, utcSlot("2026-03-09T23:00", "2026-03-10T00:00"))).isTrue();
        assertThat(WorkingTime.covers(schedule, UTC, utcSlot("2026-03-09T23:00", "2026-03-10T00:01"))).isFalse();
    }

    // ---------------------------------------------------------------- daylight saving

    @ParameterizedTest(name = "{0} {1}: a full working day lasts {2} minutes")
    @CsvSource({
            "Europe/Berlin,       2026-03-29, 1380",
            "Europe/Berlin,       2026-10-25, 1500",
            "America/New_York,    2026-03-08, 1380",
            "America/New_York,    2026-11-01, 1500",
            "Australia/Lord_Howe, 2026-04-05, 1470",
            "Australia/Lord_Howe, 2026-10-04, 1410",
            "Australia/Sydney,    2026-04-05, 1500",
            "Australia/Sydney,    2026-10-04, 1380",
            "America/Santiago,    2026-04-04, 1500",
            "America/Santiago,    2026-09-06, 1380",
            "Europe/Berlin,       2026-03-30, 1440",
    })
    void fullDayLastsAsLongAsItReallyLasts(String zoneName, LocalDate date, long minutes) {
        ZoneId zone = ZoneId.of(zoneName);
        WeeklySchedule schedule = on(date.getDayOfWeek(), "00:00-00:00");
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<TimeSlot> stretches = WorkingTime.between(schedule, zone, from, to);
        assertThat(stretches).containsExactly(new TimeSlot(from, to));
        assertThat(total(stretches)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @ParameterizedTest(name = "{0} {1} working {2}-{3}: {4} .. {5}")
    @CsvSource({
            // New York: 01:00-03:00 is one hour on the spring-forward night and three on the fall-back night
            "America/New_York,    2026-03-08, 01:00, 03:00, 2026-03-08T01:00-05:00, 2026-03-08T03:00-04:00,  60",
            "America/New_York,    2026-11-01, 01:00, 03:00, 2026-11-01T01:00-04:00, 2026-11-01T03:00-05:00, 180",
            // a start inside the gap resolves to the end of the gap (03:00 EDT), not shifted by the gap length
            "America/New_York,    2026-03-08, 02:30, 05:00, 2026-03-08T03:00-04:00, 2026-03-08T05:00-04:00, 120",
            // an ambiguous time takes the earlier offset
            "America/New_York,    2026-11-01, 01:30, 02:00, 2026-11-01T01:30-04:00, 2026-11-01T02:00-05:00,  90",
            "America/New_York,    2026-11-01, 00:00, 01:30, 2026-11-01T00:00-04:00, 2026-11-01T01:30-04:00,  90",
            "Europe/Berlin,       2026-03-29, 01:00, 04:00, 2026-03-29T01:00+01:00, 2026-03-29T04:00+02:00, 120",
            "Europe/Berlin,       2026-10-25, 01:00, 04:00, 2026-10-25T01:00+02:00, 2026-10-25T04:00+01:00, 240",
            "Europe/Berlin,       2026-03-29, 02:30, 04:00, 2026-03-29T03:00+02:00, 2026-03-29T04:00+02:00,  60",
            "Europe/Berlin,       2026-10-25, 02:30, 03:30, 2026-10-25T02:30+02:00, 2026-10-25T03:30+01:00, 120",
            // Lord Howe shifts by 30 minutes; its gap on 2026-10-04 is 02:00-02:30
            "Australia/Lord_Howe, 2026-04-05, 01:00, 03:00, 2026-04-05T01:00+11:00, 2026-04-05T03:00+10:30, 150",
            "Australia/Lord_Howe, 2026-10-04, 01:00, 03:00, 2026-10-04T01:00+10:30, 2026-10-04T03:00+11:00,  90",
            "Australia/Lord_Howe, 2026-10-04, 02:15, 03:00, 2026-10-04T02:30+11:00, 2026-10-04T03:00+11:00,  30",
            "Australia/Lord_Howe, 2026-04-05, 01:45, 02:00, 2026-04-05T01:45+11:00, 2026-04-05T02:00+10:30,  45",
            "Australia/Sydney,    2026-04-05, 01:00, 04:00, 2026-04-05T01:00+11:00, 2026-04-05T04:00+10:00, 240",
            "Australia/Sydney,    2026-10-04, 01:00, 04:00, 2026-10-04T01:00+10:00, 2026-10-04T04:00+11:00, 120",
            // Santiago changes at midnight: 00:00 does not exist on 2026-09-06
            "America/Santiago,    2026-09-06, 00:00, 02:00, 2026-09-06T01:00-03:00, 2026-09-06T02:00-03:00,  60",
            "America/Santiago,    2026-04-05, 00:00, 02:00, 2026-04-05T00:00-04:00, 2026-04-05T02:00-04:00, 120",
    })
    void intervalOnATransitionDay(String zoneName, LocalDate date, String from, String to, String expectedStart,
                                  String expectedEnd, long minutes) {
        ZoneId zone = ZoneId.of(zoneName);
        WeeklySchedule schedule = on(date.getDayOfWeek(), from + "-" + to);
        List<TimeSlot> stretches = WorkingTime.between(schedule, zone, local(date + "T00:00", zone).minusSeconds(7200),
                local(date.plusDays(1) + "T06:00", zone));
        assertThat(stretches).containsExactly(odt(expectedStart, expectedEnd));
        assertThat(total(stretches)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @ParameterizedTest(name = "{0} {1} working {2}-{3} lies in the gap")
    @CsvSource({
            "America/New_York,    2026-03-08, 02:00, 03:00",
            "Europe/Berlin,       2026-03-29, 02:00, 03:00",
            "Australia/Lord_Howe, 2026-10-04, 02:00, 02:30",
            "Australia/Sydney,    2026-10-04, 02:00, 03:00",
    })
    void intervalEntirelyInsideTheGapIsNoWorkingTime(String zoneName, LocalDate date, String from, String to) {
        ZoneId zone = ZoneId.of(zoneName);
        WeeklySchedule schedule = on(date.getDayOfWeek(), from + "-" + to);
        assertThat(WorkingTime.between(schedule, zone, local(date + "T00:00", zone), local(date + "T12:00", zone))).isEmpty();
    }

    @Test
    void intervalPartlyOrWhollyInsideTheGapLastsAsLongAsItReallyLasts() {
        WeeklySchedule whollyInside = on(SUNDAY, "02:15-02:45");
        assertThat(WorkingTime.between(whollyInside, NEW_YORK, utc("2026-03-08T00:00"), utc("2026-03-09T00:00"))).isEmpty();
        WeeklySchedule endsAfterGap = on(SUNDAY, "02:45-03:15");
        assertThat(WorkingTime.between(endsAfterGap, NEW_YORK, utc("2026-03-08T00:00"), utc("2026-03-09T00:00")))
                .containsExactly(odt("2026-03-08T03:00-04:00", "2026-03-08T03:15-04:00"));
    }

    /**
     * New York springs forward on 2026-03-08 from 02:00 EST (07:00Z) to 03:00 EDT: a bound inside the gap is the
     * instant the gap ends, 03:00 EDT; an interval whose bounds both resolve there is no time at all.
     */
    @ParameterizedTest(name = "New York 2026-03-08 working {0}-{1}: {2}")
    @CsvSource({
            "01:00, 03:00, 2026-03-08T01:00-05:00 2026-03-08T03:00-04:00",
            "02:00, 03:00, ''",
            "02:15, 02:45, ''",
            "02:00, 02:30, ''",
            "02:45, 03:15, 2026-03-08T03:00-04:00 2026-03-08T03:15-04:00",
            "02:30, 04:00, 2026-03-08T03:00-04:00 2026-03-08T04:00-04:00",
            "01:30, 02:30, 2026-03-08T01:30-05:00 2026-03-08T03:00-04:00",
            "00:00, 02:00, 2026-03-08T00:00-05:00 2026-03-08T03:00-04:00",
    })
    void boundInsideTheSpringForwardGapResolvesToTheEndOfTheGap(String from, String to, String expected) {
        WeeklySchedule schedule = on(SUNDAY, from + "-" + to);
        Instant dayStart = utc("2026-03-08T00:00");
        Instant dayEnd = utc("2026-03-09T12:00");
        List<TimeSlot> intervals = WorkingTime.intervals(schedule, NEW_YORK, dayStart, dayEnd);
        List<TimeSlot> stretches = WorkingTime.between(schedule, NEW_YORK, dayStart, dayEnd);
        if (expected.isBlank()) {
            assertThat(intervals).isEmpty();
            assertThat(stretches).isEmpty();
        } else {
            String[] bounds = expected.split(" ");
            assertThat(intervals).containsExactly(odt(bounds[0], bounds[1]));
            assertThat(stretches).containsExactly(odt(bounds[0], bounds[1]));
        }
    }

    @Test
    void springForwardIntervalsLastAsLongAsTheyReallyLast() {
        assertThat(total(WorkingTime.between(on(SUNDAY, "01:00-03:00"), NEW_YORK, utc("2026-03-08T00:00"), utc("2026-03-09T00:00"))))
                .isEqualTo(Duration.ofHours(1));
        assertThat(total(WorkingTime.between(on(SUNDAY, "02:30-04:00"), NEW_YORK, utc("2026-03-08T00:00"), utc("2026-03-09T00:00"))))
                .isEqualTo(Duration.ofHours(1));
        assertThat(total(WorkingTime.between(on(SUNDAY, "02:45-03:15"), NEW_YORK, utc("2026-03-08T00:00"), utc("2026-03-09T00:00"))))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void santiagoWorkAcrossAMidnightThatDoesNotExistIsOneStretch() {
        ZoneId santiago = ZoneId.of("America/Santiago");
        // Saturday 2026-09-05 22:00-24:00 (UTC-4), then Sunday from 01:00 (UTC-3): 00:00 is skipped
        WeeklySchedule schedule = on(date("2026-09-05").getDayOfWeek(), intervals("22:00-00:00"),
                date("2026-09-06").getDayOfWeek(), intervals("00:00-02:00"));
        List<TimeSlot> stretches = WorkingTime.between(schedule, santiago, utc("2026-09-05T12:00"), utc("2026-09-06T12:00"));
        assertThat(stretches).containsExactly(odt("2026-09-05T22:00-04:00", "2026-09-06T02:00-03:00"));
        assertThat(total(stretches)).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void santiagoWorkAcrossARepeatedHourBeforeMidnightIsOneStretch() {
        ZoneId santiago = ZoneId.of("America/Santiago");
        // Saturday 2026-04-04: 23:00-24:00 happens twice (first UTC-3, then UTC-4)
        WeeklySchedule schedule = on(date("2026-04-04").getDayOfWeek(), intervals("22:00-00:00"),
                date("2026-04-05").getDayOfWeek(), intervals("00:00-02:00"));
        List<TimeSlot> stretches = WorkingTime.between(schedule, santiago, utc("2026-04-04T12:00"), utc("2026-04-05T12:00"));
        assertThat(stretches).containsExactly(odt("2026-04-04T22:00-03:00", "2026-04-05T02:00-04:00"));
        assertThat(total(stretches)).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void coversOnATransitionNight() {
        WeeklySchedule schedule = on(SUNDAY, "01:00-03:00");
        // spring forward: 01:00 EST - 03:00 EDT is one real hour
        assertThat(WorkingTime.covers(schedule, NEW_YORK, odt("2026-03-08T01:00-05:00", "2026-03-08T03:00-04:00"))).isTrue();
        assertThat(WorkingTime.covers(schedule, NEW_YORK, odt("2026-03-08T01:30-05:00", "2026-03-08T03:01-04:00"))).isFalse();
        // fall back: the second 01:30 (EST) is working time too
        assertThat(WorkingTime.covers(schedule, NEW_YORK, odt("2026-11-01T01:30-05:00", "2026-11-01T02:30-05:00"))).isTrue();
        assertThat(WorkingTime.covers(schedule, NEW_YORK, odt("2026-11-01T00:59-04:00", "2026-11-01T02:00-05:00"))).isFalse();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}

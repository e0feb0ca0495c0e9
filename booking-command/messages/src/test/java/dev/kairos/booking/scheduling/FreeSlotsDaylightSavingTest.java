package dev.kairos.booking.scheduling;

import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.common.TimeSlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static dev.kairos.booking.scheduling.Fixtures.OPEN;
import static dev.kairos.booking.scheduling.Fixtures.everyDay;
import static dev.kairos.booking.scheduling.Fixtures.local;
import static dev.kairos.booking.scheduling.Fixtures.on;
import static dev.kairos.booking.scheduling.Fixtures.terms;
import static dev.kairos.booking.scheduling.Fixtures.total;
import static dev.kairos.booking.scheduling.Fixtures.utc;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Free slots on the spring-forward and fall-back days of several zones. Expected slots are written as offset
 * date-times so that both the wall-clock time and the real instant are visible.
 */
class FreeSlotsDaylightSavingTest {

    /**
     * zone, working intervals (every day), range start and end (local, unambiguous), service minutes, slot interval
     * minutes, expected working minutes inside the range, expected slots.
     */
    static Stream<Arguments> transitions() {
        return Stream.of(
                // ---- Europe/Berlin: 2026-03-29 02:00 -> 03:00, 2026-10-25 03:00 -> 02:00
                arguments("Europe/Berlin", "01:00-04:00", "2026-03-29T00:00", "2026-03-29T12:00", 30, 30, 120,
                        "2026-03-29T01:00+01:00 2026-03-29T01:30+01:00 2026-03-29T03:00+02:00 2026-03-29T03:30+02:00"),
                arguments("Europe/Berlin", "01:00-04:00", "2026-10-25T00:00", "2026-10-25T12:00", 30, 30, 240,
                        "2026-10-25T01:00+02:00 2026-10-25T01:30+02:00 2026-10-25T02:00+02:00 2026-10-25T02:30+02:00 "
                                + "2026-10-25T02:00+01:00 2026-10-25T02:30+01:00 2026-10-25T03:00+01:00 2026-10-25T03:30+01:00"),
                arguments("Europe/Berlin", "01:00-04:00", "2026-03-29T00:00", "2026-03-29T12:00", 60, 60, 120,
                        "2026-03-29T01:00+01:00 2026-03-29T03:00+02:00"),
                arguments("Europe/Berlin", "01:00-04:00", "2026-10-25T00:00", "2026-10-25T12:00", 60, 60, 240,
                        "2026-10-25T01:00+02:00 2026-10-25T02:00+02:00 2026-10-25T02:00+01:00 2026-10-25T03:00+01:00"),
                // a start inside the gap resolves to the end of the gap, 03:00 CEST
                arguments("Europe/Berlin", "02:30-04:00", "2026-03-29T00:00", "2026-03-29T12:00", 30, 30, 60,
                        "2026-03-29T03:00+02:00 2026-03-29T03:30+02:00"),

                // ---- America/New_York: 2026-03-08 02:00 -> 03:00, 2026-11-01 02:00 -> 01:00
                arguments("America/New_York", "01:00-03:00", "2026-03-08T00:00", "2026-03-08T12:00", 30, 30, 60,
                        "2026-03-08T01:00-05:00 2026-03-08T01:30-05:00"),
                arguments("America/New_York", "01:00-03:00", "2026-03-08T00:00", "2026-03-08T12:00", 60, 60, 60,
                        "2026-03-08T01:00-05:00"),
                arguments("America/New_York", "01:00-03:00", "2026-03-08T00:00", "2026-03-08T12:00", 61, 60, 60,
                        ""),
                arguments("America/New_York", "01:00-03:00", "2026-11-01T00:00", "2026-11-01T12:00", 30, 30, 180,
                        "2026-11-01T01:00-04:00 2026-11-01T01:30-04:00 2026-11-01T01:00-05:00 2026-11-01T01:30-05:00 "
                                + "2026-11-01T02:00-05:00 2026-11-01T02:30-05:00"),
                arguments("America/New_York", "01:00-03:00", "2026-11-01T00:00", "2026-11-01T12:00", 60, 60, 180,
                        "2026-11-01T01:00-04:00 2026-11-01T01:00-05:00 2026-11-01T02:00-05:00"),
                arguments("America/New_York", "01:00-03:00", "2026-11-01T00:00", "2026-11-01T12:00", 180, 15, 180,
                        "2026-11-01T01:00-04:00"),
                arguments("America/New_York", "02:30-05:00", "2026-03-08T00:00", "2026-03-08T12:00", 30, 30, 120,
                        "2026-03-08T03:00-04:00 2026-03-08T03:30-04:00 2026-03-08T04:00-04:00 2026-03-08T04:30-04:00"),
                // the cases of a bound inside the 02:00-03:00 gap
                arguments("America/New_York", "02:00-03:00", "2026-03-08T00:00", "2026-03-08T12:00", 15, 15, 0, ""),
                arguments("America/New_York", "02:15-02:45", "2026-03-08T00:00", "2026-03-08T12:00", 15, 15, 0, ""),
                arguments("America/New_York", "02:45-03:15", "2026-03-08T00:00", "2026-03-08T12:00", 15, 15, 15,
                        "2026-03-08T03:00-04:00"),
                arguments("America/New_York", "02:30-04:00", "2026-03-08T00:00", "2026-03-08T12:00", 30, 30, 60,
                        "2026-03-08T03:00-04:00 2026-03-08T03:30-04:00"),

                // ---- Australia/Lord_Howe (30 minute shift): 2026-04-05 02:00 -> 01:30, 2026-10-04 02:00 -> 02:30
                arguments("Australia/Lord_Howe", "01:00-03:00", "2026-04-05T00:00", "2026-04-05T12:00", 30, 30, 150,
                        "2026-04-05T01:00+11:00 2026-04-05T01:30+11:00 2026-04-05T01:30+10:30 2026-04-05T02:00+10:30 "
                                + "2026-04-05T02:30+10:30"),
                arguments("Australia/Lord_Howe", "01:00-03:00", "2026-10-04T00:00", "2026-10-04T12:00", 30, 30, 90,
                        "2026-10-04T01:00+10:30 2026-10-04T01:30+10:30 2026-10-04T02:30+11:00"),
                // an hourly grid keeps stepping in real hours, so after the shift it sits on the half hour
                arguments("Australia/Lord_Howe", "00:00-06:00", "2026-10-03T12:00", "2026-10-04T12:00", 60, 60, 330,
                        "2026-10-04T00:00+10:30 2026-10-04T01:00+10:30 2026-10-04T02:30+11:00 2026-10-04T03:30+11:00 "
                                + "2026-10-04T04:30+11:00"),
                arguments("Australia/Lord_Howe", "00:00-06:00", "2026-04-04T12:00", "2026-04-05T12:00", 60, 60, 390,
                        "2026-04-05T00:00+11:00 2026-04-05T01:00+11:00 2026-04-05T01:30+10:30 2026-04-05T02:30+10:30 "
                                + "2026-04-05T03:30+10:30 2026-04-05T04:30+10:30"),
                // 02:15 lies in the 02:00-02:30 gap and resolves to 02:30 (+11:00)
                arguments("Australia/Lord_Howe", "02:15-03:00", "2026-10-04T00:00", "2026-10-04T12:00", 15, 15, 30,
                        "2026-10-04T02:30+11:00 2026-10-04T02:45+11:00"),

                // ---- Australia/Sydney: 2026-04-05 03:00 -> 02:00, 2026-10-04 02:00 -> 03:00
                arguments("Australia/Sydney", "01:00-04:00", "2026-04-05T00:00", "2026-04-05T12:00", 60, 60, 240,
                        "2026-04-05T01:00+11:00 2026-04-05T02:00+11:00 2026-04-05T02:00+10:00 2026-04-05T03:00+10:00"),
                arguments("Australia/Sydney", "01:00-04:00", "2026-10-04T00:00", "2026-10-04T12:00", 60, 60, 120,
                        "2026-10-04T01:00+10:00 2026-10-04T03:00+11:00"),

                // ---- America/Santiago (changes at midnight): 2026-04-05 00:00 -> 2026-04-04 23:00, 2026-09-06 00:00 -> 01:00
                arguments("America/Santiago", "22:00-00:00 00:00-02:00", "2026-04-04T12:00", "2026-04-05T12:00", 60, 60, 300,
                        "2026-04-04T22:00-03:00 2026-04-04T23:00-03:00 2026-04-04T23:00-04:00 2026-04-05T00:00-04:00 "
                                + "2026-04-05T01:00-04:00"),
                arguments("America/Santiago", "22:00-00:00 00:00-02:00", "2026-09-05T12:00", "2026-09-06T12:00", 60, 60, 180,
                        "2026-09-05T22:00-04:00 2026-09-05T23:00-04:00 2026-09-06T01:00-03:00"),
                arguments("America/Santiago", "22:00-00:00 00:00-02:00", "2026-09-05T12:00", "2026-09-06T12:00", 90, 30, 180,
                        "2026-09-05T22:00-04:00 2026-09-05T22:30-04:00 2026-09-05T23:00-04:00 2026-09-05T23:30-04:00")
        );
    }

    @ParameterizedTest(name = "{0} working {1}, {2}..{3}, {4} min every {5} min")
    @MethodSource("transitions")
    void slotsOnTransitionDays(String zoneName, String workingIntervals, String rangeStart, String rangeEnd,
                               int durationMinutes, int intervalMinutes, long workingMinutes, String expectedSlots) {
        ZoneId zone = ZoneId.of(zoneName);
        WeeklySchedule schedule = everyDay(workingIntervals.split(" "));
        Instant from = local(rangeStart, zone);
        Instant to = local(rangeEnd, zone);

        List<TimeSlot> stretches = WorkingTime.between(schedule, zone, from, to);
        assertThat(total(stretches)).as("real working time").isEqualTo(Duration.ofMinutes(workingMinutes));

        List<Instant> slots = FreeSlots.find(schedule, zone, BusyTimes.none(), terms(durationMinutes, intervalMinutes), OPEN, from, to);
        assertThat(slots).containsExactlyElementsOf(instants(expectedSlots));
        // every offered appointment really lasts its duration and lies inside the real working time
        for (Instant start : slots) {
            assertThat(WorkingTime.covers(schedule, zone, TimeSlot.of(start, Duration.ofMinutes(durationMinutes)))).isTrue();
        }
    }

    @Test
    void newYorkFallBackOffersBothOneThirties() {
        ZoneId ny = ZoneId.of("America/New_York");
        List<Instant> slots = FreeSlots.find(on(SUNDAY, "01:00-03:00"), ny, BusyTimes.none(), terms(30, 30), OPEN,
                utc("2026-11-01T00:00"), utc("2026-11-02T00:00"));
        Instant firstOneThirty = OffsetDateTime.parse("2026-11-01T01:30-04:00").toInstant();
        Instant secondOneThirty = OffsetDateTime.parse("2026-11-01T01:30-05:00").toInstant();
        assertThat(slots).contains(firstOneThirty, secondOneThirty);
        assertThat(Duration.between(firstOneThirty, secondOneThirty)).isEqualTo(Duration.ofHours(1));
        assertThat(firstOneThirty.atZone(ny).toLocalTime()).isEqualTo(secondOneThirty.atZone(ny).toLocalTime());
    }

    @Test
    void busyFirstOneThirtyDoesNotBlockTheSecond() {
        ZoneId ny = ZoneId.of("America/New_York");
        Instant firstOneThirty = OffsetDateTime.parse("2026-11-01T01:30-04:00").toInstant();
        BusyTimes busy = BusyTimes.of(List.of(TimeSlot.of(firstOneThirty, Duration.ofMinutes(30))));
        List<Instant> slots = FreeSlots.find(on(SUNDAY, "01:00-03:00"), ny, busy, terms(30, 30), OPEN,
                utc("2026-11-01T00:00"), utc("2026-11-02T00:00"));
        assertThat(slots).doesNotContain(firstOneThirty)
                .contains(OffsetDateTime.parse("2026-11-01T01:30-05:00").toInstant())
                .hasSize(5);
    }

    @ParameterizedTest(name = "{0} {1}: {2} hourly slots round the clock")
    @CsvSource({
            "Europe/Berlin,       2026-03-29, 60, 23",
            "Europe/Berlin,       2026-10-25, 60, 25",
            "America/New_York,    2026-03-08, 60, 23",
            "America/New_York,    2026-11-01, 60, 25",
            "Australia/Lord_Howe, 2026-10-04, 30, 47",
            "Australia/Lord_Howe, 2026-04-05, 30, 49",
            "Australia/Sydney,    2026-10-04, 60, 23",
            "Australia/Sydney,    2026-04-05, 60, 25",
            "America/Santiago,    2026-09-06, 60, 23",
            "America/Santiago,    2026-04-04, 60, 25",
            "America/New_York,    2026-03-09, 60, 24",
    })
    void fullDayOnATransitionDate(String zoneName, LocalDate date, int minutes, int expectedSlots) {
        ZoneId zone = ZoneId.of(zoneName);
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Instant> slots = FreeSlots.find(on(date.getDayOfWeek(), "00:00-00:00"), zone, BusyTimes.none(),
                terms(minutes, minutes), OPEN, from, to);
        assertThat(slots).hasSize(expectedSlots);
        assertThat(slots.get(0)).isEqualTo(from);
        assertThat(slots.get(slots.size() - 1)).isEqualTo(to.minus(Duration.ofMinutes(minutes)));
        for (int i = 1; i < slots.size(); i++) {
            assertThat(Duration.between(slots.get(i - 1), slots.get(i))).isEqualTo(Duration.ofMinutes(minutes));
        }
    }

    @Test
    void staffInBerlinSeenFromNewYorkDuringTheWeeksTheirClocksDisagree() {
        // New York is on EDT from 2026-03-08, Berlin only from 2026-03-29: the gap between them is 5 hours
        // instead of 6, and on the Berlin transition night working 01:00-04:00 is still 2 real hours.
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZoneId ny = ZoneId.of("America/New_York");
        Instant from = local("2026-03-28T12:00", ny);
        Instant to = local("2026-03-29T12:00", ny);
        List<Instant> slots = FreeSlots.find(everyDay("01:00-04:00"), berlin, BusyTimes.none(), terms(60, 60), OPEN, from, to);
        assertThat(slots).containsExactly(
                OffsetDateTime.parse("2026-03-28T20:00-04:00").toInstant(),
                OffsetDateTime.parse("2026-03-28T21:00-04:00").toInstant());
        assertThat(slots.get(0).atZone(berlin).toLocalTime()).hasToString("01:00");
        assertThat(slots.get(1).atZone(berlin).toLocalTime()).hasToString("03:00");
    }

    private static List<Instant> instants(String offsetDateTimes) {
        if (offsetDateTimes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(offsetDateTimes.split(" ")).map(s -> OffsetDateTime.parse(s).toInstant()).toList();
    }
}

package dev.kairos.booking.series;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expansion of recurrence rules in wall-clock time, across daylight-saving changes in both hemispheres. */
class RecurrenceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

    private static List<Occurrence> expand(String rule, String firstStart, ZoneId zone) {
        return Recurrence.parse(rule).expand(LocalDateTime.parse(firstStart), zone);
    }

    private static List<LocalDate> dates(List<Occurrence> occurrences) {
        return occurrences.stream().map(o -> o.localStart().toLocalDate()).toList();
    }

    private static void staysAtLocalTime(List<Occurrence> occurrences, ZoneId zone, String time) {
        for (Occurrence o : occurrences) {
            assertThat(o.localStart().toLocalTime()).isEqualTo(LocalTime.parse(time));
            assertThat(o.start().atZone(zone).toLocalTime()).as("occurrence %s", o).isEqualTo(LocalTime.parse(time));
        }
    }

    @Test
    void weeklyInBerlinStaysAtNineLocalAcrossSpringAndAutumnChanges() {
        // Monday 2027-03-22 to Monday 2027-04-05 crosses 28 March (CET -> CEST)
        List<Occurrence> spring = expand("FREQ=WEEKLY;BYDAY=MO;COUNT=3", "2027-03-22T09:00", BERLIN);
        assertThat(dates(spring)).containsExactly(LocalDate.of(2027, 3, 22), LocalDate.of(2027, 3, 29), LocalDate.of(2027, 4, 5));
        staysAtLocalTime(spring, BERLIN, "09:00");
        assertThat(spring.get(0).start()).isEqualTo(Instant.parse("2027-03-22T08:00:00Z"));
        assertThat(spring.get(1).start()).isEqualTo(Instant.parse("2027-03-29T07:00:00Z"));
        assertThat(Duration.between(spring.get(0).start(), spring.get(1).start())).isEqualTo(Duration.ofHours(167));

        // 31 October 2027 (CEST -> CET)
        List<Occurrence> autumn = expand("FREQ=WEEKLY;BYDAY=MO;COUNT=2", "2027-10-25T09:00", BERLIN);
        staysAtLocalTime(autumn, BERLIN, "09:00");
        assertThat(autumn.get(0).start()).isEqualTo(Instant.parse("2027-10-25T07:00:00Z"));
        assertThat(autumn.get(1).start()).isEqualTo(Instant.parse("2027-11-01T08:00:00Z"));
    }

    @Test
    void weeklyInNewYorkStaysAtNineLocalAcrossItsOwnChangeDates() {
        // 14 March 2027 and 7 November 2027
        List<Occurrence> spring = expand("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4", "2027-03-09T09:00", NEW_YORK);
        assertThat(dates(spring)).containsExactly(LocalDate.of(2027, 3, 9), LocalDate.of(2027, 3, 11),
                LocalDate.of(2027, 3, 16), LocalDate.of(2027, 3, 18));
        staysAtLocalTime(spring, NEW_YORK, "09:00");
        assertThat(spring.get(1).start()).isEqualTo(Instant.parse("2027-03-11T14:00:00Z"));
        assertThat(spring.get(2).start()).isEqualTo(Instant.parse("2027-03-16T13:00:00Z"));
        List<Occurrence> autumn = expand("FREQ=WEEKLY;COUNT=2", "2027-11-02T09:00", NEW_YORK);
        assertThat(autumn.get(1).start()).isEqualTo(Instant.parse("2027-11-09T14:00:00Z"));
    }

    @Test
    void weeklyInSydneyFollowsTheSouthernHemisphereChanges() {
        // daylight saving ends 4 April 2027 (AEDT +11 -> AEST +10) and starts 3 October 2027
        List<Occurrence> april = expand("FREQ=WEEKLY;COUNT=2", "2027-03-31T09:00", SYDNEY);
        staysAtLocalTime(april, SYDNEY, "09:00");
        assertThat(april.get(0).start()).isEqualTo(Instant.parse("2027-03-30T22:00:00Z"));
        assertThat(april.get(1).start()).isEqualTo(Instant.parse("2027-04-06T23:00:00Z"));
        List<Occurrence> october = expand("FREQ=WEEKLY;COUNT=2", "2027-09-29T09:00", SYDNEY);
        assertThat(october.get(0).start()).isEqualTo(Instant.parse("2027-09-28T23:00:00Z"));
        assertThat(october.get(1).start()).isEqualTo(Instant.parse("2027-10-05T22:00:00Z"));
    }

    @Test
    void lordHoweShiftsByHalfAnHourAndTheSeriesStaysAtLocalTime() {
        // Lord Howe: +11 in summer, +10:30 in winter; the change is on 4 April 2027 at 02:00 local
        List<Occurrence> daily = expand("FREQ=DAILY;COUNT=3", "2027-04-03T09:00", LORD_HOWE);
        staysAtLocalTime(daily, LORD_HOWE, "09:00");
        assertThat(Duration.between(daily.get(0).start(), daily.get(1).start())).isEqualTo(Duration.ofMinutes(24 * 60 + 30));
        assertThat(Duration.between(daily.get(1).start(), daily.get(2).start())).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aLocalTimeInsideTheSpringForwardGapResolvesToTheEndOfTheGap() {
        // Berlin jumps from 02:00 to 03:00 on 28 March 2027: 02:30 that night is 03:00 CEST, other nights 02:30
        List<Occurrence> daily = expand("FREQ=DAILY;COUNT=3", "2027-03-27T02:30", BERLIN);
        assertThat(daily.get(1).localStart()).isEqualTo(LocalDateTime.parse("2027-03-28T02:30"));
        assertThat(daily.get(1).start()).isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
        assertThat(daily.get(2).start().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
    }

    @Test
    void anAmbiguousLocalTimeInTheFallBackOverlapTakesTheEarlierOffset() {
        List<Occurrence> daily = expand("FREQ=DAILY;COUNT=1", "2027-10-31T02:30", BERLIN);
        assertThat(daily.get(0).start()).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
    }

    @Test
    void dailyWithCountAndInterval() {
        assertThat(dates(expand("FREQ=DAILY;COUNT=3", "2026-12-01T10:00", BERLIN)))
                .containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 3));
        assertThat(dates(expand("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=3", "2026-12-01T10:00", BERLIN)))
                .containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15), LocalDate.of(2026, 12, 29));
        List<Occurrence> indexed = expand("RRULE:FREQ=DAILY;INTERVAL=3;COUNT=3", "2026-12-01T10:00", BERLIN);
        assertThat(indexed).extracting(Occurrence::index).containsExactly(0, 1, 2);
        assertThat(dates(indexed)).containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 7));
    }

    @Test
    void monthlyOnThe31stSkipsShortMonths() {
        assertThat(dates(expand("FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4", "2027-01-31T09:00", BERLIN)))
                .containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31),
                        LocalDate.of(2027, 7, 31));
    }

    @Test
    void monthlyOnTheSecondTuesdayByOrdinalOrBySetPosition() {
        List<LocalDate> expected = List.of(LocalDate.of(2026, 12, 8), LocalDate.of(2027, 1, 12), LocalDate.of(2027, 2, 9));
        assertThat(dates(expand("FREQ=MONTHLY;BYDAY=2TU;COUNT=3", "2026-12-01T09:00", BERLIN))).isEqualTo(expected);
        assertThat(dates(expand("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;COUNT=3", "2026-12-01T09:00", BERLIN))).isEqualTo(expected);
    }

    @Test
    void untilAsDateLocalDateTimeOrUtcIsInclusive() {
        List<LocalDate> three = List.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 15));
        assertThat(dates(expand("FREQ=WEEKLY;UNTIL=20261215", "2026-12-01T09:00", BERLIN))).isEqualTo(three);
        assertThat(dates(expand("FREQ=WEEKLY;UNTIL=20261215T090000", "2026-12-01T09:00", BERLIN))).isEqualTo(three);
        assertThat(dates(expand("FREQ=WEEKLY;UNTIL=20261215T080000Z", "2026-12-01T09:00", BERLIN))).isEqualTo(three);
        assertThat(dates(expand("FREQ=WEEKLY;UNTIL=20261215T075959Z", "2026-12-01T09:00", BERLIN))).hasSize(2);
    }

    @Test
    void theFirstStartCountsOnlyWhenItMatchesTheRule() {
        assertThat(dates(expand("FREQ=WEEKLY;BYDAY=MO;COUNT=2", "2026-12-01T09:00", BERLIN)))
                .containsExactly(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 14));
    }

    @ParameterizedTest(name = "{0} is invalid")
    @ValueSource(strings = {"", "   ", "garbage", "FREQ=YEARLY;COUNT=2", "FREQ=HOURLY;COUNT=2", "FREQ=BOGUS;COUNT=2",
            "FREQ=WEEKLY", "FREQ=WEEKLY;COUNT=2;UNTIL=20270101", "FREQ=WEEKLY;COUNT=0", "FREQ=WEEKLY;COUNT=abc",
            "FREQ=WEEKLY;INTERVAL=0;COUNT=2", "FREQ=WEEKLY;BYDAY=XX;COUNT=2", "FREQ=WEEKLY;BYHOUR=9;COUNT=2",
            "FREQ=WEEKLY;COUNT=2;COUNT=3", "FREQ=WEEKLY;UNTIL=2027-01-01", "FREQ=DAILY;UNTIL=20261101",
            "COUNT=2", "FREQ=WEEKLY;;COUNT=2"})
    void invalidRulesAreRejectedWithACode(String rule) {
        assertThatThrownBy(() -> expand(rule, "2026-12-01T09:00", BERLIN))
                .isInstanceOfSatisfying(BookingException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_RECURRENCE));
    }

    @Test
    void aSeriesIsBoundedTo104Occurrences() {
        assertThat(expand("FREQ=DAILY;COUNT=104", "2026-12-01T09:00", BERLIN)).hasSize(104);
        for (String rule : List.of("FREQ=DAILY;COUNT=105", "FREQ=DAILY;UNTIL=20300101")) {
            assertThatThrownBy(() -> expand(rule, "2026-12-01T09:00", BERLIN))
                    .isInstanceOfSatisfying(BookingException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SERIES_TOO_LONG));
        }
    }

    @Test
    void occurrenceIdsDeriveFromTheSeriesAndTheIndex() {
        SeriesId series = SeriesId.of("00000000-0000-0000-0000-000000000001");
        assertThat(series.occurrence(3)).isEqualTo(SeriesId.of("00000000-0000-0000-0000-000000000001").occurrence(3));
        assertThat(series.occurrence(3)).isNotEqualTo(series.occurrence(4));
        assertThat(series.occurrence(3)).isNotEqualTo(SeriesId.of("00000000-0000-0000-0000-000000000002").occurrence(3));
    }
}

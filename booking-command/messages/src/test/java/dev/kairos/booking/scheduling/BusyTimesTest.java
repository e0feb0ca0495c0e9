package dev.kairos.booking.scheduling;

import dev.kairos.booking.common.TimeSlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static dev.kairos.booking.scheduling.Fixtures.utcSlot;
import static org.assertj.core.api.Assertions.assertThat;

class BusyTimesTest {

    private static final Instant BASE = Instant.parse("2026-03-08T00:00:00Z");

    private static TimeSlot t(String start, String end) {
        return utcSlot("2026-03-08T" + start, "2026-03-08T" + end);
    }

    @Test
    void sortedMicrosecondInputAnswersLikeTheGeneralFactory() {
        Random random = new Random(7L);
        List<TimeSlot> intervals = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            intervals.add(randomSlot(random, 24 * 60, 180));
        }
        intervals.sort(null);
        BusyTimes.Sorted sorted = BusyTimes.sorted();
        intervals.forEach(slot -> sorted.add(micros(slot.start()), micros(slot.end())));
        BusyTimes fromMicros = sorted.build();
        BusyTimes general = BusyTimes.of(intervals);
        for (int q = 0; q < 2_000; q++) {
            TimeSlot query = randomSlot(random, 24 * 60, 180);
            assertThat(fromMicros.collides(query)).as("query %s", query).isEqualTo(general.collides(query));
        }
    }

    @Test
    void sortedInputOutOfOrderIsRefused() {
        BusyTimes.Sorted sorted = BusyTimes.sorted().add(2_000_000, 3_000_000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sorted.add(1_000_000, 4_000_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    @Test
    void nothingCollidesWithNone() {
        assertThat(BusyTimes.none().collides(t("00:00", "23:59"))).isFalse();
        assertThat(BusyTimes.of(List.of()).collides(t("00:00", "23:59"))).isFalse();
    }

    @ParameterizedTest(name = "busy 10:00-11:00, query {0}-{1} collides={2}")
    @CsvSource({
            "09:00, 10:00, false", // back-to-back before
            "11:00, 12:00, false", // back-to-back after
            "08:00, 09:00, false",
            "12:00, 13:00, false",
            "09:00, 10:01, true",
            "10:59, 12:00, true",
            "10:00, 11:00, true",
            "10:15, 10:45, true",
            "09:00, 12:00, true",
            "10:00, 10:01, true",
            "10:59, 11:00, true",
    })
    void singleIntervalIsHalfOpen(String start, String end, boolean collides) {
        BusyTimes busy = BusyTimes.of(List.of(t("10:00", "11:00")));
        assertThat(busy.collides(t(start, end))).isEqualTo(collides);
    }

    @Test
    void touchingBusyIntervalsLeaveNoGapButDoNotBlockNeighbours() {
        BusyTimes busy = BusyTimes.of(List.of(t("10:00", "11:00"), t("11:00", "12:00")));
        assertThat(busy.collides(t("09:00", "10:00"))).isFalse();
        assertThat(busy.collides(t("12:00", "13:00"))).isFalse();
        assertThat(busy.collides(t("10:59", "11:01"))).isTrue();
        assertThat(busy.collides(t("11:00", "11:01"))).isTrue();
    }

    @Test
    void gapBetweenBusyIntervalsIsFreeExactly() {
        BusyTimes busy = BusyTimes.of(List.of(t("12:00", "13:00"), t("09:00", "10:00")));
        assertThat(busy.collides(t("10:00", "12:00"))).isFalse();
        assertThat(busy.collides(t("09:59", "12:00"))).isTrue();
        assertThat(busy.collides(t("10:00", "12:01"))).isTrue();
    }

    @Test
    void longEarlyIntervalStillBlocksLaterQueries() {
        // a long interval sorted first must be found even though later, shorter ones start closer to the query
        BusyTimes busy = BusyTimes.of(List.of(t("10:00", "10:30"), t("08:00", "18:00"), t("11:00", "11:15"), t("12:00", "12:05")));
        assertThat(busy.collides(t("16:00", "16:30"))).isTrue();
        assertThat(busy.collides(t("17:59", "19:00"))).isTrue();
        assertThat(busy.collides(t("18:00", "19:00"))).isFalse();
        assertThat(busy.collides(t("07:00", "08:00"))).isFalse();
    }

    @Test
    void unsortedOverlappingAndDuplicateInputs() {
        List<TimeSlot> input = List.of(
                t("14:00", "15:00"), t("09:00", "09:45"), t("09:30", "10:30"), t("14:00", "15:00"),
                t("14:30", "14:45"), t("09:00", "09:15"), t("20:00", "21:00"));
        BusyTimes busy = BusyTimes.of(input);
        assertThat(busy.collides(t("10:30", "14:00"))).isFalse();
        assertThat(busy.collides(t("10:29", "10:31"))).isTrue();
        assertThat(busy.collides(t("15:00", "20:00"))).isFalse();
        assertThat(busy.collides(t("14:50", "15:10"))).isTrue();
        assertThat(busy.collides(t("21:00", "23:00"))).isFalse();
        assertThat(busy.collides(t("00:00", "09:00"))).isFalse();
        assertThat(busy.collides(t("00:00", "09:01"))).isTrue();
    }

    @Test
    void isNotAffectedByLaterChangesToTheInputList() {
        List<TimeSlot> input = new ArrayList<>(List.of(t("10:00", "11:00")));
        BusyTimes busy = BusyTimes.of(input);
        input.add(t("12:00", "13:00"));
        input.clear();
        assertThat(busy.collides(t("10:30", "10:31"))).isTrue();
        assertThat(busy.collides(t("12:00", "13:00"))).isFalse();
    }

    @Test
    void doesNotReorderTheCallersList() {
        List<TimeSlot> input = new ArrayList<>(List.of(t("12:00", "13:00"), t("10:00", "11:00")));
        BusyTimes.of(input);
        assertThat(input).containsExactly(t("12:00", "13:00"), t("10:00", "11:00"));
    }

    @Test
    void subSecondPrecisionAtTheBoundaries() {
        Instant ten = Instant.parse("2026-03-08T10:00:00Z");
        BusyTimes busy = BusyTimes.of(List.of(new TimeSlot(ten, ten.plusSeconds(3600))));
        assertThat(busy.collides(new TimeSlot(ten.minusSeconds(60), ten))).isFalse();
        assertThat(busy.collides(new TimeSlot(ten.minusSeconds(60), ten.plusNanos(1_000)))).isTrue();
        assertThat(busy.collides(new TimeSlot(ten.plusSeconds(3600), ten.plusSeconds(3700)))).isFalse();
        assertThat(busy.collides(new TimeSlot(ten.plusSeconds(3600).minusNanos(1_000), ten.plusSeconds(3700)))).isTrue();
    }

    @Test
    void instantsBeforeTheEpoch() {
        BusyTimes busy = BusyTimes.of(List.of(utcSlot("1969-12-31T23:00", "1970-01-01T01:00")));
        assertThat(busy.collides(utcSlot("1969-12-31T22:00", "1969-12-31T23:00"))).isFalse();
        assertThat(busy.collides(utcSlot("1969-12-31T22:00", "1969-12-31T23:01"))).isTrue();
        assertThat(busy.collides(utcSlot("1970-01-01T00:59", "1970-01-01T02:00"))).isTrue();
        assertThat(busy.collides(utcSlot("1970-01-01T01:00", "1970-01-01T02:00"))).isFalse();
    }

    @Test
    void agreesWithBruteForceOnRandomInputs() {
        Random random = new Random(20260308L);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(round < 10 ? 5 : 400);
            List<TimeSlot> intervals = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                intervals.add(randomSlot(random, 24 * 60, 240));
            }
            Collections.shuffle(intervals, random);
            BusyTimes busy = BusyTimes.of(intervals);
            for (int q = 0; q < 500; q++) {
                TimeSlot query = randomSlot(random, 24 * 60, 180);
                boolean expected = intervals.stream().anyMatch(query::overlaps);
                assertThat(busy.collides(query)).as("round %d query %s", round, query).isEqualTo(expected);
            }
        }
    }

    @Test
    void largeInputs() {
        Random random = new Random(42L);
        int n = 200_000;
        List<TimeSlot> intervals = new ArrayList<>(n);
        // one year of 30-minute appointments on the full hour, shuffled; half-hours stay free
        for (int i = 0; i < n; i++) {
            Instant start = BASE.plusSeconds(3600L * i);
            intervals.add(new TimeSlot(start, start.plusSeconds(1800)));
        }
        Collections.shuffle(intervals, random);
        BusyTimes busy = BusyTimes.of(intervals);
        int free = 0;
        int blocked = 0;
        for (int i = 0; i < n; i++) {
            Instant hour = BASE.plusSeconds(3600L * i);
            if (!busy.collides(new TimeSlot(hour.plusSeconds(1800), hour.plusSeconds(3600)))) {
                free++;
            }
            if (busy.collides(new TimeSlot(hour.plusSeconds(1799), hour.plusSeconds(1800)))) {
                blocked++;
            }
        }
        assertThat(free).isEqualTo(n);
        assertThat(blocked).isEqualTo(n);
        assertThat(busy.collides(new TimeSlot(BASE.minusSeconds(3600), BASE))).isFalse();
        assertThat(busy.collides(new TimeSlot(BASE.plusSeconds(3600L * n), BASE.plusSeconds(3600L * n + 60)))).isFalse();
    }

    private static TimeSlot randomSlot(Random random, int spanMinutes, int maxLengthMinutes) {
        long start = random.nextInt(spanMinutes);
        long length = 1 + random.nextInt(maxLengthMinutes);
        return new TimeSlot(BASE.plusSeconds(start * 60), BASE.plusSeconds((start + length) * 60));
    }
}

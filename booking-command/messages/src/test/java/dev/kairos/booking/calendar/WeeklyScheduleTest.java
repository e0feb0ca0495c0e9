package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeeklyScheduleTest {

    private static WorkingInterval wi(String from, String to) {
        return new WorkingInterval(LocalTime.parse(from), LocalTime.parse(to));
    }

    private static void assertInvalid(Map<DayOfWeek, List<WorkingInterval>> days) {
        assertThatThrownBy(() -> new WeeklySchedule(days))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_WORKING_HOURS);
    }

    @Test
    void nullMeansNoWorkingHours() {
        WeeklySchedule schedule = new WeeklySchedule(null);
        assertThat(schedule.days()).isEmpty();
        for (DayOfWeek day : DayOfWeek.values()) {
            assertThat(schedule.on(day)).isEmpty();
        }
    }

    @Test
    void sortsIntervalsOfADayByStart() {
        WeeklySchedule schedule = new WeeklySchedule(Map.of(MONDAY, List.of(wi("13:00", "17:00"), wi("09:00", "12:00"), wi("18:00", "00:00"))));
        assertThat(schedule.on(MONDAY)).containsExactly(wi("09:00", "12:00"), wi("13:00", "17:00"), wi("18:00", "00:00"));
        assertThat(schedule.on(TUESDAY)).isEmpty();
    }

    @Test
    void dropsDaysWithoutIntervals() {
        WeeklySchedule schedule = new WeeklySchedule(Map.of(MONDAY, List.of(), FRIDAY, List.of(wi("09:00", "10:00"))));
        assertThat(schedule.days()).containsOnlyKeys(FRIDAY);
        assertThat(schedule.on(MONDAY)).isEmpty();
    }

    @Test
    void touchingIntervalsAreAllowed() {
        WeeklySchedule schedule = new WeeklySchedule(Map.of(SUNDAY, List.of(wi("09:00", "12:00"), wi("12:00", "13:00"), wi("13:00", "00:00"))));
        assertThat(schedule.on(SUNDAY)).hasSize(3);
    }

    @Test
    void isADefensiveImmutableCopy() {
        List<WorkingInterval> monday = new ArrayList<>(List.of(wi("09:00", "12:00")));
        Map<DayOfWeek, List<WorkingInterval>> days = new HashMap<>(Map.of(MONDAY, monday));
        WeeklySchedule schedule = new WeeklySchedule(days);

        monday.add(wi("13:00", "14:00"));
        days.put(TUESDAY, List.of(wi("09:00", "10:00")));

        assertThat(schedule.on(MONDAY)).containsExactly(wi("09:00", "12:00"));
        assertThat(schedule.on(TUESDAY)).isEmpty();
        assertThatThrownBy(() -> schedule.on(MONDAY).add(wi("20:00", "21:00"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> schedule.days().put(FRIDAY, List.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalityIsByContentRegardlessOfInputOrder() {
        WeeklySchedule a = new WeeklySchedule(Map.of(MONDAY, List.of(wi("13:00", "17:00"), wi("09:00", "12:00"))));
        WeeklySchedule b = new WeeklySchedule(Map.of(MONDAY, List.of(wi("09:00", "12:00"), wi("13:00", "17:00")), TUESDAY, List.of()));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void acceptsTheMaximumNumberOfIntervals() {
        List<WorkingInterval> intervals = new ArrayList<>();
        for (int h = 0; h < WeeklySchedule.MAX_INTERVALS_PER_DAY; h++) {
            intervals.add(new WorkingInterval(LocalTime.of(h, 0), LocalTime.of(h, 30)));
        }
        assertThat(new WeeklySchedule(Map.of(MONDAY, intervals)).on(MONDAY)).hasSize(12);
    }

    @Test
    void rejectsMoreThanTheMaximumNumberOfIntervals() {
        List<WorkingInterval> intervals = new ArrayList<>();
        for (int h = 0; h <= WeeklySchedule.MAX_INTERVALS_PER_DAY; h++) {
            intervals.add(new WorkingInterval(LocalTime.of(h, 0), LocalTime.of(h, 30)));
        }
        assertInvalid(Map.of(MONDAY, intervals));
    }

    @Test
    void rejectsOverlappingIntervals() {
        assertInvalid(Map.of(MONDAY, List.of(wi("09:00", "12:00"), wi("11:00", "13:00"))));
        assertInvalid(Map.of(MONDAY, List.of(wi("13:00", "17:00"), wi("09:00", "13:01"))));
        assertInvalid(Map.of(MONDAY, List.of(wi("09:00", "10:00"), wi("09:00", "11:00"))));
        assertInvalid(Map.of(MONDAY, List.of(wi("09:00", "10:00"), wi("09:00", "10:00"))));
        assertInvalid(Map.of(MONDAY, List.of(wi("22:00", "00:00"), wi("23:00", "23:30"))));
        assertInvalid(Map.of(MONDAY, List.of(wi("00:00", "00:00"), wi("12:00", "13:00"))));
        // overlap hidden behind a non-overlapping neighbour after sorting
        assertInvalid(Map.of(MONDAY, List.of(wi("08:00", "18:00"), wi("09:00", "09:30"), wi("12:00", "13:00"))));
    }

    @Test
    void rejectsNullIntervalsOrWeekday() {
        Map<DayOfWeek, List<WorkingInterval>> nullIntervals = new HashMap<>();
        nullIntervals.put(MONDAY, null);
        assertInvalid(nullIntervals);

        Map<DayOfWeek, List<WorkingInterval>> nullDay = new HashMap<>();
        nullDay.put(null, List.of(wi("09:00", "10:00")));
        assertInvalid(nullDay);
    }
}

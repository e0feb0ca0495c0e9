package dev.kairos.booking.scheduling;

import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.calendar.WorkingInterval;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.TimeSlot;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Small builders shared by the scheduling tests. All instants are fixed; nothing reads the clock. */
final class Fixtures {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final BookingWindow OPEN = new BookingWindow(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"));

    private Fixtures() {
    }

    static Instant utc(String isoLocalDateTime) {
        return Instant.parse(isoLocalDateTime.length() == 16 ? isoLocalDateTime + ":00Z" : isoLocalDateTime + "Z");
    }

    /**
     * A wall-clock time resolved by {@link ZonedDateTime#of}: earlier offset when ambiguous, shifted forward by the gap
     * length when inside a gap. That is NOT how {@link WorkingTime} resolves gap bounds (it takes the end of the gap),
     * so use this only for times that are not inside a gap, such as range bounds.
     */
    static Instant local(String isoLocalDateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(isoLocalDateTime), zone).toInstant();
    }

    static List<WorkingInterval> intervals(String... specs) {
        List<WorkingInterval> list = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.split("-");
            list.add(new WorkingInterval(LocalTime.parse(parts[0]), LocalTime.parse(parts[1])));
        }
        return list;
    }

    static WeeklySchedule everyDay(String... specs) {
        Map<DayOfWeek, List<WorkingInterval>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, intervals(specs));
        }
        return new WeeklySchedule(days);
    }

    static WeeklySchedule on(DayOfWeek day, String... specs) {
        return new WeeklySchedule(Map.of(day, intervals(specs)));
    }

    static WeeklySchedule on(DayOfWeek day1, List<WorkingInterval> i1, DayOfWeek day2, List<WorkingInterval> i2) {
        return new WeeklySchedule(Map.of(day1, i1, day2, i2));
    }

    static ServiceTerms terms(Duration duration, Duration slotInterval, Duration before, Duration after,
                              Duration minimumNotice, int maxAdvanceDays) {
        return new ServiceTerms("Service", null, duration, new Money(BigDecimal.TEN, "EUR"), before, after, slotInterval,
                minimumNotice, maxAdvanceDays, null, 1, null);
    }

    static ServiceTerms terms(int durationMinutes, int slotIntervalMinutes) {
        return terms(durationMinutes, slotIntervalMinutes, 0, 0);
    }

    static ServiceTerms terms(int durationMinutes, int slotIntervalMinutes, int bufferBeforeMinutes, int bufferAfterMinutes) {
        return terms(Duration.ofMinutes(durationMinutes), Duration.ofMinutes(slotIntervalMinutes),
                Duration.ofMinutes(bufferBeforeMinutes), Duration.ofMinutes(bufferAfterMinutes), Duration.ZERO, 3660);
    }

    static TimeSlot slot(Instant start, Instant end) {
        return new TimeSlot(start, end);
    }

    static TimeSlot utcSlot(String start, String end) {
        return new TimeSlot(utc(start), utc(end));
    }

    static List<Instant> utcs(String... isoLocalDateTimes) {
        List<Instant> list = new ArrayList<>();
        for (String s : isoLocalDateTimes) {
            list.add(utc(s));
        }
        return list;
    }

    static Duration total(List<TimeSlot> stretches) {
        return stretches.stream().map(TimeSlot::length).reduce(Duration.ZERO, Duration::plus);
    }
}

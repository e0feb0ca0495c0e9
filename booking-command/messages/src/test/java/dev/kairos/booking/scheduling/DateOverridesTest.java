package dev.kairos.booking.scheduling;

import dev.kairos.booking.calendar.DateOverrides;
import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.calendar.WorkingInterval;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.TimeSlot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dates whose own hours replace the weekly ones, in the free-slot search and in the working-time check. */
class DateOverridesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ServiceTerms HOUR = new ServiceTerms("Consult", null, Duration.ofHours(1),
            new Money(BigDecimal.TEN, "EUR"), Duration.ZERO, Duration.ZERO, Duration.ofHours(1), Duration.ZERO, 365, null, 1, null);
    private static final BookingWindow OPEN = new BookingWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-12-31T00:00:00Z"));
    /** Every day 09:00–12:00 Berlin. */
    private static final WeeklySchedule WEEK = everyDay(iv("09:00", "12:00"));

    private static WorkingInterval iv(String from, String to) {
        return new WorkingInterval(LocalTime.parse(from), LocalTime.parse(to));
    }

    private static WeeklySchedule everyDay(WorkingInterval... intervals) {
        Map<DayOfWeek, List<WorkingInterval>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            days.put(d, List.of(intervals));
        }
        return new WeeklySchedule(days);
    }

    private static List<Instant> slotsOn(LocalDate date, DateOverrides overrides) {
        return FreeSlots.find(WEEK, overrides, BERLIN, BusyTimes.none(), HOUR, OPEN,
                date.atStartOfDay(BERLIN).toInstant(), date.plusDays(1).atStartOfDay(BERLIN).toInstant());
    }

    @Test
    void aDayOffHasNoSlotsAndTheNextDayIsUntouched() {
        DateOverrides dayOff = DateOverrides.NONE.with(LocalDate.of(2026, 12, 24), List.of());
        assertThat(slotsOn(LocalDate.of(2026, 12, 24), dayOff)).isEmpty();
        assertThat(slotsOn(LocalDate.of(2026, 12, 23), dayOff)).containsExactly(
                Instant.parse("2026-12-23T08:00:00Z"), Instant.parse("2026-12-23T09:00:00Z"), Instant.parse("2026-12-23T10:00:00Z"));
    }

    @Test
    void otherHoursReplaceTheWeeklyOnes() {
        DateOverrides late = DateOverrides.NONE.with(LocalDate.of(2026, 12, 24), List.of(iv("14:00", "16:00")));
        assertThat(slotsOn(LocalDate.of(2026, 12, 24), late))
                .containsExactly(Instant.parse("2026-12-24T13:00:00Z"), Instant.parse("2026-12-24T14:00:00Z"));
        assertThat(WorkingTime.covers(WEEK, late, BERLIN, TimeSlot.of(Instant.parse("2026-12-24T08:00:00Z"), Duration.ofHours(1))))
                .as("the weekly morning no longer counts that day").isFalse();
        assertThat(WorkingTime.covers(WEEK, late, BERLIN, TimeSlot.of(Instant.parse("2026-12-24T13:00:00Z"), Duration.ofHours(1))))
                .isTrue();
    }

    @Test
    void anOverrideOnASpringForwardDayLastsAsLongAsItReallyLasts() {
        // 2026-03-29 in Berlin: 02:00 CET jumps to 03:00 CEST; 01:00–04:00 local is two real hours
        DateOverrides night = DateOverrides.NONE.with(LocalDate.of(2026, 3, 29), List.of(iv("01:00", "04:00")));
        assertThat(slotsOn(LocalDate.of(2026, 3, 29), night))
                .containsExactly(Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void overridesAreValidatedLikeWeeklyHours() {
        assertThatThrownBy(() -> DateOverrides.NONE.with(LocalDate.of(2026, 12, 24), List.of(iv("09:00", "12:00"), iv("11:00", "13:00"))))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode()).isEqualTo(ErrorCode.INVALID_WORKING_HOURS);
        assertThat(DateOverrides.NONE.with(LocalDate.of(2026, 12, 24), List.of()).without(LocalDate.of(2026, 12, 24)))
                .isEqualTo(DateOverrides.NONE);
    }
}

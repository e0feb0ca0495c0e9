package dev.kairos.booking.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeSlotTest {

    private static final Instant T0 = Instant.parse("2026-03-08T10:00:00Z");

    private static TimeSlot slot(String start, String end) {
        return new TimeSlot(Instant.parse("2026-03-08T" + start + ":00Z"), Instant.parse("2026-03-08T" + end + ":00Z"));
    }

    @Test
    void keepsStartAndEnd() {
        TimeSlot slot = new TimeSlot(T0, T0.plusSeconds(1800));
        assertThat(slot.start()).isEqualTo(T0);
        assertThat(slot.end()).isEqualTo(Instant.parse("2026-03-08T10:30:00Z"));
        assertThat(slot.length()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void ofStartAndLength() {
        TimeSlot slot = TimeSlot.of(T0, Duration.ofMinutes(45));
        assertThat(slot).isEqualTo(new TimeSlot(T0, Instant.parse("2026-03-08T10:45:00Z")));
    }

    @Test
    void oneNanosecondIsAValidSlot() {
        assertThat(TimeSlot.of(T0, Duration.ofNanos(1)).length()).isEqualTo(Duration.ofNanos(1));
    }

    @Test
    void rejectsEmptySlot() {
        assertThatThrownBy(() -> new TimeSlot(T0, T0))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_TIME_RANGE);
    }

    @Test
    void rejectsEndBeforeStart() {
        assertThatThrownBy(() -> new TimeSlot(T0, T0.minusNanos(1)))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_TIME_RANGE);
    }

    @Test
    void rejectsZeroAndNegativeLength() {
        assertThatThrownBy(() -> TimeSlot.of(T0, Duration.ZERO))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_TIME_RANGE);
        assertThatThrownBy(() -> TimeSlot.of(T0, Duration.ofMinutes(-5)))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_TIME_RANGE);
    }

    @Test
    void rejectsNulls() {
        assertThatThrownBy(() -> new TimeSlot(null, T0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TimeSlot(T0, null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "[{0},{1}) vs [{2},{3}) overlaps={4}")
    @CsvSource({
            // touching on either side is not overlapping (half-open)
            "10:00, 11:00, 11:00, 12:00, false",
            "11:00, 12:00, 10:00, 11:00, false",
            // disjoint
            "10:00, 11:00, 11:01, 12:00, false",
            "11:01, 12:00, 10:00, 11:00, false",
            // partial overlaps
            "10:00, 11:00, 10:59, 12:00, true",
            "10:59, 12:00, 10:00, 11:00, true",
            // containment both ways and equality
            "10:00, 12:00, 10:30, 11:00, true",
            "10:30, 11:00, 10:00, 12:00, true",
            "10:00, 11:00, 10:00, 11:00, true",
            // same start / same end
            "10:00, 11:00, 10:00, 10:01, true",
            "10:00, 11:00, 10:59, 11:00, true",
    })
    void overlapsIsHalfOpenAndSymmetric(String s1, String e1, String s2, String e2, boolean expected) {
        TimeSlot a = slot(s1, e1);
        TimeSlot b = slot(s2, e2);
        assertThat(a.overlaps(b)).isEqualTo(expected);
        assertThat(b.overlaps(a)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0},{1}) contains [{2},{3}) = {4}")
    @CsvSource({
            "10:00, 12:00, 10:00, 12:00, true",
            "10:00, 12:00, 10:00, 11:00, true",
            "10:00, 12:00, 11:00, 12:00, true",
            "10:00, 12:00, 10:30, 11:30, true",
            "10:00, 12:00, 09:59, 11:00, false",
            "10:00, 12:00, 11:00, 12:01, false",
            "10:00, 12:00, 09:00, 13:00, false",
            "10:00, 12:00, 12:00, 13:00, false",
            "10:00, 12:00, 08:00, 10:00, false",
    })
    void contains(String s1, String e1, String s2, String e2, boolean expected) {
        assertThat(slot(s1, e1).contains(slot(s2, e2))).isEqualTo(expected);
    }

    @Test
    void widenAddsBuffersOnBothSides() {
        TimeSlot widened = slot("10:00", "11:00").widen(Duration.ofMinutes(15), Duration.ofMinutes(10));
        assertThat(widened).isEqualTo(slot("09:45", "11:10"));
        assertThat(widened.length()).isEqualTo(Duration.ofMinutes(85));
    }

    @Test
    void widenByZeroIsIdentity() {
        assertThat(slot("10:00", "11:00").widen(Duration.ZERO, Duration.ZERO)).isEqualTo(slot("10:00", "11:00"));
    }

    @Test
    void widenThatCollapsesTheSlotIsRejected() {
        assertThatThrownBy(() -> slot("10:00", "11:00").widen(Duration.ofMinutes(-30), Duration.ofMinutes(-30)))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_TIME_RANGE);
    }

    @Test
    void ordersByStartThenEnd() {
        TimeSlot a = slot("09:00", "10:00");
        TimeSlot b = slot("09:00", "11:00");
        TimeSlot c = slot("09:30", "09:45");
        TimeSlot d = slot("12:00", "13:00");
        List<TimeSlot> list = new ArrayList<>(List.of(d, c, b, a));
        Collections.sort(list);
        assertThat(list).containsExactly(a, b, c, d);
        assertThat(a.compareTo(slot("09:00", "10:00"))).isZero();
        assertThat(a.compareTo(b)).isNegative();
        assertThat(b.compareTo(a)).isPositive();
    }

    @Test
    void valueEquality() {
        assertThat(slot("10:00", "11:00")).isEqualTo(slot("10:00", "11:00"))
                .hasSameHashCodeAs(slot("10:00", "11:00"))
                .isNotEqualTo(slot("10:00", "11:01"));
    }
}

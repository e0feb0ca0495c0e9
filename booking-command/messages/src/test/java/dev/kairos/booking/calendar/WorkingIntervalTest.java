package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingIntervalTest {

    private static WorkingInterval wi(String from, String to) {
        return new WorkingInterval(LocalTime.parse(from), LocalTime.parse(to));
    }

    @ParameterizedTest(name = "{0}-{1} endsAtMidnight={2}")
    @CsvSource({
            "09:00, 17:00, false",
            "00:00, 00:01, false",
            "23:59, 00:00, true",
            "22:00, 00:00, true",
            "00:00, 00:00, true",
            "00:00, 23:59, false",
    })
    void acceptsValidIntervals(String from, String to, boolean endsAtMidnight) {
        WorkingInterval interval = wi(from, to);
        assertThat(interval.from()).isEqualTo(LocalTime.parse(from));
        assertThat(interval.to()).isEqualTo(LocalTime.parse(to));
        assertThat(interval.endsAtMidnight()).isEqualTo(endsAtMidnight);
    }

    @ParameterizedTest(name = "{0}-{1} is rejected")
    @CsvSource({
            "09:00, 09:00",
            "17:00, 09:00",
            "00:01, 00:00:00.000000001",
            "09:00:30, 17:00",
            "09:00, 17:00:01",
            "09:00:00.5, 17:00",
            "09:00, 16:59:59.999999999",
    })
    void rejectsEmptyBackwardsOrSubMinuteIntervals(String from, String to) {
        assertThatThrownBy(() -> wi(from, to))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_WORKING_HOURS);
    }

    @Test
    void nullsAreProgrammingErrors() {
        assertThatThrownBy(() -> new WorkingInterval(null, LocalTime.NOON)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WorkingInterval(LocalTime.NOON, null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "{0}-{1} vs {2}-{3} overlaps={4}")
    @CsvSource({
            "09:00, 12:00, 12:00, 13:00, false",
            "09:00, 12:00, 13:00, 17:00, false",
            "09:00, 12:00, 11:59, 13:00, true",
            "09:00, 17:00, 10:00, 11:00, true",
            "09:00, 12:00, 09:00, 12:00, true",
            "09:00, 12:00, 09:00, 09:01, true",
            "22:00, 00:00, 23:00, 23:30, true",
            "22:00, 00:00, 21:00, 22:00, false",
            "22:00, 00:00, 21:00, 22:01, true",
            "22:00, 00:00, 23:00, 00:00, true",
            "00:00, 00:00, 12:00, 13:00, true",
            "00:00, 00:00, 00:00, 00:01, true",
            "00:00, 02:00, 22:00, 00:00, false",
    })
    void overlapsIsHalfOpenSymmetricAndTreatsMidnightAsEndOfDay(String f1, String t1, String f2, String t2, boolean expected) {
        WorkingInterval a = wi(f1, t1);
        WorkingInterval b = wi(f2, t2);
        assertThat(a.overlaps(b)).isEqualTo(expected);
        assertThat(b.overlaps(a)).isEqualTo(expected);
    }
}

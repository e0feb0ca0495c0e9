package dev.kairos.booking.calendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Stream;

import static dev.kairos.booking.calendar.AppointmentStatus.CANCELLED;
import static dev.kairos.booking.calendar.AppointmentStatus.COMPLETED;
import static dev.kairos.booking.calendar.AppointmentStatus.CONFIRMED;
import static dev.kairos.booking.calendar.AppointmentStatus.NO_SHOW;
import static dev.kairos.booking.calendar.AppointmentStatus.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

class AppointmentStatusTest {

    private static final Set<String> ALLOWED = Set.of(
            "SCHEDULED->CONFIRMED",
            "SCHEDULED->CANCELLED",
            "CONFIRMED->COMPLETED",
            "CONFIRMED->NO_SHOW",
            "CONFIRMED->CANCELLED");

    static Stream<Arguments> allPairs() {
        return Stream.of(AppointmentStatus.values())
                .flatMap(from -> Stream.of(AppointmentStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allPairs")
    void transitionMatrix(AppointmentStatus from, AppointmentStatus to) {
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.contains(from + "->" + to));
    }

    @ParameterizedTest(name = "{0} isLive={1}")
    @CsvSource({"SCHEDULED, true", "CONFIRMED, true", "COMPLETED, false", "NO_SHOW, false", "CANCELLED, false"})
    void onlyScheduledAndConfirmedHoldTime(AppointmentStatus status, boolean live) {
        assertThat(status.isLive()).isEqualTo(live);
    }

    @ParameterizedTest
    @CsvSource({"COMPLETED", "NO_SHOW", "CANCELLED"})
    void terminalStatusesGoNowhere(AppointmentStatus terminal) {
        for (AppointmentStatus next : AppointmentStatus.values()) {
            assertThat(terminal.canMoveTo(next)).as("%s -> %s", terminal, next).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource({"SCHEDULED", "CONFIRMED", "COMPLETED", "NO_SHOW", "CANCELLED"})
    void nothingMovesBackToScheduled(AppointmentStatus from) {
        assertThat(from.canMoveTo(SCHEDULED)).isFalse();
        assertThat(from.canMoveTo(from)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void enumOrderIsStable() {
        assertThat(AppointmentStatus.values()).containsExactly(SCHEDULED, CONFIRMED, COMPLETED, NO_SHOW, CANCELLED);
    }
}

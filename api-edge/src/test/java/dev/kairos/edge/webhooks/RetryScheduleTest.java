package dev.kairos.edge.webhooks;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry schedule: exponential windows up to the cap, a retry anywhere in its window, and a span of over a day. */
class RetryScheduleTest {
    private static final Instant MADE = Instant.parse("2026-12-01T08:00:00Z");
    private final RetrySchedule defaults = new RetrySchedule(15, Duration.ofSeconds(30), Duration.ofHours(6));

    @Test
    void windowsDoubleFromTheBaseUpToTheCap() {
        assertThat(defaults.window(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.window(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.window(10)).isEqualTo(Duration.ofSeconds(30 * 512));
        assertThat(defaults.window(11)).isEqualTo(Duration.ofHours(6));
        assertThat(defaults.window(14)).isEqualTo(Duration.ofHours(6));
        assertThat(defaults.windowStart(1)).isZero();
        assertThat(defaults.windowStart(11)).isEqualTo(Duration.ofSeconds(30 * 1023));
        assertThat(defaults.retries()).isEqualTo(14);
        // the last retry's window: 26 h 31.5 min to 32 h 31.5 min after the first attempt
        assertThat(defaults.windowStart(14)).isEqualTo(Duration.ofSeconds(30 * 1023).plusHours(18));
        assertThat(defaults.windowStart(15)).isEqualTo(Duration.ofSeconds(30 * 1023).plusHours(24));
    }

    @Test
    void eachRetryFallsInItsWindowAndTheLastOneMoreThanADayAfterTheFirstAttempt() {
        Random random = new SecureRandom();
        for (int run = 0; run < 200; run++) {
            Instant now = MADE;
            for (int k = 1; k <= defaults.retries(); k++) {
                Instant at = defaults.retryAt(k, MADE, now, random);
                assertThat(at).isAfterOrEqualTo(MADE.plus(defaults.windowStart(k)))
                        .isBefore(MADE.plus(defaults.windowStart(k)).plus(defaults.window(k))).isAfterOrEqualTo(now);
                now = at;
            }
            assertThat(Duration.between(MADE, now)).isGreaterThanOrEqualTo(defaults.windowStart(14)).isLessThan(defaults.windowStart(15));
        }
    }

    @Test
    void theJitterIsTheEnginesRandomSourceAndCoversTheWholeWindow() {
        assertThat(defaults.retryAt(3, MADE, MADE, new FixedRandom(0))).isEqualTo(MADE.plus(Duration.ofSeconds(90)));
        assertThat(defaults.retryAt(3, MADE, MADE, new FixedRandom(Long.MAX_VALUE))).isEqualTo(MADE.plus(Duration.ofSeconds(210)).minusMillis(1));
    }

    @Test
    void aRetryWhoseWindowHasPassedFallsInAWindowOfTheSameWidthFromNow() {
        Instant late = MADE.plus(Duration.ofDays(3));
        Instant at = defaults.retryAt(2, MADE, late, new FixedRandom(Long.MAX_VALUE));
        assertThat(at).isEqualTo(late.plus(Duration.ofMinutes(1)).minusMillis(1));
        assertThat(defaults.retryAt(2, MADE, late, new FixedRandom(0))).isEqualTo(late);
    }

    @Test
    void aScheduleNeedsAnAttemptAndAPositiveBaseUnderTheCap() {
        assertThatThrownBy(() -> new RetrySchedule(0, Duration.ofSeconds(1), Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(3, Duration.ZERO, Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(3, Duration.ofSeconds(3), Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class);
    }

    /** Draws the lowest or (nearly) the highest value of every bound. */
    private static final class FixedRandom extends Random {
        private final long value;

        FixedRandom(long value) {
            this.value = value;
        }

        @Override
        public long nextLong(long bound) {
            return value == 0 ? 0 : bound - 1;
        }
    }
}

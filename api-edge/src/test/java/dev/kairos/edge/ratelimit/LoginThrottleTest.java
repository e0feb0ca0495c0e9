package dev.kairos.edge.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LoginThrottleTest {
    private final ManualClock time = new ManualClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final RateLimitClock clock = new RateLimitClock(time);
    private final LocalFailures failures = new LocalFailures(clock, 1000, Duration.ofHours(1));
    private final LoginThrottle throttle = new LoginThrottle(failures, login(), clock);

    /** 3 failures per account, 6 per address, then 1 s, 2 s, 4 s … at most 60 s; failures forgotten after 1 h. */
    static RateLimitProperties.Login login() {
        return new RateLimitProperties.Login(3, 6, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(1));
    }

    @Test
    void failuresBelowTheThresholdCostNothing() {
        throttle.failed("ann@example.com", "203.0.113.7");
        throttle.failed("ann@example.com", "203.0.113.7");
        assertThatCode(() -> throttle.check("ann@example.com", "203.0.113.7")).doesNotThrowAnyException();
    }

    @Test
    void waitsGrowExponentiallyUpToTheCap() {
        throttle.failed("ann@example.com", "203.0.113.7");
        throttle.failed("ann@example.com", "203.0.113.7");
        throttle.failed("ann@example.com", "203.0.113.7");
        assertThat(throttled("ann@example.com", "203.0.113.7")).isEqualTo(Duration.ofSeconds(1));
        time.advance(Duration.ofMillis(400));
        LoginThrottledException stillWaiting = catchThrowableOfType(LoginThrottledException.class,
                () -> throttle.check("ann@example.com", "203.0.113.7"));
        assertThat(stillWaiting.retryAfter()).isEqualTo(Duration.ofMillis(600));
        assertThat(stillWaiting.retryAfterSeconds()).isEqualTo(1);

        time.advance(Duration.ofMillis(600));
        assertThatCode(() -> throttle.check("ann@example.com", "203.0.113.7")).doesNotThrowAnyException();

        long[] expected = {2, 4, 8, 16, 32, 60, 60};
        for (long seconds : expected) {
            throttle.failed("ann@example.com", "198.51.100." + seconds);
            assertThat(throttled("ann@example.com", "192.0.2.1")).isEqualTo(Duration.ofSeconds(seconds));
            time.advance(Duration.ofSeconds(seconds));
        }
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("ann@example.com", "203.0.113.7");
        }
        assertThatThrownBy(() -> throttle.check("ann@example.com", "203.0.113.7")).isInstanceOf(LoginThrottledException.class);
        throttle.succeeded("ann@example.com", "203.0.113.7");
        assertThatCode(() -> throttle.check("ann@example.com", "203.0.113.7")).doesNotThrowAnyException();

        // counting starts again from one
        throttle.failed("ann@example.com", "203.0.113.7");
        throttle.failed("ann@example.com", "203.0.113.7");
        assertThatCode(() -> throttle.check("ann@example.com", "203.0.113.7")).doesNotThrowAnyException();
    }

    @Test
    void anAccountIsThrottledFromEveryAddressAndOtherAccountsAreNot() {
        throttle.failed("ann@example.com", "203.0.113.7");
        throttle.failed("ann@example.com", "198.51.100.1");
        throttle.failed("Ann@Example.com ", "192.0.2.1");
        assertThat(throttled("ann@example.com", "192.0.2.99")).isEqualTo(Duration.ofSeconds(1));
        assertThatCode(() -> throttle.check("bob@example.com", "203.0.113.7")).doesNotThrowAnyException();
    }

    @Test
    void anAddressGuessingManyAccountsIsThrottledForEveryAccount() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("user" + i + "@example.com", "203.0.113.7");
        }
        assertThat(throttled("someone-else@example.com", "203.0.113.7")).isEqualTo(Duration.ofSeconds(1));
        assertThatCode(() -> throttle.check("someone-else@example.com", "198.51.100.1")).doesNotThrowAnyException();

        // a success for one account does not clear the address
        throttle.succeeded("user0@example.com", "203.0.113.7");
        assertThatThrownBy(() -> throttle.check("user0@example.com", "203.0.113.7")).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void oldFailuresAreForgotten() {
        throttle.failed("ann@example.com", "203.0.113.7");
        throttle.failed("ann@example.com", "203.0.113.7");
        time.advance(Duration.ofHours(1).plusSeconds(1));
        throttle.failed("ann@example.com", "203.0.113.7");
        assertThatCode(() -> throttle.check("ann@example.com", "203.0.113.7")).doesNotThrowAnyException();
    }

    @Test
    void failuresFromAFloodOfAddressesKeepMemoryBounded() {
        LocalFailures bounded = new LocalFailures(clock, 100, Duration.ofHours(1));
        LoginThrottle small = new LoginThrottle(bounded, login(), clock);
        for (int i = 0; i < 5_000; i++) {
            small.failed("user" + i + "@example.com", "10.0." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(bounded.size()).isLessThanOrEqualTo(100);
        time.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(bounded.size()).isZero();
    }

    @Test
    void waitsAreComputedWithoutOverflow() {
        assertThat(throttle.waitAfter(2, 3)).isZero();
        assertThat(throttle.waitAfter(3, 3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitAfter(70, 3)).isEqualTo(Duration.ofSeconds(60));
        assertThat(throttle.waitAfter(Long.MAX_VALUE, 3)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void settingsMustBeConsistent() {
        assertThatThrownBy(() -> new RateLimitProperties.Login(0, 5, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitProperties.Login(3, 5, Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitProperties.Login(3, 5, Duration.ofSeconds(1), Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Duration throttled(String email, String ip) {
        LoginThrottledException e = catchThrowableOfType(LoginThrottledException.class, () -> throttle.check(email, ip));
        assertThat(e).as("%s from %s is throttled", email, ip).isNotNull();
        return e.retryAfter();
    }
}

package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceTermsTest {

    private static final Money PRICE = new Money(new BigDecimal("45.00"), "EUR");
    private static final Duration MIN30 = Duration.ofMinutes(30);

    private static ServiceTerms terms(Duration duration, Duration before, Duration after, Duration interval,
                                      Duration notice, int maxAdvanceDays) {
        return new ServiceTerms("Haircut", "Wash, cut and dry", duration, PRICE, before, after, interval, notice, maxAdvanceDays, null, 1, null);
    }

    private static void assertRejected(ErrorCode code, Runnable construction) {
        assertThatThrownBy(construction::run)
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(code);
    }

    private static void assertInvalidDuration(Duration duration, Duration before, Duration after, Duration interval,
                                              Duration notice, int maxAdvanceDays) {
        assertRejected(ErrorCode.INVALID_DURATION, () -> terms(duration, before, after, interval, notice, maxAdvanceDays));
    }

    @Test
    void keepsAllTermsAndComputesBlockedLength() {
        ServiceTerms t = terms(Duration.ofMinutes(45), Duration.ofMinutes(10), Duration.ofMinutes(15), MIN30, Duration.ofHours(2), 60);
        assertThat(t.name()).isEqualTo("Haircut");
        assertThat(t.description()).isEqualTo("Wash, cut and dry");
        assertThat(t.price()).isEqualTo(PRICE);
        assertThat(t.duration()).isEqualTo(Duration.ofMinutes(45));
        assertThat(t.bufferBefore()).isEqualTo(Duration.ofMinutes(10));
        assertThat(t.bufferAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(t.slotInterval()).isEqualTo(MIN30);
        assertThat(t.minimumNotice()).isEqualTo(Duration.ofHours(2));
        assertThat(t.maxAdvanceDays()).isEqualTo(60);
        assertThat(t.blockedLength()).isEqualTo(Duration.ofMinutes(70));
    }

    @Test
    void acceptsBoundaryValues() {
        ServiceTerms upper = terms(ServiceTerms.LONGEST, ServiceTerms.LONGEST, ServiceTerms.LONGEST, ServiceTerms.LONGEST,
                Duration.ZERO, 3660);
        assertThat(upper.blockedLength()).isEqualTo(Duration.ofHours(72));
        ServiceTerms lower = terms(Duration.ofNanos(1), Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1), Duration.ZERO, 1);
        assertThat(lower.blockedLength()).isEqualTo(Duration.ofNanos(1));
        assertThat(new ServiceTerms("x".repeat(200), null, MIN30, PRICE, Duration.ZERO, Duration.ZERO, MIN30, Duration.ZERO, 1, null, 1, null)
                .description()).isNull();
        assertThat(new ServiceTerms("x", "d".repeat(4000), MIN30, PRICE, Duration.ZERO, Duration.ZERO, MIN30, Duration.ZERO, 1, null, 1, null)
                .description()).hasSize(4000);
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void rejectsMissingName(String name) {
        assertRejected(ErrorCode.VALIDATION_FAILED, () -> new ServiceTerms(name, null, MIN30, PRICE, Duration.ZERO,
                Duration.ZERO, MIN30, Duration.ZERO, 30, null, 1, null));
    }

    @Test
    void rejectsTooLongNameOrDescription() {
        assertRejected(ErrorCode.VALIDATION_FAILED, () -> new ServiceTerms("x".repeat(201), null, MIN30, PRICE,
                Duration.ZERO, Duration.ZERO, MIN30, Duration.ZERO, 30, null, 1, null));
        assertRejected(ErrorCode.VALIDATION_FAILED, () -> new ServiceTerms("x", "d".repeat(4001), MIN30, PRICE,
                Duration.ZERO, Duration.ZERO, MIN30, Duration.ZERO, 30, null, 1, null));
    }

    @Test
    void priceIsRequired() {
        assertThatThrownBy(() -> new ServiceTerms("x", null, MIN30, null, Duration.ZERO, Duration.ZERO, MIN30, Duration.ZERO, 30, null, 1, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void rejectsInvalidServiceDuration() {
        assertInvalidDuration(null, Duration.ZERO, Duration.ZERO, MIN30, Duration.ZERO, 30);
        assertInvalidDuration(Duration.ZERO, Duration.ZERO, Duration.ZERO, MIN30, Duration.ZERO, 30);
        assertInvalidDuration(Duration.ofMinutes(-30), Duration.ZERO, Duration.ZERO, MIN30, Duration.ZERO, 30);
        assertInvalidDuration(ServiceTerms.LONGEST.plusNanos(1), Duration.ZERO, Duration.ZERO, MIN30, Duration.ZERO, 30);
    }

    @Test
    void rejectsInvalidBuffers() {
        assertInvalidDuration(MIN30, null, Duration.ZERO, MIN30, Duration.ZERO, 30);
        assertInvalidDuration(MIN30, Duration.ZERO, null, MIN30, Duration.ZERO, 30);
        assertInvalidDuration(MIN30, Duration.ofNanos(-1), Duration.ZERO, MIN30, Duration.ZERO, 30);
        assertInvalidDuration(MIN30, Duration.ZERO, Duration.ofMinutes(-1), MIN30, Duration.ZERO, 30);
        assertInvalidDuration(MIN30, ServiceTerms.LONGEST.plusSeconds(1), Duration.ZERO, MIN30, Duration.ZERO, 30);
        assertInvalidDuration(MIN30, Duration.ZERO, ServiceTerms.LONGEST.plusSeconds(1), MIN30, Duration.ZERO, 30);
    }

    @ParameterizedTest(name = "slotInterval {0} is rejected")
    @ValueSource(strings = {"PT0S", "-PT30M", "PT59S", "PT1M30S", "PT30M0.5S", "PT0.000000001S", "PT24H1M", "P2D"})
    void rejectsInvalidSlotInterval(String interval) {
        assertInvalidDuration(MIN30, Duration.ZERO, Duration.ZERO, Duration.parse(interval), Duration.ZERO, 30);
    }

    @Test
    void rejectsMissingSlotInterval() {
        assertInvalidDuration(MIN30, Duration.ZERO, Duration.ZERO, null, Duration.ZERO, 30);
    }

    @ParameterizedTest(name = "slotInterval {0} is accepted")
    @ValueSource(strings = {"PT1M", "PT5M", "PT15M", "PT45M", "PT1H", "PT7H13M", "PT24H"})
    void acceptsWholeMinuteSlotIntervals(String interval) {
        assertThat(terms(MIN30, Duration.ZERO, Duration.ZERO, Duration.parse(interval), Duration.ZERO, 30).slotInterval())
                .isEqualTo(Duration.parse(interval));
    }

    @Test
    void rejectsInvalidMinimumNotice() {
        assertInvalidDuration(MIN30, Duration.ZERO, Duration.ZERO, MIN30, null, 30);
        assertInvalidDuration(MIN30, Duration.ZERO, Duration.ZERO, MIN30, Duration.ofSeconds(-1), 30);
    }

    @ParameterizedTest(name = "minimumNotice {0} is accepted")
    @ValueSource(strings = {"PT0S", "PT1H", "P30D", "P365D", "P366D", "PT8784H"})
    void acceptsMinimumNoticeUpTo366Days(String notice) {
        assertThat(terms(MIN30, Duration.ZERO, Duration.ZERO, MIN30, Duration.parse(notice), 30).minimumNotice())
                .isEqualTo(Duration.parse(notice));
    }

    @ParameterizedTest(name = "minimumNotice {0} is rejected")
    @ValueSource(strings = {"P366DT0.000000001S", "P366DT1S", "P367D", "P3660D", "PT2562047788015215H"})
    void rejectsMinimumNoticeLongerThan366Days(String notice) {
        assertInvalidDuration(MIN30, Duration.ZERO, Duration.ZERO, MIN30, Duration.parse(notice), 30);
    }

    @Test
    void minimumNoticeLimitIsIndependentOfMaxAdvanceDays() {
        // a notice of 366 days with a maximum advance of 3660 days is fine; one of 367 days is not
        assertThat(terms(MIN30, Duration.ZERO, Duration.ZERO, MIN30, Duration.ofDays(366), 3660).minimumNotice())
                .isEqualTo(Duration.ofDays(366));
        assertInvalidDuration(MIN30, Duration.ZERO, Duration.ZERO, MIN30, Duration.ofDays(367), 3660);
    }

    @ParameterizedTest(name = "maxAdvanceDays {0} is rejected")
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 3661, Integer.MAX_VALUE})
    void rejectsMaxAdvanceDaysOutOfRange(int days) {
        assertInvalidDuration(MIN30, Duration.ZERO, Duration.ZERO, MIN30, Duration.ZERO, days);
    }
}

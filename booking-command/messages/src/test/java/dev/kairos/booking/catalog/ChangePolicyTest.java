package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static dev.kairos.booking.catalog.ChangeWindow.Phase.CLOSED;
import static dev.kairos.booking.catalog.ChangeWindow.Phase.FEE;
import static dev.kairos.booking.catalog.ChangeWindow.Phase.FREE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangePolicyTest {
    private static final Money PRICE = new Money(new BigDecimal("40.00"), "EUR");
    private static final Money FEE_10 = new Money(new BigDecimal("10.00"), "EUR");
    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    private static final ChangeWindow FREE_24H_FEE_CLOSED_2H = new ChangeWindow(Duration.ofHours(24), Duration.ofHours(2), FEE_10);

    private static ServiceTerms terms(ChangePolicy policy) {
        Duration m30 = Duration.ofMinutes(30);
        return new ServiceTerms("Cut", null, m30, PRICE, Duration.ZERO, Duration.ZERO, m30, Duration.ZERO, 60, policy);
    }

    private static void assertInvalid(Runnable construction) {
        assertThatThrownBy(construction::run).isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode()).isEqualTo(ErrorCode.INVALID_CHANGE_POLICY);
    }

    @Test
    void termsWithoutAPolicyRestrictNothing() {
        assertThat(terms(null).changePolicy()).isEqualTo(ChangePolicy.NONE);
        assertThat(ChangePolicy.NONE.cancellation().phaseAt(START, START.plusSeconds(3600))).isEqualTo(FREE);
        assertThat(new ChangePolicy(null, null)).isEqualTo(ChangePolicy.NONE);
    }

    @Test
    void phasesAreHalfOpenAtTheirBounds() {
        ChangeWindow w = FREE_24H_FEE_CLOSED_2H;
        assertThat(w.phaseAt(START, START.minus(Duration.ofHours(25)))).isEqualTo(FREE);
        assertThat(w.phaseAt(START, START.minus(Duration.ofHours(24)))).as("exactly 24 h before").isEqualTo(FREE);
        assertThat(w.phaseAt(START, START.minus(Duration.ofHours(24)).plusSeconds(1))).isEqualTo(FEE);
        assertThat(w.phaseAt(START, START.minus(Duration.ofHours(2)))).as("exactly 2 h before").isEqualTo(FEE);
        assertThat(w.phaseAt(START, START.minus(Duration.ofHours(2)).plusSeconds(1))).isEqualTo(CLOSED);
        assertThat(w.phaseAt(START, START.plusSeconds(60))).as("after the start").isEqualTo(CLOSED);
    }

    @Test
    void aClosedWindowWithoutFeeIsFreeUntilItBegins() {
        ChangeWindow w = new ChangeWindow(null, Duration.ofHours(2), null);
        assertThat(w.phaseAt(START, START.minus(Duration.ofHours(3)))).isEqualTo(FREE);
        assertThat(w.phaseAt(START, START.minus(Duration.ofHours(1)))).isEqualTo(CLOSED);
    }

    @Test
    void aFeeWithoutClosedWindowIsDueUpToAndAfterTheStart() {
        ChangeWindow w = new ChangeWindow(Duration.ofHours(24), null, FEE_10);
        assertThat(w.phaseAt(START, START.minus(Duration.ofHours(1)))).isEqualTo(FEE);
        assertThat(w.phaseAt(START, START.plusSeconds(60))).isEqualTo(FEE);
    }

    @Test
    void rejectsNegativeWindows() {
        assertInvalid(() -> new ChangeWindow(Duration.ofHours(-1), Duration.ZERO, null));
        assertInvalid(() -> new ChangeWindow(Duration.ofHours(24), Duration.ofHours(-2), null));
    }

    @Test
    void rejectsAClosedWindowLongerThanTheFreeOne() {
        assertInvalid(() -> new ChangeWindow(Duration.ofHours(2), Duration.ofHours(24), FEE_10));
        assertThat(new ChangeWindow(Duration.ofHours(2), Duration.ofHours(2), null).closedWithin()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void rejectsAFeeWithoutAFeeWindowAndOverlongWindows() {
        assertInvalid(() -> new ChangeWindow(null, Duration.ofHours(2), FEE_10));
        assertInvalid(() -> new ChangeWindow(Duration.ofDays(367), Duration.ZERO, null));
    }

    @Test
    void feesMustBeInThePricesCurrency() {
        ChangeWindow usd = new ChangeWindow(Duration.ofHours(24), Duration.ZERO, new Money(BigDecimal.ONE, "USD"));
        assertInvalid(() -> terms(new ChangePolicy(usd, null)));
        assertInvalid(() -> terms(new ChangePolicy(null, usd)));
        assertThat(terms(new ChangePolicy(FREE_24H_FEE_CLOSED_2H, null)).changePolicy().cancellation().fee()).isEqualTo(FEE_10);
    }
}

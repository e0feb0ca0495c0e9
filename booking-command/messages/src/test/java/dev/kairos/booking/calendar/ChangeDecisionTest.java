package dev.kairos.booking.calendar;

import dev.kairos.booking.catalog.ChangeWindow;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeDecisionTest {
    private static final Money FEE = new Money(new BigDecimal("10.00"), "EUR");
    private static final ChangeWindow WINDOW = new ChangeWindow(Duration.ofHours(24), Duration.ofHours(2), FEE);
    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant FREE_TIME = START.minus(Duration.ofDays(2));
    private static final Instant FEE_TIME = START.minus(Duration.ofHours(5));
    private static final Instant CLOSED_TIME = START.minus(Duration.ofHours(1));
    private static final PolicyOverride OVERRIDE = new PolicyOverride("front-desk:eva", "customer is ill");

    private static ChangeDecision decide(Instant now, Initiator who, PolicyOverride override) {
        return ChangeDecision.decide(WINDOW, START, now, who, override, ErrorCode.CANCELLATION_WINDOW_CLOSED);
    }

    @Test
    void customerPaysNothingInTheFreeWindowAndTheFeeInTheFeeWindow() {
        assertThat(decide(FREE_TIME, Initiator.CUSTOMER, null)).isEqualTo(ChangeDecision.FREE);
        assertThat(decide(FEE_TIME, Initiator.CUSTOMER, null)).isEqualTo(new ChangeDecision(FEE, null));
    }

    @Test
    void customerIsRejectedInTheClosedWindow() {
        assertThatThrownBy(() -> decide(CLOSED_TIME, Initiator.CUSTOMER, null)).isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode()).isEqualTo(ErrorCode.CANCELLATION_WINDOW_CLOSED);
    }

    @Test
    void businessPaysNoFeeButNeedsAnOverrideInTheClosedWindow() {
        assertThat(decide(FEE_TIME, Initiator.BUSINESS, null)).isEqualTo(ChangeDecision.FREE);
        assertThatThrownBy(() -> decide(CLOSED_TIME, Initiator.BUSINESS, null)).isInstanceOf(BookingException.class)
                .hasMessageContaining("override");
        assertThat(decide(CLOSED_TIME, Initiator.BUSINESS, OVERRIDE)).isEqualTo(new ChangeDecision(null, OVERRIDE));
    }

    @Test
    void anOverrideWaivesAFeeAndIsRecordedOnlyWhenItTookEffect() {
        assertThat(decide(FEE_TIME, Initiator.CUSTOMER, OVERRIDE)).isEqualTo(new ChangeDecision(null, OVERRIDE));
        assertThat(decide(CLOSED_TIME, Initiator.CUSTOMER, OVERRIDE)).isEqualTo(new ChangeDecision(null, OVERRIDE));
        assertThat(decide(FREE_TIME, Initiator.CUSTOMER, OVERRIDE)).isEqualTo(ChangeDecision.FREE);
        assertThat(decide(FEE_TIME, Initiator.BUSINESS, OVERRIDE)).isEqualTo(ChangeDecision.FREE);
    }

    @Test
    void anOverrideNeedsAnActorAndAReason() {
        assertThatThrownBy(() -> new PolicyOverride(null, "ill")).isInstanceOf(BookingException.class);
        assertThatThrownBy(() -> new PolicyOverride("eva", " ")).isInstanceOf(BookingException.class);
        assertThatThrownBy(() -> new PolicyOverride("eva", "r".repeat(501))).isInstanceOf(BookingException.class);
    }
}

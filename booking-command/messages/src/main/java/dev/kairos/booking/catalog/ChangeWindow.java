package dev.kairos.booking.catalog;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Money;

import java.time.Duration;
import java.time.Instant;

/**
 * When a customer may change (cancel or reschedule) an appointment, measured backwards from its start: free while
 * at least {@code freeUntilBefore} remains, then for {@code fee} (none if {@code null}) while at least
 * {@code closedWithin} remains, not at all within the last {@code closedWithin}. Bounds are half-open: exactly
 * {@code freeUntilBefore} before the start is still free, exactly {@code closedWithin} before it still allowed.
 * {@link #OPEN} (both zero, no fee) restricts nothing.
 */
public record ChangeWindow(Duration freeUntilBefore, Duration closedWithin, Money fee) {
    public static final Duration LONGEST = Duration.ofDays(366);
    public static final ChangeWindow OPEN = new ChangeWindow(Duration.ZERO, Duration.ZERO, null);

    public enum Phase { FREE, FEE, CLOSED }

    public ChangeWindow {
        freeUntilBefore = freeUntilBefore == null ? Duration.ZERO : freeUntilBefore;
        closedWithin = closedWithin == null ? Duration.ZERO : closedWithin;
        BookingException.require(!freeUntilBefore.isNegative() && !closedWithin.isNegative(), ErrorCode.INVALID_CHANGE_POLICY,
                "policy windows must not be negative");
        BookingException.require(freeUntilBefore.compareTo(LONGEST) <= 0 && closedWithin.compareTo(LONGEST) <= 0,
                ErrorCode.INVALID_CHANGE_POLICY, "policy windows are at most " + LONGEST.toDays() + " days");
        BookingException.require(closedWithin.compareTo(freeUntilBefore) <= 0 || freeUntilBefore.isZero(),
                ErrorCode.INVALID_CHANGE_POLICY, "the not-allowed window (closedWithin) must not be longer than the free window (freeUntilBefore)");
        BookingException.require(fee == null || !freeUntilBefore.isZero(), ErrorCode.INVALID_CHANGE_POLICY,
                "a fee needs freeUntilBefore: the time before the start from which the fee is due");
        if (freeUntilBefore.isZero()) {
            // no fee window: free until the closed window begins
            freeUntilBefore = closedWithin;
        }
    }

    /** Where {@code now} falls for an appointment starting at {@code start}. */
    public Phase phaseAt(Instant start, Instant now) {
        Duration left = Duration.between(now, start);
        if (!closedWithin.isZero() && left.compareTo(closedWithin) < 0) {
            return Phase.CLOSED;
        }
        if (fee != null && left.compareTo(freeUntilBefore) < 0) {
            return Phase.FEE;
        }
        return Phase.FREE;
    }

    /** The fee's currency must be the price's: one appointment is paid in one currency. */
    void requireCurrency(String currency, String what) {
        BookingException.require(fee == null || fee.currency().equals(currency), ErrorCode.INVALID_CHANGE_POLICY,
                () -> what + " fee must be in the price's currency " + currency);
    }
}

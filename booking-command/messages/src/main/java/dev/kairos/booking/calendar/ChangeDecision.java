package dev.kairos.booking.calendar;

import dev.kairos.booking.catalog.ChangeWindow;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Money;

import java.time.Instant;

/**
 * What a policy window makes of one change of an appointment: the fee due (none if {@code null}) and the override
 * that took effect (none if {@code null}).
 *
 * <ul>
 *   <li>customer, free window: free; fee window: the fee is due; closed window: rejected.</li>
 *   <li>business: never a fee; closed window: rejected unless overridden.</li>
 *   <li>an override lets a change through the closed window and waives a customer's fee; it is recorded only when it
 *   did one of those, so an override nobody needed leaves no trace.</li>
 * </ul>
 */
public record ChangeDecision(Money feeDue, PolicyOverride policyOverride) {
    public static final ChangeDecision FREE = new ChangeDecision(null, null);

    public static ChangeDecision decide(ChangeWindow window, Instant start, Instant now, Initiator initiator,
                                        PolicyOverride override, ErrorCode closedCode) {
        Initiator who = initiator == null ? Initiator.BUSINESS : initiator;
        return switch (window.phaseAt(start, now)) {
            case FREE -> FREE;
            case FEE -> who == Initiator.BUSINESS ? FREE
                    : override != null ? new ChangeDecision(null, override) : new ChangeDecision(window.fee(), null);
            case CLOSED -> {
                if (override == null) {
                    throw new BookingException(closedCode, who == Initiator.CUSTOMER
                            ? "the policy allows no change within " + window.closedWithin() + " of the start (" + start + ")"
                            : "within " + window.closedWithin() + " of the start (" + start
                                    + ") the policy allows a change only with an explicit override and its reason");
                }
                yield new ChangeDecision(null, override);
            }
        };
    }

    /** What the customer may do now, for display: the fee, or {@code null} when free; throws when closed. */
    public static Money customerFee(ChangeWindow window, Instant start, Instant now, ErrorCode closedCode) {
        return decide(window, start, now, Initiator.CUSTOMER, null, closedCode).feeDue();
    }
}

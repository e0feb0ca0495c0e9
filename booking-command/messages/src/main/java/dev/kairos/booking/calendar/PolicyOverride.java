package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

/**
 * A business staff member's decision to let a change through that the service's policy would close, or to waive
 * its fee. {@code actor} names who decided, as far as the request identifies them.
 */
public record PolicyOverride(String actor, String reason) {
    public static final int MAX_ACTOR = 200;
    public static final int MAX_REASON = 500;

    public PolicyOverride {
        BookingException.require(actor != null && !actor.isBlank() && actor.length() <= MAX_ACTOR, ErrorCode.VALIDATION_FAILED,
                "an override names its actor (1 to " + MAX_ACTOR + " characters)");
        BookingException.require(reason != null && !reason.isBlank() && reason.length() <= MAX_REASON, ErrorCode.VALIDATION_FAILED,
                "an override needs a reason (1 to " + MAX_REASON + " characters)");
        actor = actor.strip();
        reason = reason.strip();
    }
}

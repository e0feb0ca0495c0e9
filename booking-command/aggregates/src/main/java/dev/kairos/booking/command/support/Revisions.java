package dev.kairos.booking.command.support;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;

/** Optimistic concurrency for clients: a command may name the revision it was decided against. */
public final class Revisions {
    private Revisions() {
    }

    public static void check(Long expected, long actual, String what) {
        if (expected != null && expected != actual) {
            throw new BookingException(ErrorCode.REVISION_MISMATCH,
                    what + " is at revision " + actual + ", not " + expected);
        }
    }
}

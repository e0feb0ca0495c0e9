package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.StaffId;

/** Events after which a hold no longer blocks anything: confirmed, released or expired. */
public sealed interface HoldEnded permits HoldConfirmed, HoldReleased, HoldExpired {
    HoldId holdId();

    BusinessId businessId();

    StaffId staffId();
}

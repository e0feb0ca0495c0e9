package dev.kairos.booking.waitlist;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;

import java.time.Instant;

/**
 * Time of {@code staffId} from {@code start} became free: the first customer in line for {@code serviceId} who can
 * use it is offered it as a hold. {@code endedHold} is the hold whose end freed the time, if any.
 */
public record OfferFreedTime(BusinessId businessId, ServiceId serviceId, StaffId staffId, Instant start, HoldId endedHold) {
}

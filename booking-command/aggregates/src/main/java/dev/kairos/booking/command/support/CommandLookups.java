package dev.kairos.booking.command.support;

import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.waitlist.WaitlistEntryId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.series.SeriesId;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Facts a command handler needs from outside the aggregate it addresses. Kept consistent with the event store:
 * they are written in the same transaction as the events they follow.
 */
public interface CommandLookups {
    String PROCESSING_GROUP = "command-lookups";
    /**
     * How far either side of a wanted start holidays matter to a booking decision: the appointment with its buffers
     * (at most three days) and the alternatives offered within three days of it.
     */
    Duration HOLIDAY_REACH = Duration.ofDays(7);

    Optional<Boolean> businessActive(BusinessId businessId);

    /** The business's home time zone: the wall clock of its holidays, series and customer limits. */
    Optional<ZoneId> businessZone(BusinessId businessId);

    Optional<ServiceRecord> service(ServiceId serviceId);

    /** The periods of the business's holidays that overlap {@code [from, to)}, in its current home zone, in order. */
    List<TimeSlot> holidays(BusinessId businessId, Instant from, Instant to);

    /** Which calendar holds a series. */
    Optional<SeriesRecord> series(SeriesId seriesId);

    Optional<HoldRecord> hold(HoldId holdId);

    /** A waitlist entry that is waiting or has an open offer. */
    Optional<WaitlistEntryRecord> waitlistEntry(WaitlistEntryId entryId);

    /** The waitlist an entry of the business joined, whatever became of the entry since. */
    Optional<String> waitlistOf(WaitlistEntryId entryId, BusinessId businessId);
    /**
     * The active staff members of the business who provide the service, each with the order of their latest
     * assignment (larger is more recent, 0 never assigned): the candidates of a booking with any staff member.
     */
    List<StaffCandidate> staffFor(BusinessId businessId, ServiceId serviceId);

    /** Whether the customer quota with this aggregate id exists. */
    boolean quotaExists(String quotaId);

    /** The id of the customer quota that counts the appointment, if one does. */
    Optional<String> quotaOf(AppointmentId appointmentId);

    /** The holidays that matter to a decision about an appointment starting at {@code start}. */
    default List<TimeSlot> holidaysAround(BusinessId businessId, Instant start) {
        return holidays(businessId, start.minus(HOLIDAY_REACH), start.plus(HOLIDAY_REACH));
    }

    Optional<AppointmentRecord> appointment(AppointmentId appointmentId);

    /** What booking at {@code start} needs to know, which an implementation may fetch at once. */
    default BookingFacts bookingFacts(BusinessId businessId, ServiceId serviceId, AppointmentId appointmentId, Instant start) {
        return new BookingFacts(businessActive(businessId), service(serviceId), appointment(appointmentId),
                holidaysAround(businessId, start));
    }

    /** {@code holidays}: the business's holiday periods within {@link #HOLIDAY_REACH} of the wanted start. */
    record BookingFacts(Optional<Boolean> businessActive, Optional<ServiceRecord> service,
                        Optional<AppointmentRecord> appointment, List<TimeSlot> holidays) {
    }

    record ServiceRecord(BusinessId businessId, ServiceTerms terms, boolean active) {
    }

    /** Where a hold lives and how it ended; {@code appointmentId} is set once it was confirmed. */
    record HoldRecord(BusinessId businessId, StaffId staffId, HoldState state, AppointmentId appointmentId) {
    }

    /** A waitlist entry's line and, while an offer is open, the offer's hold and staff member. */
    record WaitlistEntryRecord(BusinessId businessId, String waitlistId, HoldId offerHold, StaffId offerStaff) {
    }

    enum HoldState { PLACED, CONFIRMED, RELEASED, EXPIRED }

    record StaffCandidate(StaffId staffId, long lastAssigned) {
    }

    record SeriesRecord(BusinessId businessId, StaffId staffId, ServiceId serviceId) {
    }

    record AppointmentRecord(BusinessId businessId, StaffId staffId, ServiceId serviceId, AppointmentStatus status,
                             long revision) {
    }
}

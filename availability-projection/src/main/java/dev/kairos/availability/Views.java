package dev.kairos.availability;

import dev.kairos.booking.calendar.BookingLimits;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.catalog.CustomerLimit;
import dev.kairos.booking.calendar.PolicyOverride;
import dev.kairos.booking.catalog.ChangePolicy;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.Money;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The shapes the schedule read model answers with. */
public final class Views {
    private Views() {
    }

    public record BusinessView(UUID id, String name, String timeZone, String currency, Map<String, String> settings,
                               boolean active, long revision) {
    }

    public record ServiceView(UUID id, UUID businessId, String name, String description, Duration duration, Money price,
                              Duration bufferBefore, Duration bufferAfter, Duration slotInterval, Duration minimumNotice,
                              int maxAdvanceDays, boolean active, long revision, CustomerLimit customerLimit,
                              int capacity, ChangePolicy changePolicy) {
        public ServiceTerms terms() {
            return new ServiceTerms(name, description, duration, price, bufferBefore, bufferAfter, slotInterval,
                    minimumNotice, maxAdvanceDays, customerLimit, capacity, changePolicy);
        }
    }

    /** Wall-clock working time; {@code to} is "24:00" for the end of the day. */
    public record HoursView(String from, String to) {
    }

    /** {@code dateOverrides}: dates whose own hours replace the weekly ones; an empty list is a day off. */
    public record StaffView(UUID id, UUID businessId, String name, String email, String phone, String timeZone,
                            Map<DayOfWeek, List<HoursView>> workingHours, Map<LocalDate, List<HoursView>> dateOverrides,
                            BookingLimits bookingLimits, List<UUID> serviceIds, boolean active, long revision) {
    }

    /**
     * A recurring series and every occurrence its rule expanded to, in order. Wall-clock times are read in
     * {@code timeZone}, the zone the series was expanded in.
     */
    public record SeriesView(UUID id, UUID businessId, UUID staffId, UUID serviceId, UUID customerId, String rule,
                             LocalDateTime firstStart, String timeZone, String mode, List<OccurrenceView> occurrences) {
    }

    /**
     * One occurrence: {@code status} is the appointment's (SCHEDULED, CONFIRMED, CANCELLED, ...) or SKIPPED when the
     * series was booked without it, then {@code code} says why. {@code start} is the current start instant (in the
     * series' zone), {@code localStart} its wall-clock time there.
     */
    public record OccurrenceView(int index, UUID appointmentId, String status, OffsetDateTime start,
                                 LocalDateTime localStart, String timeZone, String code, Long revision) {
    }

    /**
     * Start and end are given in {@code timeZone}, the staff member's zone; {@code local} states them in the staff
     * member's, the business's and (if the customer gave one) the customer's zone, each naming its zone.
     * {@code seriesId} is null for a single appointment. {@code feeDue}: the sum of the fees the
     * service's policy charged for changes ({@code null} if none); {@code policyDecisions}: each change that was
     * charged for or let through by an override, oldest first.
     */
    public record AppointmentView(UUID id, UUID businessId, UUID staffId, UUID serviceId, UUID customerId,
                                  CustomerDetails customer, OffsetDateTime start, OffsetDateTime end, String timeZone,
                                  String status, String notes, Map<String, String> metadata, long revision,
                                  Instant bookedAt, UUID seriesId, Money feeDue, List<PolicyDecisionView> policyDecisions,
                                  LocalTimes local) {
    }

    /** Wall-clock start and end in one zone, with their offsets. */
    public record ZonedTimes(OffsetDateTime start, OffsetDateTime end, String zone) {
        public static ZonedTimes of(Instant start, Instant end, ZoneId zone) {
            return zone == null ? null
                    : new ZonedTimes(start.atZone(zone).toOffsetDateTime(), end.atZone(zone).toOffsetDateTime(), zone.getId());
        }
    }

    /** One appointment's times as the staff member, the business and the customer ({@code null} if unknown) read them. */
    public record LocalTimes(ZonedTimes staff, ZonedTimes business, ZonedTimes customer) {
        public static LocalTimes of(Instant start, Instant end, ZoneId staff, ZoneId business, ZoneId customer) {
            return new LocalTimes(ZonedTimes.of(start, end, staff), ZonedTimes.of(start, end, business),
                    ZonedTimes.of(start, end, customer));
        }
    }

    /** {@code change}: CANCELLATION or RESCHEDULE; {@code fee} and {@code policyOverride} may each be absent. */
    public record PolicyDecisionView(long revision, String change, String initiatedBy, Money fee,
                                     PolicyOverride policyOverride, Instant decidedAt) {
    }

    /** A period taken out of a staff member's bookable time; instants in UTC. */
    public record TimeOffView(UUID id, Instant start, Instant end, String reason) {
    }

    /** A hold and what became of it: PLACED (and live until expiresAt), CONFIRMED (as appointmentId), RELEASED or EXPIRED. */
    public record HoldView(UUID id, UUID staffId, UUID serviceId, Instant start, Instant end, Instant placedAt,
                           Instant expiresAt, String state, UUID appointmentId) {
    }

    /** A customer's place on a waitlist: WAITING, OFFERED (with the offer), BOOKED (as appointmentId) or LEFT. */
    public record WaitlistEntryView(UUID id, UUID serviceId, UUID staffId, Instant windowStart, Instant windowEnd,
                                    UUID customerId, String customerName, Instant joinedAt, String state, Offer offer,
                                    UUID appointmentId) {
        public record Offer(UUID holdId, UUID staffId, Instant start, Instant expiresAt) {
        }
    }

    /**
     * A day or run of days the business is closed: local dates {@code from} to {@code to} (inclusive) in its zone
     * {@code timeZone}; {@code start} and {@code end} are the instants they cover, stated in that zone.
     */
    public record HolidayView(UUID id, String name, LocalDate from, LocalDate to, OffsetDateTime start,
                              OffsetDateTime end, String timeZone) {
    }

    public record Page<T>(List<T> items, String nextCursor) {
    }

    /** A free slot; start and end are given in the availability's {@code timeZone}. */
    public record SlotView(OffsetDateTime start, OffsetDateTime end, List<UUID> staffIds) {
    }

    public record AvailabilityView(UUID serviceId, UUID staffId, String timeZone, LocalDate from, LocalDate to,
                                   List<SlotView> slots) {
    }
}

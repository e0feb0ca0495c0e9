package dev.kairos.availability;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.Initiator;
import dev.kairos.booking.calendar.PolicyOverride;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.Money;
import java.time.Instant;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentStatusChanged;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.StaffMemberDeactivated;
import dev.kairos.booking.calendar.StaffMemberRegistered;
import dev.kairos.booking.calendar.StaffProfile;
import dev.kairos.booking.calendar.StaffProfileChanged;
import dev.kairos.booking.calendar.StaffServicesChanged;
import dev.kairos.booking.calendar.BookingLimitsSet;
import dev.kairos.booking.calendar.HoldConfirmed;
import dev.kairos.booking.calendar.HoldEnded;
import dev.kairos.booking.calendar.HoldPlaced;
import dev.kairos.booking.calendar.HoldReleased;
import dev.kairos.booking.calendar.TimeBlocked;
import dev.kairos.booking.waitlist.WaitlistJoined;
import dev.kairos.booking.waitlist.WaitlistLeft;
import dev.kairos.booking.waitlist.WaitlistOfferAccepted;
import dev.kairos.booking.waitlist.WaitlistOfferDeclined;
import dev.kairos.booking.waitlist.WaitlistOfferLapsed;
import dev.kairos.booking.waitlist.WaitlistSlotOffered;
import dev.kairos.booking.calendar.TimeUnblocked;
import dev.kairos.booking.calendar.WorkingDayOverrideCleared;
import dev.kairos.booking.calendar.WorkingDayOverridden;
import dev.kairos.booking.calendar.WorkingHoursChanged;
import dev.kairos.booking.catalog.BusinessDeactivated;
import dev.kairos.booking.catalog.BusinessProfile;
import dev.kairos.booking.catalog.BusinessRegistered;
import dev.kairos.booking.catalog.BusinessUpdated;
import dev.kairos.booking.catalog.Holiday;
import dev.kairos.booking.catalog.HolidayAdded;
import dev.kairos.booking.catalog.HolidayRemoved;
import dev.kairos.booking.catalog.ServiceDeactivated;
import dev.kairos.booking.catalog.ServiceDefined;
import dev.kairos.booking.catalog.ServiceRevised;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.series.SeriesBooked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.customer.CustomerErased;
import java.util.Set;

/**
 * Projects catalog and calendar events into the schedule read model. Appointment rows carry the appointment's
 * revision and every change is guarded by it, so events of one appointment that arrive through different
 * calendars' streams (a move between staff members) cannot roll a row back.
 */
@Component
@ProcessingGroup(ScheduleProjector.PROCESSING_GROUP)
public class ScheduleProjector {
    public static final String PROCESSING_GROUP = "schedule";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ScheduleProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.json = ViewJson.MAPPER;
    }

    @EventHandler
    void on(BusinessRegistered event) {
        BusinessProfile p = event.profile();
        jdbc.update("INSERT INTO business_view (business_id, name, zone, currency, settings, active, revision) "
                        + "VALUES (?, ?, ?, ?, ?::jsonb, true, 1) ON CONFLICT (business_id) DO NOTHING",
                event.businessId().id(), p.name(), p.zone().getId(), p.currency(), ViewJson.write(json, p.settings()));
    }

    @EventHandler
    void on(BusinessUpdated event) {
        BusinessProfile p = event.profile();
        jdbc.update("UPDATE business_view SET name = ?, zone = ?, currency = ?, settings = ?::jsonb, revision = ? "
                        + "WHERE business_id = ? AND revision < ?", p.name(), p.zone().getId(), p.currency(),
                ViewJson.write(json, p.settings()), event.revision(), event.businessId().id(), event.revision());
    }

    @EventHandler
    void on(BusinessDeactivated event) {
        jdbc.update("UPDATE business_view SET active = false, revision = ? WHERE business_id = ? AND revision < ?",
                event.revision(), event.businessId().id(), event.revision());
    }

    @EventHandler
    void on(HolidayAdded event) {
        Holiday h = event.holiday();
        jdbc.update("INSERT INTO holiday_view (business_id, holiday_id, name, first_date, last_date) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", event.businessId().id(), h.id().id(), h.name(), java.sql.Date.valueOf(h.from()),
                java.sql.Date.valueOf(h.to()));
    }

    @EventHandler
    void on(HolidayRemoved event) {
        jdbc.update("DELETE FROM holiday_view WHERE business_id = ? AND holiday_id = ?", event.businessId().id(),
                event.holidayId().id());
    }

    @EventHandler
    void on(ServiceDefined event) {
        ServiceTerms t = event.terms();
        jdbc.update("INSERT INTO service_view (service_id, business_id, name, description, duration_s, price, currency, "
                        + "buffer_before_s, buffer_after_s, slot_interval_s, min_notice_s, max_advance_days, change_policy, active, revision) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, true, 1) ON CONFLICT (service_id) DO NOTHING",
                event.serviceId().id(), event.businessId().id(), t.name(), t.description(), t.duration().toSeconds(),
                t.price().amount(), t.price().currency(), t.bufferBefore().toSeconds(), t.bufferAfter().toSeconds(),
                t.slotInterval().toSeconds(), t.minimumNotice().toSeconds(), t.maxAdvanceDays(),
                ViewJson.write(json, t.changePolicy()));
        customerLimit(event.serviceId(), t, 1);
    }

    @EventHandler
    void on(ServiceRevised event) {
        ServiceTerms t = event.terms();
        jdbc.update("UPDATE service_view SET name = ?, description = ?, duration_s = ?, price = ?, currency = ?, "
                        + "buffer_before_s = ?, buffer_after_s = ?, slot_interval_s = ?, min_notice_s = ?, max_advance_days = ?, "
                        + "change_policy = ?::jsonb, revision = ? WHERE service_id = ? AND revision < ?",
                t.name(), t.description(), t.duration().toSeconds(), t.price().amount(), t.price().currency(),
                t.bufferBefore().toSeconds(), t.bufferAfter().toSeconds(), t.slotInterval().toSeconds(),
                t.minimumNotice().toSeconds(), t.maxAdvanceDays(), ViewJson.write(json, t.changePolicy()),
                event.revision(), event.serviceId().id(), event.revision());
        customerLimit(event.serviceId(), t, event.revision());
    }

    /** The terms' customer limit and capacity, on the row at exactly this revision (a row already past it stays as it is). */
    private void customerLimit(ServiceId serviceId, ServiceTerms t, long revision) {
        jdbc.update("UPDATE service_view SET customer_limit_max = ?, customer_limit_period = ?, capacity = ? "
                        + "WHERE service_id = ? AND revision = ?",
                t.customerLimit() == null ? null : t.customerLimit().max(),
                t.customerLimit() == null ? null : t.customerLimit().period().name(), t.capacity(), serviceId.id(), revision);
    }

    @EventHandler
    void on(ServiceDeactivated event) {
        jdbc.update("UPDATE service_view SET active = false, revision = ? WHERE service_id = ? AND revision < ?",
                event.revision(), event.serviceId().id(), event.revision());
    }

    @EventHandler
    void on(StaffMemberRegistered event) {
        StaffProfile p = event.profile();
        int inserted = jdbc.update("INSERT INTO staff_view (staff_id, business_id, name, email, phone, zone, schedule, active, revision) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, true, 1) ON CONFLICT (staff_id) DO NOTHING",
                event.staffId().id(), event.businessId().id(), p.name(), p.email(), p.phone(), p.zone().getId(),
                ViewJson.write(json, event.schedule()));
        if (inserted > 0) {
            replaceServices(event.staffId(), event.businessId(), event.services());
        }
    }

    @EventHandler
    void on(StaffProfileChanged event) {
        StaffProfile p = event.profile();
        jdbc.update("UPDATE staff_view SET name = ?, email = ?, phone = ?, zone = ?, revision = ? WHERE staff_id = ? AND revision < ?",
                p.name(), p.email(), p.phone(), p.zone().getId(), event.revision(), event.staffId().id(), event.revision());
    }

    @EventHandler
    void on(WorkingHoursChanged event) {
        jdbc.update("UPDATE staff_view SET schedule = ?::jsonb, revision = ? WHERE staff_id = ? AND revision < ?",
                ViewJson.write(json, event.schedule()), event.revision(), event.staffId().id(), event.revision());
    }

    @EventHandler
    void on(WorkingDayOverridden event) {
        jdbc.update("UPDATE staff_view SET overrides = jsonb_set(overrides, ARRAY[?::text], ?::jsonb), revision = ? "
                        + "WHERE staff_id = ? AND revision < ?", event.date().toString(), ViewJson.write(json, event.hours()),
                event.revision(), event.staffId().id(), event.revision());
    }

    @EventHandler
    void on(BookingLimitsSet event) {
        jdbc.update("UPDATE staff_view SET limit_per_day = ?, limit_per_week = ?, revision = ? WHERE staff_id = ? AND revision < ?",
                event.limits().perDay(), event.limits().perWeek(), event.revision(), event.staffId().id(), event.revision());
    }

    @EventHandler
    void on(TimeBlocked event) {
        jdbc.update("INSERT INTO time_off_view (time_off_id, business_id, staff_id, starts_at, ends_at, reason) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (time_off_id) DO NOTHING", event.timeOffId().id(),
                event.businessId().id(), event.staffId().id(), ts(event.period().start()), ts(event.period().end()), event.reason());
    }

    @EventHandler
    void on(HoldPlaced event) {
        jdbc.update("INSERT INTO hold_view (hold_id, business_id, staff_id, service_id, start_at, end_at, busy_from, busy_to, "
                        + "placed_at, expires_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLACED') ON CONFLICT (hold_id) DO NOTHING",
                event.holdId().id(), event.businessId().id(), event.staffId().id(), event.serviceId().id(),
                ts(event.slot().start()), ts(event.slot().end()), ts(event.blocked().start()), ts(event.blocked().end()),
                ts(event.placedAt()), ts(event.expiresAt()));
    }

    @EventHandler
    void on(HoldEnded event) {
        String state = event instanceof HoldConfirmed ? "CONFIRMED" : event instanceof HoldReleased ? "RELEASED" : "EXPIRED";
        jdbc.update("UPDATE hold_view SET state = ?, appointment_id = ? WHERE hold_id = ?", state,
                event instanceof HoldConfirmed c ? c.appointmentId().id() : null, event.holdId().id());
    }

    /**
     * The place in line is the event's position in the event store, so a rebuild gives every entry the place it had
     * (segments insert in parallel, in no set order).
     */
    @EventHandler
    void on(WaitlistJoined event, TrackingToken token) {
        Long position = token == null || token.position().isEmpty() ? null : token.position().getAsLong();
        jdbc.update("INSERT INTO waitlist_view (entry_id, business_id, service_id, staff_id, window_from, window_to, customer_id, "
                        + "customer_name, joined_at, state, line_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', "
                        + "COALESCE(?, nextval(pg_get_serial_sequence('waitlist_view', 'line_seq')))) ON CONFLICT (entry_id) DO NOTHING",
                event.entryId().id(), event.businessId().id(), event.serviceId().id(),
                event.staffId() == null ? null : event.staffId().id(), ts(event.window().start()), ts(event.window().end()),
                event.customerId().id(), visible(event.customerId(), event.customer(), event.joinedAt()).name(),
                ts(event.joinedAt()), position);
    }

    @EventHandler
    void on(WaitlistSlotOffered event) {
        jdbc.update("UPDATE waitlist_view SET state = 'OFFERED', offer_hold_id = ?, offer_staff_id = ?, offer_start = ?, "
                        + "offer_expires_at = ? WHERE entry_id = ?", event.holdId().id(), event.staffId().id(),
                ts(event.slot().start()), ts(event.expiresAt()), event.entryId().id());
    }

    @EventHandler
    void on(WaitlistOfferDeclined event) {
        waitingAgain(event.entryId().id());
    }

    @EventHandler
    void on(WaitlistOfferLapsed event) {
        waitingAgain(event.entryId().id());
    }

    @EventHandler
    void on(WaitlistOfferAccepted event) {
        jdbc.update("UPDATE waitlist_view SET state = 'BOOKED', appointment_id = ?, offer_hold_id = NULL, offer_staff_id = NULL, "
                + "offer_start = NULL, offer_expires_at = NULL WHERE entry_id = ?", event.appointmentId().id(), event.entryId().id());
    }

    @EventHandler
    void on(WaitlistLeft event) {
        jdbc.update("UPDATE waitlist_view SET state = 'LEFT', offer_hold_id = NULL, offer_staff_id = NULL, offer_start = NULL, "
                + "offer_expires_at = NULL WHERE entry_id = ?", event.entryId().id());
    }

    private void waitingAgain(java.util.UUID entryId) {
        jdbc.update("UPDATE waitlist_view SET state = 'WAITING', offer_hold_id = NULL, offer_staff_id = NULL, offer_start = NULL, "
                + "offer_expires_at = NULL WHERE entry_id = ?", entryId);
    }

    @EventHandler
    void on(TimeUnblocked event) {
        jdbc.update("DELETE FROM time_off_view WHERE time_off_id = ?", event.timeOffId().id());
    }

    @EventHandler
    void on(WorkingDayOverrideCleared event) {
        jdbc.update("UPDATE staff_view SET overrides = overrides - ?::text, revision = ? WHERE staff_id = ? AND revision < ?",
                event.date().toString(), event.revision(), event.staffId().id(), event.revision());
    }

    @EventHandler
    void on(StaffServicesChanged event) {
        if (jdbc.update("UPDATE staff_view SET revision = ? WHERE staff_id = ? AND revision < ?",
                event.revision(), event.staffId().id(), event.revision()) > 0) {
            replaceServices(event.staffId(), event.businessId(), event.services());
        }
    }

    @EventHandler
    void on(StaffMemberDeactivated event) {
        jdbc.update("UPDATE staff_view SET active = false, revision = ? WHERE staff_id = ? AND revision < ?",
                event.revision(), event.staffId().id(), event.revision());
    }

    @EventHandler
    void on(AppointmentBooked event) {
        TimeSlot slot = event.slot();
        TimeSlot blocked = event.blocked();
        CustomerDetails customer = visible(event.customerId(), event.customer(), event.bookedAt());
        String notes = customer.isErased() ? null : event.notes();
        jdbc.update("INSERT INTO appointment_view (appointment_id, business_id, staff_id, service_id, customer_id, customer_name, "
                        + "customer_email, customer_phone, start_at, end_at, busy_from, busy_to, status, notes, metadata, revision, booked_at, "
                        + "series_id, customer_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?::jsonb, 1, ?, ?, ?) "
                        + "ON CONFLICT (appointment_id) DO NOTHING",
                event.appointmentId().id(), event.businessId().id(), event.staffId().id(), event.serviceId().id(),
                event.customerId().id(), customer.name(), customer.email(), customer.phone(),
                ts(slot.start()), ts(slot.end()), ts(blocked.start()), ts(blocked.end()), notes,
                ViewJson.write(json, customer.isErased() ? Map.of() : event.metadata()), ts(event.bookedAt()),
                event.seriesId() == null ? null : event.seriesId().id(),
                event.customerZone() == null ? null : event.customerZone().getId());
    }

    @EventHandler
    void on(SeriesBooked event) {
        jdbc.update("INSERT INTO series_view (series_id, business_id, staff_id, service_id, customer_id, rule, first_start, zone, "
                        + "mode, occurrences) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (series_id) DO NOTHING",
                event.seriesId().id(), event.businessId().id(), event.staffId().id(), event.serviceId().id(),
                event.customerId().id(), event.rule(), event.firstStart(), event.zone().getId(),
                event.mode().name(), ViewJson.write(json, event.occurrences()));
    }

    @EventHandler
    void on(AppointmentRescheduled event, @org.axonframework.eventhandling.Timestamp Instant at) {
        recordDecision(event.appointmentId(), event.businessId(), event.revision(), "RESCHEDULE", event.initiatedBy(),
                event.feeDue(), event.policyOverride(), at);
        jdbc.update("UPDATE appointment_view SET start_at = ?, end_at = ?, busy_from = ?, busy_to = ?, revision = ? "
                        + "WHERE appointment_id = ? AND revision < ?", ts(event.slot().start()), ts(event.slot().end()),
                ts(event.blocked().start()), ts(event.blocked().end()), event.revision(), event.appointmentId().id(), event.revision());
    }

    /**
     * The move arrives through the new staff member's stream, which may be read before the old one's: the event
     * carries the whole appointment, so it inserts the row if the booking has not been seen yet.
     */
    @EventHandler
    void on(AppointmentTransferredIn event, @org.axonframework.eventhandling.Timestamp Instant at) {
        recordDecision(event.appointmentId(), event.businessId(), event.revision(), "RESCHEDULE", event.initiatedBy(),
                event.feeDue(), event.policyOverride(), at);
        CustomerDetails customer = visible(event.customerId(), event.customer(), event.bookedAt());
        jdbc.update("INSERT INTO appointment_view (appointment_id, business_id, staff_id, service_id, customer_id, customer_name, "
                        + "customer_email, customer_phone, start_at, end_at, busy_from, busy_to, status, notes, metadata, revision, booked_at, "
                        + "customer_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT (appointment_id) DO UPDATE SET "
                        + "staff_id = EXCLUDED.staff_id, start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at, "
                        + "busy_from = EXCLUDED.busy_from, busy_to = EXCLUDED.busy_to, status = EXCLUDED.status, revision = EXCLUDED.revision "
                        + "WHERE appointment_view.revision < EXCLUDED.revision",
                event.appointmentId().id(), event.businessId().id(), event.staffId().id(), event.serviceId().id(),
                event.customerId().id(), customer.name(), customer.email(), customer.phone(),
                ts(event.slot().start()), ts(event.slot().end()), ts(event.blocked().start()), ts(event.blocked().end()),
                event.status().name(), customer.isErased() ? null : event.notes(),
                ViewJson.write(json, customer.isErased() ? Map.of() : event.metadata()), event.revision(), ts(event.bookedAt()),
                event.customerZone() == null ? null : event.customerZone().getId());
    }

    /** The most specific handler wins in Axon: a cancellation records its policy decision, then changes status. */
    @EventHandler
    void on(AppointmentCancelled event, @org.axonframework.eventhandling.Timestamp Instant at) {
        recordDecision(event.appointmentId(), event.businessId(), event.revision(), "CANCELLATION", event.initiatedBy(),
                event.feeDue(), event.policyOverride(), at);
        on((AppointmentStatusChanged) event);
    }

    @EventHandler
    void on(AppointmentStatusChanged event) {
        jdbc.update("UPDATE appointment_view SET status = ?, revision = ? WHERE appointment_id = ? AND revision < ?",
                event.newStatus().name(), event.revision(), event.appointmentId().id(), event.revision());
    }

    /** Only changes a policy charged for or an override let through leave a row. */
    private void recordDecision(AppointmentId appointmentId, BusinessId businessId, long revision, String change,
                                Initiator initiatedBy, Money fee, PolicyOverride override, Instant at) {
        if (fee == null && override == null) {
            return;
        }
        jdbc.update("INSERT INTO appointment_policy_decision (appointment_id, revision, business_id, change, initiated_by, "
                        + "fee_amount, fee_currency, override_actor, override_reason, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (appointment_id, revision) DO NOTHING",
                appointmentId.id(), revision, businessId.id(), change, initiatedBy.name(),
                fee == null ? null : fee.amount(), fee == null ? null : fee.currency(),
                override == null ? null : override.actor(), override == null ? null : override.reason(), ts(at));
    }

    /**
     * Forgets an erased customer's personal data: their appointments and waitlist entries made until the erasure keep
     * their times and states (the calendar needs them) under the erased name, without email, phone, notes or metadata
     * (free-form, so it may hold personal data).
     */
    @EventHandler
    void on(CustomerErased event) {
        Timestamp at = ts(event.erasedAt());
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, erasureLock(event.customerId()));
        jdbc.update("INSERT INTO customer_erasure (customer_id, business_id, erased_at) VALUES (?, ?, ?) ON CONFLICT (customer_id) "
                + "DO UPDATE SET erased_at = GREATEST(customer_erasure.erased_at, EXCLUDED.erased_at)",
                event.customerId().id(), event.businessId().id(), at);
        jdbc.update("UPDATE appointment_view SET customer_name = ?, customer_email = NULL, customer_phone = NULL, notes = NULL, "
                + "metadata = '{}'::jsonb "
                + "WHERE customer_id = ? AND booked_at <= ?", CustomerDetails.ERASED_NAME, event.customerId().id(), at);
        jdbc.update("UPDATE waitlist_view SET customer_name = ? WHERE customer_id = ? AND joined_at <= ?",
                CustomerDetails.ERASED_NAME, event.customerId().id(), at);
    }

    /**
     * The details this read model may keep: the erased form when the customer's data was erased at or after
     * {@code madeAt} (the erasure may be applied before the booking it covers), or when they arrive erased.
     */
    private CustomerDetails visible(CustomerId customerId, CustomerDetails details, Instant madeAt) {
        if (details.isErased()) {
            return details;
        }
        // segments apply events in parallel: the erasure waits until this booking is committed, or this booking
        // until the erasure is, so one of them sees the other
        jdbc.query("SELECT pg_advisory_xact_lock_shared(?)", rs -> null, erasureLock(customerId));
        List<Boolean> erased = jdbc.queryForList("SELECT erased_at >= ? FROM customer_erasure WHERE customer_id = ?",
                Boolean.class, ts(madeAt), customerId.id());
        return !erased.isEmpty() && Boolean.TRUE.equals(erased.get(0)) ? CustomerDetails.erased() : details;
    }

    /** The advisory lock that orders a customer's erasure and the bookings it covers. */
    private static long erasureLock(CustomerId customerId) {
        return 0x6572_6173_6564_0000L ^ customerId.id().getMostSignificantBits() ^ customerId.id().getLeastSignificantBits();
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE business_view, service_view, appointment_policy_decision, staff_view, staff_service, appointment_view, time_off_view, hold_view, waitlist_view, holiday_view, series_view, schedule_position, customer_erasure");
    }

    private void replaceServices(StaffId staffId, BusinessId businessId, Set<ServiceId> services) {
        jdbc.update("DELETE FROM staff_service WHERE staff_id = ?", staffId.id());
        for (ServiceId serviceId : services) {
            jdbc.update("INSERT INTO staff_service (staff_id, service_id, business_id) VALUES (?, ?, ?)",
                    staffId.id(), serviceId.id(), businessId.id());
        }
    }

    private static Timestamp ts(java.time.Instant instant) {
        return Timestamp.from(instant);
    }
}

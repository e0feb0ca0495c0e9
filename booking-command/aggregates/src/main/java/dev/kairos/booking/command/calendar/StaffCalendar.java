package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.AppointmentCompleted;
import dev.kairos.booking.calendar.AppointmentConfirmed;
import dev.kairos.booking.calendar.AppointmentMarkedNoShow;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.AppointmentStatusChanged;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.AppointmentTransferredOut;
import dev.kairos.booking.calendar.BookSlot;
import dev.kairos.booking.calendar.CancelAppointment;
import dev.kairos.booking.calendar.ChangeDecision;
import dev.kairos.booking.calendar.RescheduleAppointment;
import dev.kairos.booking.catalog.ChangePolicy;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.calendar.BlockTime;
import dev.kairos.booking.calendar.BookingLimits;
import dev.kairos.booking.calendar.BookingLimitsSet;
import dev.kairos.booking.calendar.SetBookingLimits;
import dev.kairos.booking.calendar.ClearWorkingDayOverride;
import dev.kairos.booking.calendar.TimeBlocked;
import dev.kairos.booking.calendar.TimeUnblocked;
import dev.kairos.booking.calendar.UnblockTime;
import dev.kairos.booking.common.TimeOffId;
import dev.kairos.booking.calendar.DateOverrides;
import dev.kairos.booking.calendar.DeactivateStaffMember;
import dev.kairos.booking.calendar.OverrideWorkingDay;
import dev.kairos.booking.calendar.WorkingDayOverrideCleared;
import dev.kairos.booking.calendar.WorkingDayOverridden;
import dev.kairos.booking.calendar.RegisterStaffMember;
import dev.kairos.booking.calendar.StaffMemberDeactivated;
import dev.kairos.booking.calendar.StaffMemberRegistered;
import dev.kairos.booking.calendar.StaffProfile;
import dev.kairos.booking.calendar.StaffProfileChanged;
import dev.kairos.booking.calendar.StaffServicesChanged;
import dev.kairos.booking.calendar.UpdateStaffMember;
import dev.kairos.booking.calendar.WeeklySchedule;
import dev.kairos.booking.calendar.WorkingHoursChanged;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.command.support.Revisions;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.common.SlotUnavailableException;
import dev.kairos.booking.scheduling.BookingWindow;
import dev.kairos.booking.scheduling.BusyTimes;
import dev.kairos.booking.scheduling.FreeSlots;
import dev.kairos.booking.scheduling.WorkingTime;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The only authority on one staff member's time: their profile, working hours, the services they provide and
 * every live appointment. Invariant: the blocked intervals (appointment plus buffers) of live appointments never
 * overlap. Finished and cancelled appointments leave the state, so it holds only what decisions need.
 */
@Aggregate(snapshotTriggerDefinition = "calendarSnapshotTrigger", cache = "calendarCache")
public class StaffCalendar {
    static final Duration LONGEST_TIME_OFF = Duration.ofDays(366);
    @AggregateIdentifier
    private String id;
    private StaffId staffId;
    private BusinessId businessId;
    private StaffProfile profile;
    private WeeklySchedule schedule;
    private DateOverrides overrides = DateOverrides.NONE;
    private BookingLimits limits = BookingLimits.NONE;
    private Set<ServiceId> services;
    private boolean active;
    private long revision;
    private Map<AppointmentId, LiveAppointment> live = new HashMap<>();
    /** Periods taken out of bookable time (vacation, sick leave, breaks); few per staff member. */
    private Map<TimeOffId, TimeSlot> timeOff = new HashMap<>();
    /** Live appointments by blocked start; derived from {@link #live}, rebuilt after loading a snapshot. */
    private transient NavigableMap<Instant, LiveAppointment> byBlockedStart;

    protected StaffCalendar() {
    }

    StaffCalendar(RegisterStaffMember command) {
        apply(new StaffMemberRegistered(command.staffId(), command.businessId(), command.profile(), command.schedule(),
                command.services()));
    }

    // ---- decisions about the staff member

    void update(UpdateStaffMember command) {
        Revisions.check(command.expectedRevision(), revision, "staff member");
        long next = revision;
        if (!command.profile().equals(profile)) {
            apply(new StaffProfileChanged(staffId, businessId, command.profile(), ++next));
        }
        if (!command.schedule().equals(schedule)) {
            apply(new WorkingHoursChanged(staffId, businessId, command.schedule(), ++next));
        }
        if (!command.services().equals(services)) {
            apply(new StaffServicesChanged(staffId, businessId, command.services(), ++next));
        }
    }

    /**
     * Other hours on one date. Appointments already booked that day stand: the business moves or cancels them if
     * it wants to. Giving a date the hours it already has changes nothing.
     */
    void overrideDay(OverrideWorkingDay command) {
        Revisions.check(command.expectedRevision(), revision, "staff member");
        if (!overrides.on(command.date()).map(command.hours()::equals).orElse(false)) {
            apply(new WorkingDayOverridden(staffId, businessId, command.date(), command.hours(), revision + 1));
        }
    }

    void clearDayOverride(ClearWorkingDayOverride command) {
        Revisions.check(command.expectedRevision(), revision, "staff member");
        if (overrides.on(command.date()).isPresent()) {
            apply(new WorkingDayOverrideCleared(staffId, businessId, command.date(), revision + 1));
        }
    }

    /**
     * Takes a period out of bookable time. Appointments in the way must be moved or cancelled first: time off
     * never silently overlaps a booking. Blocking the same period under the same id again changes nothing.
     */
    void blockTime(BlockTime command, Instant now) {
        TimeSlot existing = timeOff.get(command.timeOffId());
        if (existing != null) {
            BookingException.require(existing.equals(command.period()), ErrorCode.ALREADY_EXISTS,
                    () -> "time off " + command.timeOffId() + " already exists");
            return;
        }
        TimeSlot period = command.period();
        BookingException.require(period.end().isAfter(now), ErrorCode.INVALID_TIME_RANGE, "time off must end in the future");
        BookingException.require(period.length().compareTo(LONGEST_TIME_OFF) <= 0, ErrorCode.INVALID_TIME_RANGE,
                () -> "time off lasts at most " + LONGEST_TIME_OFF.toDays() + " days");
        BookingException.require(!collidesWithAppointment(period), ErrorCode.SLOT_UNAVAILABLE,
                () -> "appointments of staff member " + staffId + " fall between " + period.start() + " and " + period.end());
        apply(new TimeBlocked(staffId, businessId, command.timeOffId(), period, command.reason()));
    }

    void unblockTime(UnblockTime command) {
        BookingException.require(timeOff.containsKey(command.timeOffId()), ErrorCode.TIME_OFF_NOT_FOUND,
                () -> "time off not found: " + command.timeOffId());
        apply(new TimeUnblocked(staffId, businessId, command.timeOffId()));
    }

    /** New limits apply to bookings from now on; appointments already booked stand. */
    void setLimits(SetBookingLimits command) {
        Revisions.check(command.expectedRevision(), revision, "staff member");
        if (!command.limits().equals(limits)) {
            apply(new BookingLimitsSet(staffId, businessId, command.limits(), revision + 1));
        }
    }

    void deactivate(DeactivateStaffMember command) {
        Revisions.check(command.expectedRevision(), revision, "staff member");
        if (active) {
            apply(new StaffMemberDeactivated(staffId, businessId, revision + 1));
        }
    }

    // ---- decisions about appointments

    /** Books the slot; returns the appointment's revision. Booking the same appointment again changes nothing. */
    long book(BookSlot command, ServiceTerms terms, Instant now) {
        LiveAppointment existing = live.get(command.appointmentId());
        if (existing != null) {
            BookingException.require(existing.slot().start().equals(command.start())
                            && existing.serviceId().equals(command.serviceId()),
                    ErrorCode.ALREADY_EXISTS, "appointment " + command.appointmentId() + " already exists");
            return existing.revision();
        }
        TimeSlot slot = TimeSlot.of(command.start(), terms.duration());
        TimeSlot blocked = slot.widen(terms.bufferBefore(), terms.bufferAfter());
        checkBookable(command.serviceId(), slot, blocked, terms, now, null);
        apply(new AppointmentBooked(command.appointmentId(), businessId, staffId, command.serviceId(),
                command.customerId(), command.customer(), slot, blocked, command.notes(), command.metadata(), now,
                command.customerZone()));
        return 1;
    }

    /**
     * Moves an appointment to a new start with this staff member; returns its revision and the fee due. Moving it
     * to where it already is changes nothing.
     */
    Changed reschedule(RescheduleAppointment command, ServiceTerms terms, Instant now) {
        LiveAppointment appointment = liveAppointment(command.appointmentId(), command.expectedRevision());
        if (appointment.slot().start().equals(command.newStart())) {
            return new Changed(appointment.revision(), null);
        }
        ChangeDecision decision = reschedulePolicy(appointment, command, terms, now);
        TimeSlot slot = TimeSlot.of(command.newStart(), terms.duration());
        TimeSlot blocked = slot.widen(terms.bufferBefore(), terms.bufferAfter());
        checkBookable(appointment.serviceId(), slot, blocked, terms, now, command.appointmentId());
        apply(new AppointmentRescheduled(command.appointmentId(), businessId, staffId, appointment.slot(), slot, blocked,
                appointment.revision() + 1, command.initiatedBy(), decision.feeDue(), decision.policyOverride()));
        return new Changed(appointment.revision() + 1, decision.feeDue());
    }

    /**
     * First half of moving an appointment to another staff member: what is being moved, and what the reschedule
     * policy makes of it (a move to another staff member is a reschedule). Applies nothing.
     */
    Transfer appointmentToTransfer(RescheduleAppointment command, ServiceTerms terms, Instant now) {
        LiveAppointment appointment = liveAppointment(command.appointmentId(), command.expectedRevision());
        return new Transfer(appointment, reschedulePolicy(appointment, command, terms, now));
    }

    /** Takes over an appointment from another staff member's calendar at a new start. */
    void acceptTransfer(Transfer transfer, RescheduleAppointment command, StaffId fromStaffId, ServiceTerms terms, Instant now) {
        LiveAppointment appointment = transfer.appointment();
        TimeSlot slot = TimeSlot.of(command.newStart(), terms.duration());
        TimeSlot blocked = slot.widen(terms.bufferBefore(), terms.bufferAfter());
        checkBookable(appointment.serviceId(), slot, blocked, terms, now, null);
        apply(new AppointmentTransferredIn(appointment.id(), businessId, staffId, fromStaffId, appointment.serviceId(),
                appointment.customerId(), appointment.customer(), appointment.slot(), slot, blocked,
                appointment.status(), appointment.notes(), appointment.metadata(), appointment.bookedAt(),
                appointment.revision() + 1, command.initiatedBy(), transfer.decision().feeDue(),
                transfer.decision().policyOverride(), appointment.customerZone()));
    }

    /** Releases an appointment that moved to another staff member's calendar. */
    void releaseTransfer(LiveAppointment appointment, StaffId toStaffId) {
        apply(new AppointmentTransferredOut(appointment.id(), businessId, staffId, toStaffId, appointment.revision() + 1));
    }

    // Status changes return the appointment's revision afterwards.

    long confirm(AppointmentId appointmentId, Long expectedRevision) {
        LiveAppointment a = liveAppointment(appointmentId, expectedRevision);
        if (a.status() == AppointmentStatus.CONFIRMED) {
            return a.revision();
        }
        requireTransition(a, AppointmentStatus.CONFIRMED);
        apply(new AppointmentConfirmed(appointmentId, businessId, staffId, a.revision() + 1));
        return a.revision() + 1;
    }

    /** Cancels within the service's cancellation policy; returns the revision and the fee due. */
    Changed cancel(CancelAppointment command, ChangePolicy policy, Instant now) {
        LiveAppointment a = liveAppointment(command.appointmentId(), command.expectedRevision());
        requireTransition(a, AppointmentStatus.CANCELLED);
        ChangeDecision decision = ChangeDecision.decide(policy.cancellation(), a.slot().start(), now, command.initiatedBy(),
                command.policyOverride(), ErrorCode.CANCELLATION_WINDOW_CLOSED);
        apply(new AppointmentCancelled(command.appointmentId(), businessId, staffId, command.reason(), a.revision() + 1,
                command.initiatedBy(), decision.feeDue(), decision.policyOverride()));
        return new Changed(a.revision() + 1, decision.feeDue());
    }

    long complete(AppointmentId appointmentId, Long expectedRevision, Instant now) {
        return finish(appointmentId, expectedRevision, now, AppointmentStatus.COMPLETED,
                revision -> new AppointmentCompleted(appointmentId, businessId, staffId, revision));
    }

    long markNoShow(AppointmentId appointmentId, Long expectedRevision, Instant now) {
        return finish(appointmentId, expectedRevision, now, AppointmentStatus.NO_SHOW,
                revision -> new AppointmentMarkedNoShow(appointmentId, businessId, staffId, revision));
    }

    /** Completed and no-show are decided the same way: only for a confirmed appointment that has started. */
    private long finish(AppointmentId appointmentId, Long expectedRevision, Instant now, AppointmentStatus outcome,
                        LongFunction<AppointmentStatusChanged> event) {
        LiveAppointment a = liveAppointment(appointmentId, expectedRevision);
        requireTransition(a, outcome);
        requireStarted(a, now);
        apply(event.apply(a.revision() + 1));
        return a.revision() + 1;
    }

    // ---- rules

    private static ChangeDecision reschedulePolicy(LiveAppointment appointment, RescheduleAppointment command,
                                                   ServiceTerms terms, Instant now) {
        return ChangeDecision.decide(terms.changePolicy().reschedule(), appointment.slot().start(), now,
                command.initiatedBy(), command.policyOverride(), ErrorCode.RESCHEDULE_WINDOW_CLOSED);
    }

    private void checkBookable(ServiceId serviceId, TimeSlot slot, TimeSlot blocked, ServiceTerms terms, Instant now,
                               AppointmentId movingAppointment) {
        BookingException.require(active, ErrorCode.STAFF_INACTIVE, () -> "staff member " + staffId + " is inactive");
        BookingException.require(services.contains(serviceId), ErrorCode.SERVICE_NOT_PROVIDED,
                () -> "staff member " + staffId + " does not provide service " + serviceId);
        BookingWindow window = BookingWindow.of(terms, now);
        BookingException.require(!window.tooSoon(slot.start()), ErrorCode.MINIMUM_NOTICE,
                () -> "the service needs " + terms.minimumNotice() + " notice; earliest start is " + window.earliest());
        BookingException.require(!window.tooLate(slot.start()), ErrorCode.MAXIMUM_ADVANCE,
                () -> "the service can be booked at most " + terms.maxAdvanceDays() + " days ahead; latest start is " + window.latest());
        BookingException.require(WorkingTime.covers(schedule, overrides, profile.zone(), slot), ErrorCode.OUTSIDE_WORKING_HOURS,
                () -> "the appointment " + slot.start() + "–" + slot.end() + " is outside the working hours of staff member " + staffId);
        requireWithinLimits(slot, movingAppointment);
        if (collides(blocked, movingAppointment)) {
            throw new SlotUnavailableException("staff member " + staffId + " is not free for " + slot.start() + "–"
                    + slot.end() + " (with buffers " + blocked.start() + "–" + blocked.end() + ")",
                    staffId, nearestFree(slot.start(), terms, window, movingAppointment));
        }
    }

    /** Up to three free slots nearest to {@code wanted}, within three days of it, from this calendar's own state. */
    private List<TimeSlot> nearestFree(Instant wanted, ServiceTerms terms, BookingWindow window, AppointmentId except) {
        Duration reach = Duration.ofDays(3);
        List<TimeSlot> busy = new ArrayList<>(timeOff.values());
        // a blocked interval lasts at most three days (24 h of service, 24 h of buffer on each side): those starting
        // in this window are all that can collide with a candidate
        Duration longestBlock = Duration.ofDays(3);
        index().subMap(wanted.minus(reach).minus(longestBlock), true, wanted.plus(reach).plus(longestBlock), false)
                .values().forEach(a -> {
                    if (!a.id().equals(except)) {
                        busy.add(a.blocked());
                    }
                });
        return FreeSlots.find(schedule, overrides, profile.zone(), BusyTimes.of(busy), terms, window, wanted.minus(reach), wanted.plus(reach))
                .stream()
                .sorted(Comparator.comparing((Instant start) -> Duration.between(start, wanted).abs()).thenComparing(start -> start))
                .limit(3)
                .map(start -> TimeSlot.of(start, terms.duration()))
                .toList();
    }

    /** Counts the live appointments of the slot's date and week, the one being moved excepted. */
    private void requireWithinLimits(TimeSlot slot, AppointmentId except) {
        if (limits.isNone()) {
            return;
        }
        ZoneId zone = profile.zone();
        LocalDate date = slot.start().atZone(zone).toLocalDate();
        LocalDate week = BookingLimits.weekOf(date);
        int onDate = 0;
        int inWeek = 0;
        for (LiveAppointment a : live.values()) {
            if (a.id().equals(except)) {
                continue;
            }
            LocalDate other = a.slot().start().atZone(zone).toLocalDate();
            onDate += other.equals(date) ? 1 : 0;
            inWeek += BookingLimits.weekOf(other).equals(week) ? 1 : 0;
        }
        BookingException.require(limits.perDay() == null || onDate < limits.perDay(), ErrorCode.BOOKING_LIMIT_REACHED,
                () -> "staff member " + staffId + " takes at most " + limits.perDay() + " appointments on " + date);
        BookingException.require(limits.perWeek() == null || inWeek < limits.perWeek(), ErrorCode.BOOKING_LIMIT_REACHED,
                () -> "staff member " + staffId + " takes at most " + limits.perWeek() + " appointments in the week of " + week);
    }

    private boolean collides(TimeSlot blocked, AppointmentId except) {
        for (TimeSlot off : timeOff.values()) {
            if (off.overlaps(blocked)) {
                return true;
            }
        }
        return collidesWithAppointment(blocked, except);
    }

    private boolean collidesWithAppointment(TimeSlot blocked) {
        return collidesWithAppointment(blocked, null);
    }

    private boolean collidesWithAppointment(TimeSlot blocked, AppointmentId except) {
        NavigableMap<Instant, LiveAppointment> index = index();
        Instant from = index.floorKey(blocked.start());
        for (LiveAppointment other : index.subMap(from == null ? blocked.start() : from, true, blocked.end(), false).values()) {
            if (!other.id().equals(except) && other.blocked().overlaps(blocked)) {
                return true;
            }
        }
        return false;
    }

    private LiveAppointment liveAppointment(AppointmentId appointmentId, Long expectedRevision) {
        LiveAppointment appointment = live.get(appointmentId);
        if (appointment == null) {
            throw new BookingException(ErrorCode.APPOINTMENT_NOT_FOUND, "appointment " + appointmentId + " not found");
        }
        Revisions.check(expectedRevision, appointment.revision(), "appointment");
        return appointment;
    }

    private static void requireTransition(LiveAppointment a, AppointmentStatus next) {
        BookingException.require(a.status().canMoveTo(next), ErrorCode.ILLEGAL_STATUS_TRANSITION,
                () -> "an appointment that is " + a.status() + " cannot become " + next);
    }

    private static void requireStarted(LiveAppointment a, Instant now) {
        BookingException.require(!now.isBefore(a.slot().start()), ErrorCode.APPOINTMENT_NOT_STARTED,
                () -> "the appointment starts at " + a.slot().start());
    }

    /** A change decided: the appointment's revision afterwards and the fee the policy charged ({@code null} if none). */
    record Changed(long revision, Money feeDue) {
    }

    /** An appointment about to leave this calendar, and what the reschedule policy made of the move. */
    record Transfer(LiveAppointment appointment, ChangeDecision decision) {
    }

    // ---- queries the handlers need

    BusinessId businessId() {
        return businessId;
    }

    StaffId staffId() {
        return staffId;
    }

    long revision() {
        return revision;
    }

    // ---- state

    @EventSourcingHandler
    void on(StaffMemberRegistered event) {
        id = event.staffId().toString();
        staffId = event.staffId();
        businessId = event.businessId();
        profile = event.profile();
        schedule = event.schedule();
        services = event.services();
        active = true;
        revision = 1;
    }

    @EventSourcingHandler
    void on(StaffProfileChanged event) {
        profile = event.profile();
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(WorkingHoursChanged event) {
        schedule = event.schedule();
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(WorkingDayOverridden event) {
        overrides = overrides.with(event.date(), event.hours());
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(WorkingDayOverrideCleared event) {
        overrides = overrides.without(event.date());
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(BookingLimitsSet event) {
        limits = event.limits();
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(TimeBlocked event) {
        timeOff.put(event.timeOffId(), event.period());
    }

    @EventSourcingHandler
    void on(TimeUnblocked event) {
        timeOff.remove(event.timeOffId());
    }

    @EventSourcingHandler
    void on(StaffServicesChanged event) {
        services = event.services();
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(StaffMemberDeactivated event) {
        active = false;
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(AppointmentBooked event) {
        hold(new LiveAppointment(event.appointmentId(), event.serviceId(), event.customerId(), event.customer(),
                event.slot(), event.blocked(), AppointmentStatus.SCHEDULED, event.notes(), event.metadata(),
                event.bookedAt(), 1, event.customerZone()));
    }

    @EventSourcingHandler
    void on(AppointmentRescheduled event) {
        LiveAppointment before = release(event.appointmentId());
        hold(before.moved(event.slot(), event.blocked(), event.revision()));
    }

    @EventSourcingHandler
    void on(AppointmentTransferredIn event) {
        hold(new LiveAppointment(event.appointmentId(), event.serviceId(), event.customerId(), event.customer(),
                event.slot(), event.blocked(), event.status(), event.notes(), event.metadata(), event.bookedAt(),
                event.revision(), event.customerZone()));
    }

    @EventSourcingHandler
    void on(AppointmentTransferredOut event) {
        release(event.appointmentId());
    }

    @EventSourcingHandler
    void on(AppointmentStatusChanged event) {
        LiveAppointment before = live.get(event.appointmentId());
        if (event.newStatus().isLive()) {
            live.put(before.id(), before.withStatus(event.newStatus(), event.revision()));
            index().put(before.blocked().start(), live.get(before.id()));
        } else {
            release(event.appointmentId());
        }
    }

    private void hold(LiveAppointment appointment) {
        live.put(appointment.id(), appointment);
        index().put(appointment.blocked().start(), appointment);
    }

    private LiveAppointment release(AppointmentId appointmentId) {
        LiveAppointment removed = live.remove(appointmentId);
        if (removed != null) {
            index().remove(removed.blocked().start());
        }
        return removed;
    }

    private NavigableMap<Instant, LiveAppointment> index() {
        if (byBlockedStart == null) {
            byBlockedStart = new TreeMap<>();
            live.values().forEach(a -> byBlockedStart.put(a.blocked().start(), a));
        }
        return byBlockedStart;
    }
}

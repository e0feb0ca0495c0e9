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
import dev.kairos.booking.calendar.ConfirmHold;
import dev.kairos.booking.calendar.HoldConfirmed;
import dev.kairos.booking.calendar.HoldEnded;
import dev.kairos.booking.calendar.HoldExpired;
import dev.kairos.booking.calendar.HoldPlaced;
import dev.kairos.booking.calendar.HoldReleased;
import dev.kairos.booking.calendar.PlaceHold;
import dev.kairos.booking.common.HoldId;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import dev.kairos.booking.calendar.CancelAppointment;
import dev.kairos.booking.calendar.ChangeDecision;
import dev.kairos.booking.calendar.Initiator;
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
import dev.kairos.booking.series.BookSeries;
import dev.kairos.booking.series.CancelSeries;
import dev.kairos.booking.series.Occurrence;
import dev.kairos.booking.series.OccurrenceOutcome;
import dev.kairos.booking.series.RescheduleSeries;
import dev.kairos.booking.series.SeriesBooked;
import dev.kairos.booking.series.SeriesCancelled;
import dev.kairos.booking.series.SeriesConflictException;
import dev.kairos.booking.series.SeriesId;
import dev.kairos.booking.series.SeriesMode;
import dev.kairos.booking.series.SeriesRescheduled;
import dev.kairos.booking.series.SeriesScope;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;
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
    /** Slots kept for customers completing checkout; each ends by confirmation, release or expiry. */
    private Map<HoldId, Hold> holds = new HashMap<>();
    /** The series this calendar holds, with every occurrence (all of a series' occurrences live in one calendar). */
    private Map<SeriesId, SeriesInCalendar> series = new HashMap<>();
    /** Live appointments by blocked start; derived from {@link #live}, rebuilt after loading a snapshot. */
    private transient NavigableMap<Instant, Map<AppointmentId, LiveAppointment>> byBlockedStart;

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
        BookingException.require(!collidesWithAppointment(period) && !collidesWithHold(period, now), ErrorCode.SLOT_UNAVAILABLE,
                () -> "appointments or holds of staff member " + staffId + " fall between " + period.start() + " and " + period.end());
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
    long book(BookSlot command, ServiceTerms terms, List<TimeSlot> holidays, Instant now) {
        LiveAppointment existing = live.get(command.appointmentId());
        if (existing != null) {
            BookingException.require(existing.slot().start().equals(command.start())
                            && existing.serviceId().equals(command.serviceId()),
                    ErrorCode.ALREADY_EXISTS, "appointment " + command.appointmentId() + " already exists");
            return existing.revision();
        }
        TimeSlot slot = TimeSlot.of(command.start(), terms.duration());
        TimeSlot blocked = slot.widen(terms.bufferBefore(), terms.bufferAfter());
        checkBookable(command.serviceId(), slot, blocked, terms, holidays, now, null);
        apply(new AppointmentBooked(command.appointmentId(), businessId, staffId, command.serviceId(),
                command.customerId(), command.customer(), slot, blocked, command.notes(), command.metadata(), now,
                command.customerZone()));
        return 1;
    }

    /**
     * Moves an appointment to a new start with this staff member; returns its revision and the fee due. Moving it
     * to where it already is changes nothing.
     */
    Changed reschedule(RescheduleAppointment command, ServiceTerms terms, List<TimeSlot> holidays, Instant now) {
        LiveAppointment appointment = liveAppointment(command.appointmentId(), command.expectedRevision());
        if (appointment.slot().start().equals(command.newStart())) {
            return new Changed(appointment.revision(), null);
        }
        ChangeDecision decision = reschedulePolicy(appointment, command, terms, now);
        TimeSlot slot = TimeSlot.of(command.newStart(), terms.duration());
        TimeSlot blocked = slot.widen(terms.bufferBefore(), terms.bufferAfter());
        checkBookable(appointment.serviceId(), slot, blocked, terms, holidays, now, command.appointmentId());
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
        BookingException.require(appointment.seriesId() == null, ErrorCode.SERIES_STAFF_FIXED,
                () -> "appointment " + command.appointmentId() + " belongs to series " + appointment.seriesId()
                        + ", whose occurrences all stay with one staff member; cancel it and book anew instead");
        return new Transfer(appointment, reschedulePolicy(appointment, command, terms, now));
    }

    /** Takes over an appointment from another staff member's calendar at a new start. */
    void acceptTransfer(Transfer transfer, RescheduleAppointment command, StaffId fromStaffId, ServiceTerms terms,
                        List<TimeSlot> holidays, Instant now) {
        LiveAppointment appointment = transfer.appointment();
        TimeSlot slot = TimeSlot.of(command.newStart(), terms.duration());
        TimeSlot blocked = slot.widen(terms.bufferBefore(), terms.bufferAfter());
        checkBookable(appointment.serviceId(), slot, blocked, terms, holidays, now, null);
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

    // ---- decisions about holds

    /**
     * Holds a slot for a while. It blocks the slot like an appointment (and counts towards booking limits) until it
     * is confirmed, released or expires; the expiry is a persistent deadline, and a hold past its expiry stops
     * blocking even before the deadline has recorded it. Placing the same hold again changes nothing.
     */
    public void placeHold(PlaceHold command, ServiceTerms terms, List<TimeSlot> holidays, Instant now,
                          DeadlineManager deadlines) {
        Hold existing = holds.get(command.holdId());
        if (existing != null) {
            BookingException.require(existing.slot().start().equals(command.start())
                    && existing.serviceId().equals(command.serviceId()), ErrorCode.ALREADY_EXISTS,
                    () -> "hold " + command.holdId() + " already exists");
            return;
        }
        BookingException.require(command.holdFor().compareTo(Hold.SHORTEST) >= 0 && command.holdFor().compareTo(Hold.LONGEST) <= 0,
                ErrorCode.INVALID_DURATION, () -> "a hold lasts from " + Hold.SHORTEST.toSeconds() + " seconds to "
                        + Hold.LONGEST.toMinutes() + " minutes");
        TimeSlot slot = TimeSlot.of(command.start(), terms.duration());
        TimeSlot blocked = slot.widen(terms.bufferBefore(), terms.bufferAfter());
        checkBookable(command.serviceId(), slot, blocked, terms, holidays, now, null);
        apply(new HoldPlaced(command.holdId(), businessId, staffId, command.serviceId(), slot, blocked, now,
                now.plus(command.holdFor())));
        deadlines.schedule(command.holdFor(), Hold.EXPIRY_DEADLINE, new Hold.ExpiryDue(command.holdId()));
    }

    /** Books the held slot for the customer; nothing but the hold's own life is checked again. */
    public long confirmHold(ConfirmHold command, Instant now) {
        Hold hold = holds.get(command.holdId());
        BookingException.require(hold != null, ErrorCode.HOLD_ENDED, () -> "hold " + command.holdId() + " has ended");
        BookingException.require(hold.liveAt(now), ErrorCode.HOLD_EXPIRED, () -> "hold " + command.holdId() + " expired at " + hold.expiresAt());
        BookingException.require(active, ErrorCode.STAFF_INACTIVE, () -> "staff member " + staffId + " is inactive");
        apply(new HoldConfirmed(command.holdId(), businessId, staffId, command.appointmentId()));
        apply(new AppointmentBooked(command.appointmentId(), businessId, staffId, hold.serviceId(), command.customerId(),
                command.customer(), hold.slot(), hold.blocked(), command.notes(), command.metadata(), now));
        return 1;
    }

    /** What a hold keeps, or {@code null} once it ended. */
    public HeldSlot held(HoldId holdId) {
        Hold hold = holds.get(holdId);
        return hold == null ? null : new HeldSlot(hold.serviceId(), hold.slot().start());
    }

    /** Releasing a hold that already ended changes nothing. */
    public void releaseHold(HoldId holdId) {
        Hold hold = holds.get(holdId);
        if (hold != null) {
            apply(new HoldReleased(holdId, businessId, staffId, hold.serviceId(), hold.slot()));
        }
    }

    @DeadlineHandler(deadlineName = Hold.EXPIRY_DEADLINE)
    void expire(Hold.ExpiryDue due) {
        Hold hold = holds.get(due.holdId());
        if (hold != null) {
            apply(new HoldExpired(due.holdId(), businessId, staffId, hold.serviceId(), hold.slot(), hold.expiresAt()));
        }
    }

    // ---- decisions about series

    /**
     * Which occurrences could be booked now and why the others could not, decided from this calendar's state
     * exactly as {@link #bookSeries} would, without applying anything.
     */
    List<OccurrenceOutcome> previewSeries(SeriesId seriesId, ServiceId serviceId, List<Occurrence> occurrences,
                                          ServiceTerms terms, List<TimeSlot> holidays, Instant now) {
        requireSeriesBookable(serviceId, occurrences, terms, now);
        return plan(seriesId, serviceId, occurrences, terms, holidays, now);
    }

    /**
     * Books a series in one decision. Occurrences are checked in order, each against the calendar and the
     * occurrences accepted before it (so a series cannot overlap itself or exceed a limit on its own). All or
     * nothing: any occurrence that cannot be booked rejects the series. Free ones: the others are skipped, but a
     * series of which nothing is free is rejected. Booking the same series again answers with the first outcome.
     */
    List<OccurrenceOutcome> bookSeries(BookSeries command, ZoneId zone, String rule, List<Occurrence> occurrences,
                                       ServiceTerms terms, List<TimeSlot> holidays, Set<AppointmentId> beyondCustomerLimit,
                                       Instant now) {
        SeriesInCalendar existing = series.get(command.seriesId());
        if (existing != null) {
            BookingException.require(existing.rule().equals(rule) && existing.firstStart().equals(command.firstStart())
                            && existing.serviceId().equals(command.serviceId()) && existing.zone().equals(zone),
                    ErrorCode.ALREADY_EXISTS, () -> "series " + command.seriesId() + " already exists");
            return existing.occurrences();
        }
        requireSeriesBookable(command.serviceId(), occurrences, terms, now);
        List<OccurrenceOutcome> plan = plan(command.seriesId(), command.serviceId(), occurrences, terms, holidays, now).stream()
                .map(o -> o.isFree() && beyondCustomerLimit.contains(o.appointmentId())
                        ? new OccurrenceOutcome(o.index(), o.appointmentId(), o.localStart(), o.start(),
                        ErrorCode.CUSTOMER_LIMIT_REACHED.code(), "the customer's limit for the service is reached in its period")
                        : o)
                .toList();
        List<OccurrenceOutcome> conflicts = plan.stream().filter(o -> !o.isFree()).toList();
        if (!conflicts.isEmpty() && (command.mode() == SeriesMode.ALL_OR_NOTHING || conflicts.size() == plan.size())) {
            throw new SeriesConflictException(conflicts.size() + " of " + plan.size() + " occurrences cannot be booked"
                    + (command.mode() == SeriesMode.ALL_OR_NOTHING ? "; nothing was booked" : ", none is free"), conflicts);
        }
        apply(new SeriesBooked(command.seriesId(), businessId, staffId, command.serviceId(), command.customerId(), rule,
                command.firstStart(), zone, command.mode(), plan));
        for (OccurrenceOutcome o : plan) {
            if (o.isFree()) {
                TimeSlot slot = TimeSlot.of(o.start(), terms.duration());
                apply(new AppointmentBooked(o.appointmentId(), businessId, staffId, command.serviceId(),
                        command.customerId(), command.customer(), slot, slot.widen(terms.bufferBefore(), terms.bufferAfter()),
                        command.notes(), command.metadata(), now, command.seriesId()));
            }
        }
        return plan;
    }

    private void requireSeriesBookable(ServiceId serviceId, List<Occurrence> occurrences, ServiceTerms terms, Instant now) {
        requireProvides(serviceId);
        BookingWindow window = BookingWindow.of(terms, now);
        Occurrence last = occurrences.get(occurrences.size() - 1);
        BookingException.require(!window.tooLate(last.start()), ErrorCode.SERIES_TOO_LONG,
                () -> "the series must end within the service's booking window of " + terms.maxAdvanceDays()
                        + " days; its last occurrence " + last.localStart() + " is after " + window.latest());
    }

    private List<OccurrenceOutcome> plan(SeriesId seriesId, ServiceId serviceId, List<Occurrence> occurrences,
                                         ServiceTerms terms, List<TimeSlot> holidays, Instant now) {
        BookingWindow window = BookingWindow.of(terms, now);
        List<LiveAppointment> accepted = new ArrayList<>();
        List<OccurrenceOutcome> plan = new ArrayList<>();
        for (Occurrence o : occurrences) {
            AppointmentId id = seriesId == null ? null : seriesId.occurrence(o.index());
            TimeSlot slot = TimeSlot.of(o.start(), terms.duration());
            TimeSlot blocked = slot.widen(terms.bufferBefore(), terms.bufferAfter());
            OccurrenceOutcome outcome = judge(o.index(), id, o.localStart(), serviceId, slot, blocked, terms, window,
                    holidays, now, Set.of(), accepted);
            if (outcome.isFree()) {
                accepted.add(tentative(id, serviceId, slot, blocked));
            }
            plan.add(outcome);
        }
        return plan;
    }

    private OccurrenceOutcome judge(int index, AppointmentId id, LocalDateTime local, ServiceId serviceId, TimeSlot slot,
                                    TimeSlot blocked, ServiceTerms terms, BookingWindow window, List<TimeSlot> holidays,
                                    Instant now, Set<AppointmentId> except, List<LiveAppointment> accepted) {
        try {
            if (fitsInTime(serviceId, slot, blocked, terms, window, holidays, now, except, accepted)) {
                return OccurrenceOutcome.free(index, id, local, slot.start());
            }
            return new OccurrenceOutcome(index, id, local, slot.start(), ErrorCode.SLOT_UNAVAILABLE.code(),
                    "staff member " + staffId + " is not free for " + slot.start() + "–" + slot.end());
        } catch (BookingException e) {
            return new OccurrenceOutcome(index, id, local, slot.start(), e.errorCode().code(), e.getMessage());
        }
    }

    private static LiveAppointment tentative(AppointmentId id, ServiceId serviceId, TimeSlot slot, TimeSlot blocked) {
        return new LiveAppointment(id, serviceId, null, null, slot, blocked, AppointmentStatus.SCHEDULED, null, Map.of(),
                null, 0, null, null);
    }

    /** Cancels the live, not yet started occurrences in scope; returns them (none: nothing left to do). */
    List<AppointmentId> cancelSeries(CancelSeries command, ChangePolicy policy, Instant now) {
        SeriesInCalendar s = seriesOf(command.seriesId());
        List<LiveAppointment> targets = inScope(s, command.scope(), command.appointmentId(), now);
        if (targets.isEmpty()) {
            return List.of();
        }
        // the business decides: no fee, but an occurrence inside the closed window needs an override
        List<ChangeDecision> decisions = targets.stream().map(a -> ChangeDecision.decide(policy.cancellation(),
                a.slot().start(), now, Initiator.BUSINESS, command.policyOverride(), ErrorCode.CANCELLATION_WINDOW_CLOSED)).toList();
        List<AppointmentId> ids = targets.stream().map(LiveAppointment::id).toList();
        apply(new SeriesCancelled(s.id(), businessId, staffId, command.scope(), command.appointmentId(), ids, command.reason()));
        for (int i = 0; i < targets.size(); i++) {
            LiveAppointment a = targets.get(i);
            apply(new AppointmentCancelled(a.id(), businessId, staffId, command.reason(), a.revision() + 1, Initiator.BUSINESS,
                    decisions.get(i).feeDue(), decisions.get(i).policyOverride()));
        }
        return ids;
    }

    /**
     * Moves the live, not yet started occurrences in scope to a new local time of day and/or shifted dates in the
     * series' zone, all or none: each new time passes every booking rule, against the calendar without the moving
     * occurrences' current times and against the occurrences already placed in this decision.
     */
    List<AppointmentId> rescheduleSeries(RescheduleSeries command, ServiceTerms terms, List<TimeSlot> holidays, Instant now) {
        ChangePolicy policy = terms.changePolicy();
        SeriesInCalendar s = seriesOf(command.seriesId());
        requireProvides(s.serviceId());
        List<LiveAppointment> targets = inScope(s, command.scope(), command.appointmentId(), now);
        BookingException.require(command.scope() != SeriesScope.ONE || !targets.isEmpty(), ErrorCode.ILLEGAL_STATUS_TRANSITION,
                () -> "occurrence " + command.appointmentId() + " is no longer scheduled and cannot be moved");
        Set<AppointmentId> moving = new java.util.HashSet<>();
        targets.forEach(a -> moving.add(a.id()));
        BookingWindow window = BookingWindow.of(terms, now);
        List<LiveAppointment> placed = new ArrayList<>();
        List<OccurrenceOutcome> conflicts = new ArrayList<>();
        List<LiveAppointment> changed = new ArrayList<>();
        for (LiveAppointment a : targets) {
            LocalDateTime current = a.slot().start().atZone(s.zone()).toLocalDateTime();
            LocalTime time = command.newLocalTime() == null ? current.toLocalTime() : command.newLocalTime();
            LocalDateTime wanted = current.toLocalDate().plusDays(command.shiftDays()).atTime(time);
            TimeSlot slot = TimeSlot.of(WorkingTime.instantOf(s.zone(), wanted), terms.duration());
            TimeSlot blocked = slot.widen(terms.bufferBefore(), terms.bufferAfter());
            int index = s.indexOf(a.id()).orElseThrow();
            OccurrenceOutcome outcome = judge(index, a.id(), wanted, a.serviceId(), slot, blocked, terms, window, holidays, now,
                    moving, placed);
            if (!outcome.isFree()) {
                conflicts.add(outcome);
                continue;
            }
            placed.add(tentative(a.id(), a.serviceId(), slot, blocked));
            if (!slot.start().equals(a.slot().start())) {
                changed.add(a.moved(slot, blocked, a.revision() + 1));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new SeriesConflictException(conflicts.size() + " of " + targets.size()
                    + " occurrences cannot be moved; nothing was moved", conflicts);
        }
        if (changed.isEmpty()) {
            return List.of();
        }
        List<ChangeDecision> decisions = changed.stream().map(after -> ChangeDecision.decide(policy.reschedule(),
                live.get(after.id()).slot().start(), now, Initiator.BUSINESS, command.policyOverride(),
                ErrorCode.RESCHEDULE_WINDOW_CLOSED)).toList();
        List<AppointmentId> ids = changed.stream().map(LiveAppointment::id).toList();
        apply(new SeriesRescheduled(s.id(), businessId, staffId, command.scope(), command.appointmentId(),
                command.newLocalTime(), command.shiftDays(), s.zone(), ids));
        for (int i = 0; i < changed.size(); i++) {
            LiveAppointment after = changed.get(i);
            apply(new AppointmentRescheduled(after.id(), businessId, staffId, live.get(after.id()).slot(), after.slot(),
                    after.blocked(), after.revision(), Initiator.BUSINESS, decisions.get(i).feeDue(),
                    decisions.get(i).policyOverride()));
        }
        return ids;
    }

    private SeriesInCalendar seriesOf(SeriesId seriesId) {
        SeriesInCalendar s = series.get(seriesId);
        if (s == null) {
            throw new BookingException(ErrorCode.SERIES_NOT_FOUND, "series not found: " + seriesId);
        }
        return s;
    }

    /**
     * The live occurrences a scope addresses, in order; occurrences that already started are never included, and
     * naming one for ONE or THIS_AND_FOLLOWING is rejected.
     */
    private List<LiveAppointment> inScope(SeriesInCalendar s, SeriesScope scope, AppointmentId named, Instant now) {
        int from = 0;
        if (scope != SeriesScope.ALL) {
            BookingException.require(named != null, ErrorCode.VALIDATION_FAILED,
                    () -> "scope " + scope + " names the occurrence it starts from");
            OptionalInt index = s.indexOf(named);
            BookingException.require(index.isPresent(), ErrorCode.NOT_IN_SERIES,
                    () -> "appointment " + named + " is not an occurrence of series " + s.id());
            LiveAppointment one = live.get(named);
            BookingException.require(one == null || !one.slot().start().isBefore(now), ErrorCode.OCCURRENCE_STARTED,
                    () -> "occurrence " + named + " started at " + one.slot().start() + "; past occurrences are never changed");
            if (scope == SeriesScope.ONE) {
                return one == null ? List.of() : List.of(one);
            }
            from = index.getAsInt();
        }
        List<LiveAppointment> targets = new ArrayList<>();
        for (OccurrenceOutcome o : s.occurrences()) {
            LiveAppointment a = o.index() >= from ? live.get(o.appointmentId()) : null;
            if (a != null && !a.slot().start().isBefore(now)) {
                targets.add(a);
            }
        }
        return targets;
    }

    // ---- rules

    private static ChangeDecision reschedulePolicy(LiveAppointment appointment, RescheduleAppointment command,
                                                   ServiceTerms terms, Instant now) {
        return ChangeDecision.decide(terms.changePolicy().reschedule(), appointment.slot().start(), now,
                command.initiatedBy(), command.policyOverride(), ErrorCode.RESCHEDULE_WINDOW_CLOSED);
    }

    /**
     * {@code holidays}: the periods of the business's holidays around the slot (from the command-side lookups); the
     * appointment with its buffers must not touch one, whatever the staff member's own zone and hours.
     */
    private void checkBookable(ServiceId serviceId, TimeSlot slot, TimeSlot blocked, ServiceTerms terms,
                               List<TimeSlot> holidays, Instant now, AppointmentId movingAppointment) {
        requireProvides(serviceId);
        BookingWindow window = BookingWindow.of(terms, now);
        Set<AppointmentId> except = movingAppointment == null ? Set.of() : Set.of(movingAppointment);
        if (!fitsInTime(serviceId, slot, blocked, terms, window, holidays, now, except, List.of())) {
            throw new SlotUnavailableException("staff member " + staffId + " is not free for " + slot.start() + "–"
                    + slot.end() + " (with buffers " + blocked.start() + "–" + blocked.end() + ")",
                    staffId, nearestFree(slot.start(), terms, window, holidays, movingAppointment, now));
        }
    }

    private void requireProvides(ServiceId serviceId) {
        BookingException.require(active, ErrorCode.STAFF_INACTIVE, () -> "staff member " + staffId + " is inactive");
        BookingException.require(services.contains(serviceId), ErrorCode.SERVICE_NOT_PROVIDED,
                () -> "staff member " + staffId + " does not provide service " + serviceId);
    }

    /**
     * The rules about time: notice, advance, holidays, working hours, seats, limits (throwing their codes); then
     * whether the blocked interval is free (the answer). {@code except} are appointments being moved (their current
     * time does not count), {@code tentative} appointments decided earlier in the same decision (a series) that count
     * as if booked.
     */
    private boolean fitsInTime(ServiceId serviceId, TimeSlot slot, TimeSlot blocked, ServiceTerms terms, BookingWindow window,
                               List<TimeSlot> holidays, Instant now, Set<AppointmentId> except,
                               List<LiveAppointment> tentative) {
        BookingException.require(!window.tooSoon(slot.start()), ErrorCode.MINIMUM_NOTICE,
                () -> "the service needs " + terms.minimumNotice() + " notice; earliest start is " + window.earliest());
        BookingException.require(!window.tooLate(slot.start()), ErrorCode.MAXIMUM_ADVANCE,
                () -> "the service can be booked at most " + terms.maxAdvanceDays() + " days ahead; latest start is " + window.latest());
        for (TimeSlot holiday : holidays) {
            BookingException.require(!holiday.overlaps(blocked), ErrorCode.BUSINESS_HOLIDAY,
                    () -> "the business is closed for a holiday from " + holiday.start() + " to " + holiday.end());
        }
        BookingException.require(WorkingTime.covers(schedule, overrides, profile.zone(), slot), ErrorCode.OUTSIDE_WORKING_HOURS,
                () -> "the appointment " + slot.start() + "–" + slot.end() + " is outside the working hours of staff member " + staffId);
        int seatsTaken = seatsTaken(serviceId, slot, blocked, terms, except, tentative, now);
        if (seatsTaken <= 0) {
            // joining a group session that already runs adds no appointment to the staff member's day
            requireWithinLimits(slot, except, tentative, now);
        }
        BookingException.require(seatsTaken < terms.capacity(), ErrorCode.SESSION_FULL,
                () -> "all " + terms.capacity() + " seats of the session at " + slot.start() + " are taken");
        return seatsTaken >= 0;
    }

    /** Up to three free slots nearest to {@code wanted}, within three days of it, from this calendar's own state. */
    private List<TimeSlot> nearestFree(Instant wanted, ServiceTerms terms, BookingWindow window, List<TimeSlot> holidays,
                                       AppointmentId except, Instant now) {
        Duration reach = Duration.ofDays(3);
        List<TimeSlot> busy = new ArrayList<>(timeOff.values());
        busy.addAll(holidays);
        holds.values().stream().filter(h -> h.liveAt(now)).forEach(h -> busy.add(h.blocked()));
        // a blocked interval lasts at most three days (24 h of service, 24 h of buffer on each side): those starting
        // in this window are all that can collide with a candidate
        Duration longestBlock = Duration.ofDays(3);
        index().subMap(wanted.minus(reach).minus(longestBlock), true, wanted.plus(reach).plus(longestBlock), false)
                .values().forEach(session -> session.values().forEach(a -> {
                    if (!a.id().equals(except)) {
                        busy.add(a.blocked());
                    }
                }));
        return FreeSlots.find(schedule, overrides, profile.zone(), BusyTimes.of(busy), terms, window, wanted.minus(reach), wanted.plus(reach))
                .stream()
                .sorted(Comparator.comparing((Instant start) -> Duration.between(start, wanted).abs()).thenComparing(start -> start))
                .limit(3)
                .map(start -> TimeSlot.of(start, terms.duration()))
                .toList();
    }

    /**
     * Counts the sessions of the slot's date and week: live and tentative appointments (the ones being moved excepted)
     * and live holds. A group session counts once, however many seats are taken.
     */
    private void requireWithinLimits(TimeSlot slot, Set<AppointmentId> except, List<LiveAppointment> tentative, Instant now) {
        if (limits.isNone()) {
            return;
        }
        ZoneId zone = profile.zone();
        LocalDate date = slot.start().atZone(zone).toLocalDate();
        LocalDate week = BookingLimits.weekOf(date);
        Set<String> onDateSessions = new java.util.HashSet<>();
        Set<String> inWeekSessions = new java.util.HashSet<>();
        List<Map.Entry<ServiceId, TimeSlot>> taken = new ArrayList<>();
        live.values().stream().filter(a -> !except.contains(a.id())).forEach(a -> taken.add(Map.entry(a.serviceId(), a.slot())));
        tentative.forEach(a -> taken.add(Map.entry(a.serviceId(), a.slot())));
        holds.values().stream().filter(h -> h.liveAt(now)).forEach(h -> taken.add(Map.entry(h.serviceId(), h.slot())));
        for (Map.Entry<ServiceId, TimeSlot> t : taken) {
            LocalDate other = t.getValue().start().atZone(zone).toLocalDate();
            String session = t.getKey() + "@" + t.getValue().start();
            if (other.equals(date)) {
                onDateSessions.add(session);
            }
            if (BookingLimits.weekOf(other).equals(week)) {
                inWeekSessions.add(session);
            }
        }
        int onDate = onDateSessions.size();
        int inWeek = inWeekSessions.size();
        BookingException.require(limits.perDay() == null || onDate < limits.perDay(), ErrorCode.BOOKING_LIMIT_REACHED,
                () -> "staff member " + staffId + " takes at most " + limits.perDay() + " appointments on " + date);
        BookingException.require(limits.perWeek() == null || inWeek < limits.perWeek(), ErrorCode.BOOKING_LIMIT_REACHED,
                () -> "staff member " + staffId + " takes at most " + limits.perWeek() + " appointments in the week of " + week);
    }

    /**
     * How many seats of the session ({@code serviceId}, {@code slot}) are taken by appointments, tentative ones and
     * live holds, or -1 when anything else is in the way (time off, another appointment or hold). For a service
     * without seats any overlap is in the way, so the answer is 0 or -1.
     */
    private int seatsTaken(ServiceId serviceId, TimeSlot slot, TimeSlot blocked, ServiceTerms terms, Set<AppointmentId> except,
                           List<LiveAppointment> tentative, Instant now) {
        for (TimeSlot off : timeOff.values()) {
            if (off.overlaps(blocked)) {
                return -1;
            }
        }
        List<Map.Entry<ServiceId, TimeSlot>> overlapping = new ArrayList<>();
        for (Hold hold : holds.values()) {
            if (hold.liveAt(now) && hold.blocked().overlaps(blocked)) {
                overlapping.add(Map.entry(hold.serviceId(), hold.slot()));
            }
        }
        for (LiveAppointment other : tentative) {
            if (other.blocked().overlaps(blocked)) {
                overlapping.add(Map.entry(other.serviceId(), other.slot()));
            }
        }
        for (LiveAppointment other : overlapping(blocked)) {
            if (!except.contains(other.id())) {
                overlapping.add(Map.entry(other.serviceId(), other.slot()));
            }
        }
        for (Map.Entry<ServiceId, TimeSlot> other : overlapping) {
            if (!terms.isGroup() || !other.getKey().equals(serviceId) || !other.getValue().equals(slot)) {
                return -1;
            }
        }
        return overlapping.size();
    }

    private boolean collidesWithHold(TimeSlot blocked, Instant now) {
        for (Hold hold : holds.values()) {
            if (hold.liveAt(now) && hold.blocked().overlaps(blocked)) {
                return true;
            }
        }
        return false;
    }

    private boolean collidesWithAppointment(TimeSlot blocked) {
        return !overlapping(blocked).isEmpty();
    }

    /**
     * Live appointments whose blocked time overlaps {@code blocked}. Blocked intervals only ever overlap within one
     * group session, whose seats all block the same interval, so those starting from the latest start at or before
     * {@code blocked} up to its end are all there is to look at.
     */
    private List<LiveAppointment> overlapping(TimeSlot blocked) {
        NavigableMap<Instant, Map<AppointmentId, LiveAppointment>> index = index();
        Instant from = index.floorKey(blocked.start());
        List<LiveAppointment> found = new ArrayList<>(2);
        for (Map<AppointmentId, LiveAppointment> session : index.subMap(from == null ? blocked.start() : from, true, blocked.end(), false).values()) {
            for (LiveAppointment other : session.values()) {
                if (other.blocked().overlaps(blocked)) {
                    found.add(other);
                }
            }
        }
        return found;
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

    /** How many live appointments start on the date of {@code start} in the staff member's zone (their load that day). */
    int liveOnDateOf(Instant start) {
        ZoneId zone = profile.zone();
        LocalDate date = start.atZone(zone).toLocalDate();
        int count = 0;
        for (LiveAppointment a : live.values()) {
            count += a.slot().start().atZone(zone).toLocalDate().equals(date) ? 1 : 0;
        }
        return count;
    }

    /** The live appointment, or {@code null}. */
    LiveAppointment appointment(AppointmentId appointmentId) {
        return live.get(appointmentId);
    }

    public BusinessId businessId() {
        return businessId;
    }

    StaffId staffId() {
        return staffId;
    }

    long revision() {
        return revision;
    }

    // ---- what a replay of the calendar reads (see CalendarReplay)

    boolean active() {
        return active;
    }

    java.util.Collection<LiveAppointment> liveAppointments() {
        return live.values();
    }

    Map<HoldId, Hold> holds() {
        return holds;
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
    void on(HoldPlaced event) {
        holds.put(event.holdId(), new Hold(event.serviceId(), event.slot(), event.blocked(), event.expiresAt()));
    }

    @EventSourcingHandler
    void on(HoldEnded event) {
        holds.remove(event.holdId());
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
                event.bookedAt(), 1, event.seriesId(), event.customerZone()));
    }

    @EventSourcingHandler
    void on(SeriesBooked event) {
        series.put(event.seriesId(), new SeriesInCalendar(event.seriesId(), event.serviceId(), event.rule(),
                event.firstStart(), event.zone(), event.occurrences()));
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
                event.revision(), null, event.customerZone()));
    }

    @EventSourcingHandler
    void on(AppointmentTransferredOut event) {
        release(event.appointmentId());
    }

    @EventSourcingHandler
    void on(AppointmentStatusChanged event) {
        LiveAppointment before = live.get(event.appointmentId());
        if (event.newStatus().isLive()) {
            hold(before.withStatus(event.newStatus(), event.revision()));
        } else {
            release(event.appointmentId());
        }
    }

    private void hold(LiveAppointment appointment) {
        live.put(appointment.id(), appointment);
        indexed(appointment);
    }

    private LiveAppointment release(AppointmentId appointmentId) {
        LiveAppointment removed = live.remove(appointmentId);
        if (removed != null) {
            Map<AppointmentId, LiveAppointment> session = index().get(removed.blocked().start());
            if (session != null) {
                session.remove(appointmentId);
                if (session.isEmpty()) {
                    index().remove(removed.blocked().start());
                }
            }
        }
        return removed;
    }

    private void indexed(LiveAppointment appointment) {
        index().computeIfAbsent(appointment.blocked().start(), k -> new java.util.LinkedHashMap<>(2)).put(appointment.id(), appointment);
    }

    private NavigableMap<Instant, Map<AppointmentId, LiveAppointment>> index() {
        if (byBlockedStart == null) {
            byBlockedStart = new TreeMap<>();
            live.values().forEach(a -> byBlockedStart.computeIfAbsent(a.blocked().start(), k -> new java.util.LinkedHashMap<>(2)).put(a.id(), a));
        }
        return byBlockedStart;
    }
}

package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.BookSlot;
import dev.kairos.booking.calendar.BookWithAnyStaff;
import dev.kairos.booking.calendar.CancelAppointment;
import dev.kairos.booking.calendar.CompleteAppointment;
import dev.kairos.booking.calendar.ConfirmAppointment;
import dev.kairos.booking.calendar.BlockTime;
import dev.kairos.booking.calendar.SetBookingLimits;
import dev.kairos.booking.calendar.ClearWorkingDayOverride;
import dev.kairos.booking.calendar.UnblockTime;
import dev.kairos.booking.calendar.DeactivateStaffMember;
import dev.kairos.booking.calendar.OverrideWorkingDay;
import dev.kairos.booking.calendar.MarkNoShow;
import dev.kairos.booking.calendar.RegisterStaffMember;
import dev.kairos.booking.calendar.RescheduleAppointment;
import dev.kairos.booking.calendar.UpdateStaffMember;
import dev.kairos.booking.catalog.ChangePolicy;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.command.support.CommandLookups;
import dev.kairos.booking.command.support.CommandLookups.AppointmentRecord;
import dev.kairos.booking.command.support.CommandLookups.HoldRecord;
import dev.kairos.booking.calendar.ConfirmHold;
import dev.kairos.booking.calendar.PlaceHold;
import dev.kairos.booking.calendar.ReleaseHold;
import dev.kairos.booking.common.HoldId;
import org.axonframework.deadline.DeadlineManager;
import dev.kairos.booking.command.support.CommandLookups.StaffCandidate;
import dev.kairos.booking.command.quota.CustomerQuotas;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.series.BookSeries;
import dev.kairos.booking.series.CancelSeries;
import dev.kairos.booking.series.Occurrence;
import dev.kairos.booking.series.OccurrenceOutcome;
import dev.kairos.booking.series.PreviewSeries;
import dev.kairos.booking.series.Recurrence;
import dev.kairos.booking.series.RescheduleSeries;
import dev.kairos.booking.series.SeriesChange;
import dev.kairos.booking.series.SeriesDecision;
import dev.kairos.booking.series.SeriesScope;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import static dev.kairos.booking.command.catalog.CatalogCommandHandler.requireActive;
import static dev.kairos.booking.command.catalog.CatalogCommandHandler.requireActiveBusiness;
import static dev.kairos.booking.command.support.Aggregates.load;
import static dev.kairos.booking.command.support.Aggregates.outcome;

/**
 * Decides commands about staff members and their appointments. Facts from the catalog (is the business active,
 * what are the service's terms, which calendar holds an appointment) come from the command-side lookups; the
 * decision itself is always the staff calendar's.
 */
@Component
public class CalendarCommandHandler {
    private final Repository<StaffCalendar> calendars;
    private final CommandLookups lookups;
    private final CustomerQuotas quotas;
    private final Clock clock;
    private final DeadlineManager deadlines;

    public CalendarCommandHandler(Repository<StaffCalendar> calendars, CommandLookups lookups, CustomerQuotas quotas,
                                  Clock clock, DeadlineManager deadlines) {
        this.calendars = calendars;
        this.lookups = lookups;
        this.quotas = quotas;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    @CommandHandler
    public CommandOutcome handle(RegisterStaffMember command) throws Exception {
        requireActiveBusiness(lookups, command.businessId());
        requireServicesOf(command.businessId(), command.services());
        return outcome(calendars.newInstance(() -> new StaffCalendar(command)), 1);
    }

    @CommandHandler
    public CommandOutcome handle(UpdateStaffMember command) {
        Aggregate<StaffCalendar> calendar = calendarOf(command.staffId(), command.businessId());
        requireServicesOf(command.businessId(), command.services());
        calendar.execute(c -> c.update(command));
        return outcome(calendar, calendar.invoke(StaffCalendar::revision));
    }

    @CommandHandler
    public CommandOutcome handle(OverrideWorkingDay command) {
        return decideAboutStaff(command.staffId(), command.businessId(), c -> c.overrideDay(command));
    }

    @CommandHandler
    public CommandOutcome handle(SetBookingLimits command) {
        return decideAboutStaff(command.staffId(), command.businessId(), c -> c.setLimits(command));
    }

    @CommandHandler
    public CommandOutcome handle(BlockTime command) {
        return decideAboutStaff(command.staffId(), command.businessId(), c -> c.blockTime(command, clock.instant()));
    }

    @CommandHandler
    public CommandOutcome handle(UnblockTime command) {
        return decideAboutStaff(command.staffId(), command.businessId(), c -> c.unblockTime(command));
    }

    @CommandHandler
    public CommandOutcome handle(ClearWorkingDayOverride command) {
        return decideAboutStaff(command.staffId(), command.businessId(), c -> c.clearDayOverride(command));
    }

    @CommandHandler
    public CommandOutcome handle(DeactivateStaffMember command) {
        return decideAboutStaff(command.staffId(), command.businessId(), c -> c.deactivate(command));
    }

    @CommandHandler
    public CommandOutcome handle(BookSlot command) {
        CommandLookups.BookingFacts facts = lookups.bookingFacts(command.businessId(), command.serviceId(),
                command.appointmentId(), command.start());
        requireActive(facts.businessActive(), command.businessId());
        ServiceTerms terms = bookable(facts.service(), command.serviceId(), command.businessId());
        facts.appointment().ifPresent(existing -> BookingException.require(
                existing.staffId().equals(command.staffId()) && existing.status().isLive(), ErrorCode.ALREADY_EXISTS,
                () -> "appointment " + command.appointmentId() + " already exists"));
        Aggregate<StaffCalendar> calendar = calendarOf(command.staffId(), command.businessId());
        CustomerQuotas.Step counting = quotas.toBook(command.businessId(), command.serviceId(), command.customerId(),
                command.appointmentId(), command.start(), terms);
        long revision = calendar.invoke(c -> c.book(command, terms, facts.holidays(), clock.instant()));
        counting.apply();
        return outcome(calendar, revision);
    }

    /**
     * Books with whichever staff member {@link StaffAssignment#POLICY} picks. Every candidate calendar is loaded
     * first, in staff id order (as moves do), so concurrent bookings never wait on each other in a cycle; then
     * the candidates are asked in policy order, each calendar deciding for itself. A calendar that refuses has
     * applied nothing, so asking the next one in the same unit of work is safe. A lost write race (another node
     * booked one of them first) fails the whole unit of work, and the command is decided again on fresh state.
     */
    @CommandHandler
    public CommandOutcome handle(BookWithAnyStaff command) {
        CommandLookups.BookingFacts facts = lookups.bookingFacts(command.businessId(), command.serviceId(), command.appointmentId(),
                command.start());
        requireActive(facts.businessActive(), command.businessId());
        ServiceTerms terms = bookable(facts.service(), command.serviceId(), command.businessId());
        if (facts.appointment().isPresent()) {
            // a retry of a booking that was made: the same answer from the staff member who got it
            return handle(command.with(facts.appointment().get().staffId()));
        }
        List<StaffCandidate> candidates = lookups.staffFor(command.businessId(), command.serviceId());
        BookingException.require(!candidates.isEmpty(), ErrorCode.NO_STAFF_AVAILABLE,
                () -> "no active staff member provides service " + command.serviceId());
        Map<StaffId, Aggregate<StaffCalendar>> loaded = new LinkedHashMap<>();
        candidates.stream().map(StaffCandidate::staffId).sorted(Comparator.comparing(StaffId::id))
                .forEach(staffId -> loaded.put(staffId, calendarOf(staffId, command.businessId())));
        CustomerQuotas.Step counting = quotas.toBook(command.businessId(), command.serviceId(), command.customerId(),
                command.appointmentId(), command.start(), terms);
        List<StaffId> order = StaffAssignment.order(candidates.stream()
                .map(c -> new StaffAssignment.Candidate(c.staffId(),
                        loaded.get(c.staffId()).invoke(cal -> cal.liveOnDateOf(command.start())), c.lastAssigned()))
                .toList());
        Instant now = clock.instant();
        List<BookingException> refusals = new ArrayList<>();
        for (StaffId staffId : order) {
            Aggregate<StaffCalendar> calendar = loaded.get(staffId);
            long revision;
            try {
                revision = calendar.invoke(c -> c.book(command.with(staffId), terms, facts.holidays(), now));
            } catch (BookingException refused) {
                refusals.add(refused);
                continue;
            }
            counting.apply();
            return outcome(calendar, revision);
        }
        throw StaffAssignment.noneCouldTake(refusals, command.start());
    }

    @CommandHandler
    public CommandOutcome handle(PlaceHold command) {
        requireActiveBusiness(lookups, command.businessId());
        ServiceTerms terms = bookableTerms(command.serviceId(), command.businessId());
        Aggregate<StaffCalendar> calendar = calendarOf(command.staffId(), command.businessId());
        List<TimeSlot> holidays = lookups.holidaysAround(command.businessId(), command.start());
        calendar.execute(c -> c.placeHold(command, terms, holidays, clock.instant(), deadlines));
        return outcome(calendar, 1);
    }

    /**
     * Confirms a hold into an appointment. A retry of a confirmation that already happened answers as the first
     * time did; a hold that was released or expired, or confirmed as another appointment, cannot be confirmed.
     */
    @CommandHandler
    public CommandOutcome handle(ConfirmHold command) {
        HoldRecord hold = holdOf(command.holdId(), command.businessId());
        Aggregate<StaffCalendar> calendar = calendarOf(hold.staffId(), command.businessId());
        switch (hold.state()) {
            case CONFIRMED -> {
                BookingException.require(command.appointmentId().equals(hold.appointmentId()), ErrorCode.HOLD_ENDED,
                        () -> "hold " + command.holdId() + " was confirmed as appointment " + hold.appointmentId());
                return outcome(calendar, 1);
            }
            case EXPIRED -> throw new BookingException(ErrorCode.HOLD_EXPIRED, "hold " + command.holdId() + " has expired");
            case RELEASED -> throw new BookingException(ErrorCode.HOLD_ENDED, "hold " + command.holdId() + " was released");
            case PLACED -> {
                requireActiveBusiness(lookups, command.businessId());
                BookingException.require(lookups.appointment(command.appointmentId()).isEmpty(), ErrorCode.ALREADY_EXISTS,
                        () -> "appointment " + command.appointmentId() + " already exists");
                HeldSlot held = calendar.invoke(c -> c.held(command.holdId()));
                CustomerQuotas.Step counting = held == null ? CustomerQuotas.Step.NONE
                        : quotas.toBook(command.businessId(), held.serviceId(), command.customerId(), command.appointmentId(),
                        held.start(), bookableTerms(held.serviceId(), command.businessId()));
                long revision = calendar.invoke(c -> c.confirmHold(command, clock.instant()));
                counting.apply();
                return outcome(calendar, revision);
            }
            default -> throw new IllegalStateException("unknown hold state " + hold.state());
        }
    }

    @CommandHandler
    public CommandOutcome handle(ReleaseHold command) {
        HoldRecord hold = holdOf(command.holdId(), command.businessId());
        Aggregate<StaffCalendar> calendar = calendarOf(hold.staffId(), command.businessId());
        BookingException.require(hold.state() != CommandLookups.HoldState.CONFIRMED, ErrorCode.HOLD_ENDED,
                () -> "hold " + command.holdId() + " was confirmed; cancel appointment " + hold.appointmentId() + " instead");
        calendar.execute(c -> c.releaseHold(command.holdId()));
        return outcome(calendar, 1);
    }

    private HoldRecord holdOf(HoldId holdId, BusinessId businessId) {
        return lookups.hold(holdId).filter(h -> h.businessId().equals(businessId))
                .orElseThrow(() -> new BookingException(ErrorCode.HOLD_NOT_FOUND, "hold not found: " + holdId));
    }

    @CommandHandler
    public CommandOutcome handle(RescheduleAppointment command) {
        requireActiveBusiness(lookups, command.businessId());
        AppointmentRecord record = liveRecord(command.appointmentId(), command.businessId(), null);
        ServiceTerms terms = bookableTerms(record.serviceId(), command.businessId());
        List<TimeSlot> holidays = lookups.holidaysAround(command.businessId(), command.newStart());
        StaffId target = command.newStaffId() == null ? record.staffId() : command.newStaffId();
        if (target.equals(record.staffId())) {
            Aggregate<StaffCalendar> calendar = calendarOf(record.staffId(), command.businessId());
            LiveAppointment appointment = calendar.invoke(c -> c.appointment(command.appointmentId()));
            CustomerQuotas.Step counting = appointment == null ? CustomerQuotas.Step.NONE
                    : quotas.toMove(command.businessId(), record.serviceId(), appointment.customerId(),
                    command.appointmentId(), command.newStart(), terms);
            StaffCalendar.Changed changed = calendar.invoke(c -> c.reschedule(command, terms, holidays, clock.instant()));
            counting.apply();
            return outcome(calendar, changed.revision()).withFee(changed.feeDue());
        }
        return transfer(command, record.staffId(), target, terms, holidays);
    }

    /**
     * Moves an appointment to another staff member. Both calendars are loaded (in a fixed order, so two opposite
     * moves cannot deadlock) and change in one unit of work, hence in one database transaction: the new time is
     * reserved and the old one released together or not at all.
     */
    private CommandOutcome transfer(RescheduleAppointment command, StaffId source, StaffId target, ServiceTerms terms,
                                    List<TimeSlot> holidays) {
        boolean sourceFirst = source.id().compareTo(target.id()) < 0;
        Aggregate<StaffCalendar> first = calendarOf(sourceFirst ? source : target, command.businessId());
        Aggregate<StaffCalendar> second = calendarOf(sourceFirst ? target : source, command.businessId());
        Aggregate<StaffCalendar> from = sourceFirst ? first : second;
        Aggregate<StaffCalendar> to = sourceFirst ? second : first;
        Instant now = clock.instant();
        StaffCalendar.Transfer moving = from.invoke(c -> c.appointmentToTransfer(command, terms, now));
        CustomerQuotas.Step counting = quotas.toMove(command.businessId(), moving.appointment().serviceId(),
                moving.appointment().customerId(), moving.appointment().id(), command.newStart(), terms);
        to.execute(c -> c.acceptTransfer(moving, command, source, terms, holidays, now));
        from.execute(c -> c.releaseTransfer(moving.appointment(), target));
        counting.apply();
        return outcome(to, moving.appointment().revision() + 1).withFee(moving.decision().feeDue());
    }

    // ---- series: every decision is the one calendar's that holds all of the series' occurrences (ADR 0006)

    @CommandHandler
    public SeriesDecision handle(PreviewSeries command) {
        requireActiveBusiness(lookups, command.businessId());
        ServiceTerms terms = bookableTerms(command.serviceId(), command.businessId());
        ZoneId zone = seriesZone(command.zone(), command.businessId());
        List<Occurrence> occurrences = Recurrence.parse(command.rule()).expand(command.firstStart(), zone);
        Aggregate<StaffCalendar> calendar = calendarOf(command.staffId(), command.businessId());
        List<TimeSlot> holidays = holidaysAcross(command.businessId(), occurrences);
        List<OccurrenceOutcome> plan = calendar.invoke(c -> c.previewSeries(null, command.serviceId(), occurrences, terms,
                holidays, clock.instant()));
        return new SeriesDecision(outcome(calendar, 0), null, zone, plan);
    }

    @CommandHandler
    public SeriesDecision handle(BookSeries command) {
        requireActiveBusiness(lookups, command.businessId());
        ServiceTerms terms = bookableTerms(command.serviceId(), command.businessId());
        ZoneId zone = seriesZone(command.zone(), command.businessId());
        Recurrence recurrence = Recurrence.parse(command.rule());
        List<Occurrence> occurrences = recurrence.expand(command.firstStart(), zone);
        lookups.series(command.seriesId()).ifPresent(existing -> BookingException.require(
                existing.staffId().equals(command.staffId()) && existing.businessId().equals(command.businessId()),
                ErrorCode.ALREADY_EXISTS, () -> "series " + command.seriesId() + " already exists"));
        Aggregate<StaffCalendar> calendar = calendarOf(command.staffId(), command.businessId());
        List<TimeSlot> holidays = holidaysAcross(command.businessId(), occurrences);
        Instant now = clock.instant();
        // under a limit per customer, the free occurrences that would go beyond it are not free for this customer
        Set<AppointmentId> beyondLimit = terms.customerLimit() == null ? Set.of()
                : quotas.beyondLimit(command.businessId(), command.serviceId(), command.customerId(), freeOnes(calendar.invoke(
                        c -> c.previewSeries(command.seriesId(), command.serviceId(), occurrences, terms, holidays, now))), terms);
        List<OccurrenceOutcome> plan = calendar.invoke(c -> c.bookSeries(command, zone, recurrence.rule(), occurrences,
                terms, holidays, beyondLimit, now));
        quotas.toBookAll(command.businessId(), command.serviceId(), command.customerId(), freeOnes(plan), terms).apply();
        return new SeriesDecision(outcome(calendar, 1), command.seriesId(), zone, plan);
    }

    @CommandHandler
    public SeriesChange handle(CancelSeries command) {
        CommandLookups.SeriesRecord series = seriesRecord(command.seriesId(), command.businessId());
        if (command.scope() == SeriesScope.ONE && command.appointmentId() != null) {
            // one occurrence that already finished: cancelled again is a no-op, anything else illegal
            lookups.appointment(command.appointmentId()).ifPresent(r -> BookingException.require(
                    r.status().isLive() || r.status() == AppointmentStatus.CANCELLED, ErrorCode.ILLEGAL_STATUS_TRANSITION,
                    () -> "the appointment is already " + r.status()));
        }
        Aggregate<StaffCalendar> calendar = calendarOf(series.staffId(), command.businessId());
        ChangePolicy policy = lookups.service(series.serviceId()).map(r -> r.terms().changePolicy()).orElse(ChangePolicy.NONE);
        List<AppointmentId> cancelled = calendar.invoke(c -> c.cancelSeries(command, policy, clock.instant()));
        // cancelled occurrences free their places under a limit per customer
        cancelled.forEach(id -> quotas.toRelease(id).apply());
        return new SeriesChange(outcome(calendar, 0), cancelled);
    }

    @CommandHandler
    public SeriesChange handle(RescheduleSeries command) {
        requireActiveBusiness(lookups, command.businessId());
        CommandLookups.SeriesRecord series = seriesRecord(command.seriesId(), command.businessId());
        ServiceTerms terms = bookableTerms(series.serviceId(), command.businessId());
        Aggregate<StaffCalendar> calendar = calendarOf(series.staffId(), command.businessId());
        // a move keeps occurrences within days of their dates: the holidays of the next year and a half cover any
        Instant now = clock.instant();
        List<TimeSlot> holidays = lookups.holidays(command.businessId(), now.minus(CommandLookups.HOLIDAY_REACH),
                now.plus(java.time.Duration.ofDays(3660 + 400)));
        // under a limit per customer occurrences keep their dates, hence their periods; single appointments may move
        BookingException.require(terms.customerLimit() == null || command.shiftDays() == 0, ErrorCode.VALIDATION_FAILED,
                "occurrences of a service with a limit per customer keep their dates; move single appointments instead");
        List<AppointmentId> moved = calendar.invoke(c -> c.rescheduleSeries(command, terms, holidays, now));
        for (AppointmentId id : moved) {
            Instant newStart = calendar.invoke(c -> c.appointment(id)).slot().start();
            quotas.toRecordMove(command.businessId(), id, newStart).apply();
        }
        return new SeriesChange(outcome(calendar, 0), moved);
    }

    private CommandLookups.SeriesRecord seriesRecord(dev.kairos.booking.series.SeriesId seriesId, BusinessId businessId) {
        return lookups.series(seriesId).filter(r -> r.businessId().equals(businessId))
                .orElseThrow(() -> new BookingException(ErrorCode.SERIES_NOT_FOUND, "series not found: " + seriesId));
    }

    private static List<Map.Entry<AppointmentId, Instant>> freeOnes(List<OccurrenceOutcome> plan) {
        return plan.stream().filter(OccurrenceOutcome::isFree).map(o -> Map.entry(o.appointmentId(), o.start())).toList();
    }

    /** The business's holidays around every occurrence of a series. */
    private List<TimeSlot> holidaysAcross(BusinessId businessId, List<Occurrence> occurrences) {
        if (occurrences.isEmpty()) {
            return List.of();
        }
        return lookups.holidays(businessId, occurrences.get(0).start().minus(CommandLookups.HOLIDAY_REACH),
                occurrences.get(occurrences.size() - 1).start().plus(CommandLookups.HOLIDAY_REACH));
    }

    /** The zone a series is expanded in: the one the client named, else the business's home zone. */
    private ZoneId seriesZone(ZoneId named, BusinessId businessId) {
        return named != null ? named : lookups.businessZone(businessId)
                .orElseThrow(() -> new BookingException(ErrorCode.BUSINESS_NOT_FOUND, "business not found: " + businessId));
    }

    @CommandHandler
    public CommandOutcome handle(ConfirmAppointment command) {
        return changeStatus(command.appointmentId(), command.businessId(), AppointmentStatus.CONFIRMED,
                c -> c.confirm(command.appointmentId(), command.expectedRevision()));
    }

    /**
     * Cancels under the service's cancellation policy as it stands now (ADR 0007); a service that was deactivated
     * still has its policy.
     */
    @CommandHandler
    public CommandOutcome handle(CancelAppointment command) {
        AppointmentRecord record = liveRecord(command.appointmentId(), command.businessId(), AppointmentStatus.CANCELLED);
        Aggregate<StaffCalendar> calendar = calendarOf(record.staffId(), command.businessId());
        if (!record.status().isLive()) {
            return outcome(calendar, record.revision());
        }
        ChangePolicy policy = lookups.service(record.serviceId()).map(s -> s.terms().changePolicy()).orElse(ChangePolicy.NONE);
        // a cancellation frees the customer's place under a customer limit
        CustomerQuotas.Step counting = quotas.toRelease(command.appointmentId());
        StaffCalendar.Changed changed = calendar.invoke(c -> c.cancel(command, policy, clock.instant()));
        counting.apply();
        return outcome(calendar, changed.revision()).withFee(changed.feeDue());
    }

    @CommandHandler
    public CommandOutcome handle(CompleteAppointment command) {
        return changeStatus(command.appointmentId(), command.businessId(), AppointmentStatus.COMPLETED,
                c -> c.complete(command.appointmentId(), command.expectedRevision(), clock.instant()));
    }

    @CommandHandler
    public CommandOutcome handle(MarkNoShow command) {
        return changeStatus(command.appointmentId(), command.businessId(), AppointmentStatus.NO_SHOW,
                c -> c.markNoShow(command.appointmentId(), command.expectedRevision(), clock.instant()));
    }

    /**
     * Appointments that reached a final status have left the calendar's state; the lookup remembers their status.
     * Asking again for the status they already have succeeds without change; anything else is illegal.
     */
    private CommandOutcome changeStatus(AppointmentId appointmentId, BusinessId businessId, AppointmentStatus target,
                                        ToLongFunction<StaffCalendar> decision) {
        AppointmentRecord record = liveRecord(appointmentId, businessId, target);
        Aggregate<StaffCalendar> calendar = calendarOf(record.staffId(), businessId);
        if (!record.status().isLive()) {
            return outcome(calendar, record.revision());
        }
        // a cancellation frees the customer's place; completed and no-show appointments keep counting
        CustomerQuotas.Step counting = target == AppointmentStatus.CANCELLED ? quotas.toRelease(appointmentId)
                : CustomerQuotas.Step.NONE;
        long revision = calendar.invoke(decision::applyAsLong);
        counting.apply();
        return outcome(calendar, revision);
    }

    /** The appointment's record; a finished one is only accepted when it already has {@code idempotentTarget}. */
    private AppointmentRecord liveRecord(AppointmentId appointmentId, BusinessId businessId, AppointmentStatus idempotentTarget) {
        AppointmentRecord record = lookups.appointment(appointmentId)
                .filter(r -> r.businessId().equals(businessId))
                .orElseThrow(() -> new BookingException(ErrorCode.APPOINTMENT_NOT_FOUND, "appointment not found: " + appointmentId));
        BookingException.require(record.status().isLive() || record.status() == idempotentTarget,
                ErrorCode.ILLEGAL_STATUS_TRANSITION, "the appointment is already " + record.status());
        return record;
    }

    /** A decision about the staff member themselves; reports the staff member's revision. */
    private CommandOutcome decideAboutStaff(StaffId staffId, BusinessId businessId, Consumer<StaffCalendar> decision) {
        Aggregate<StaffCalendar> calendar = calendarOf(staffId, businessId);
        calendar.execute(decision);
        return outcome(calendar, calendar.invoke(StaffCalendar::revision));
    }

    private Aggregate<StaffCalendar> calendarOf(StaffId staffId, BusinessId businessId) {
        return calendarOf(calendars, staffId, businessId);
    }

    /** The staff member's calendar, if it belongs to the business; another business's staff is not found. */
    public static Aggregate<StaffCalendar> calendarOf(Repository<StaffCalendar> calendars, StaffId staffId, BusinessId businessId) {
        Aggregate<StaffCalendar> calendar = load(calendars, staffId, ErrorCode.STAFF_NOT_FOUND);
        BookingException.require(calendar.invoke(StaffCalendar::businessId).equals(businessId), ErrorCode.STAFF_NOT_FOUND,
                () -> "staff not found: " + staffId);
        return calendar;
    }

    private ServiceTerms bookableTerms(ServiceId serviceId, BusinessId businessId) {
        return bookableTerms(lookups, serviceId, businessId);
    }

    /** The terms of an active service of the business. */
    public static ServiceTerms bookableTerms(CommandLookups lookups, ServiceId serviceId, BusinessId businessId) {
        return bookable(lookups.service(serviceId), serviceId, businessId);
    }

    private static ServiceTerms bookable(java.util.Optional<CommandLookups.ServiceRecord> found, ServiceId serviceId,
                                         BusinessId businessId) {
        CommandLookups.ServiceRecord service = found
                .filter(s -> s.businessId().equals(businessId))
                .orElseThrow(() -> new BookingException(ErrorCode.SERVICE_NOT_FOUND, "service not found: " + serviceId));
        BookingException.require(service.active(), ErrorCode.SERVICE_INACTIVE, () -> "service " + serviceId + " is inactive");
        return service.terms();
    }

    private void requireServicesOf(BusinessId businessId, Set<ServiceId> services) {
        for (ServiceId serviceId : services) {
            BookingException.require(lookups.service(serviceId).filter(s -> s.businessId().equals(businessId)).isPresent(),
                    ErrorCode.UNKNOWN_SERVICE, "no service " + serviceId + " in this business");
        }
    }
}

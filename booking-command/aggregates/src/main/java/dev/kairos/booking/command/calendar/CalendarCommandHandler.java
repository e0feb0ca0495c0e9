package dev.kairos.booking.command.calendar;

import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.BookSlot;
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
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.command.support.CommandLookups;
import dev.kairos.booking.command.support.CommandLookups.AppointmentRecord;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
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
import java.time.ZoneId;
import java.util.List;
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
    private final Clock clock;

    public CalendarCommandHandler(Repository<StaffCalendar> calendars, CommandLookups lookups, Clock clock) {
        this.calendars = calendars;
        this.lookups = lookups;
        this.clock = clock;
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
        CommandLookups.BookingFacts facts = lookups.bookingFacts(command.businessId(), command.serviceId(), command.appointmentId());
        requireActive(facts.businessActive(), command.businessId());
        ServiceTerms terms = bookable(facts.service(), command.serviceId(), command.businessId());
        facts.appointment().ifPresent(existing -> BookingException.require(
                existing.staffId().equals(command.staffId()) && existing.status().isLive(), ErrorCode.ALREADY_EXISTS,
                () -> "appointment " + command.appointmentId() + " already exists"));
        Aggregate<StaffCalendar> calendar = calendarOf(command.staffId(), command.businessId());
        long revision = calendar.invoke(c -> c.book(command, terms, clock.instant()));
        return outcome(calendar, revision);
    }

    @CommandHandler
    public CommandOutcome handle(RescheduleAppointment command) {
        requireActiveBusiness(lookups, command.businessId());
        AppointmentRecord record = liveRecord(command.appointmentId(), command.businessId(), null);
        ServiceTerms terms = bookableTerms(record.serviceId(), command.businessId());
        StaffId target = command.newStaffId() == null ? record.staffId() : command.newStaffId();
        if (target.equals(record.staffId())) {
            Aggregate<StaffCalendar> calendar = calendarOf(record.staffId(), command.businessId());
            long revision = calendar.invoke(c -> c.reschedule(command.appointmentId(), command.expectedRevision(),
                    command.newStart(), terms, clock.instant()));
            return outcome(calendar, revision);
        }
        return transfer(command, record.staffId(), target, terms);
    }

    /**
     * Moves an appointment to another staff member. Both calendars are loaded (in a fixed order, so two opposite
     * moves cannot deadlock) and change in one unit of work, hence in one database transaction: the new time is
     * reserved and the old one released together or not at all.
     */
    private CommandOutcome transfer(RescheduleAppointment command, StaffId source, StaffId target, ServiceTerms terms) {
        boolean sourceFirst = source.id().compareTo(target.id()) < 0;
        Aggregate<StaffCalendar> first = calendarOf(sourceFirst ? source : target, command.businessId());
        Aggregate<StaffCalendar> second = calendarOf(sourceFirst ? target : source, command.businessId());
        Aggregate<StaffCalendar> from = sourceFirst ? first : second;
        Aggregate<StaffCalendar> to = sourceFirst ? second : first;
        LiveAppointment moving = from.invoke(c -> c.appointmentToTransfer(command.appointmentId(), command.expectedRevision()));
        to.execute(c -> c.acceptTransfer(moving, source, command.newStart(), terms, clock.instant()));
        from.execute(c -> c.releaseTransfer(moving, target));
        return outcome(to, moving.revision() + 1);
    }

    // ---- series: every decision is the one calendar's that holds all of the series' occurrences (ADR 0006)

    @CommandHandler
    public SeriesDecision handle(PreviewSeries command) {
        requireActiveBusiness(lookups, command.businessId());
        ServiceTerms terms = bookableTerms(command.serviceId(), command.businessId());
        ZoneId zone = seriesZone(command.zone(), command.businessId());
        List<Occurrence> occurrences = Recurrence.parse(command.rule()).expand(command.firstStart(), zone);
        Aggregate<StaffCalendar> calendar = calendarOf(command.staffId(), command.businessId());
        List<OccurrenceOutcome> plan = calendar.invoke(c -> c.previewSeries(null, command.serviceId(), occurrences, terms,
                clock.instant()));
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
        List<OccurrenceOutcome> plan = calendar.invoke(c -> c.bookSeries(command, zone, recurrence.rule(), occurrences,
                terms, clock.instant()));
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
        List<AppointmentId> cancelled = calendar.invoke(c -> c.cancelSeries(command, clock.instant()));
        return new SeriesChange(outcome(calendar, 0), cancelled);
    }

    @CommandHandler
    public SeriesChange handle(RescheduleSeries command) {
        requireActiveBusiness(lookups, command.businessId());
        CommandLookups.SeriesRecord series = seriesRecord(command.seriesId(), command.businessId());
        ServiceTerms terms = bookableTerms(series.serviceId(), command.businessId());
        Aggregate<StaffCalendar> calendar = calendarOf(series.staffId(), command.businessId());
        List<AppointmentId> moved = calendar.invoke(c -> c.rescheduleSeries(command, terms, clock.instant()));
        return new SeriesChange(outcome(calendar, 0), moved);
    }

    private CommandLookups.SeriesRecord seriesRecord(dev.kairos.booking.series.SeriesId seriesId, BusinessId businessId) {
        return lookups.series(seriesId).filter(r -> r.businessId().equals(businessId))
                .orElseThrow(() -> new BookingException(ErrorCode.SERIES_NOT_FOUND, "series not found: " + seriesId));
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

    @CommandHandler
    public CommandOutcome handle(CancelAppointment command) {
        return changeStatus(command.appointmentId(), command.businessId(), AppointmentStatus.CANCELLED,
                c -> c.cancel(command.appointmentId(), command.reason(), command.expectedRevision()));
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
        long revision = calendar.invoke(decision::applyAsLong);
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
        Aggregate<StaffCalendar> calendar = load(calendars, staffId, ErrorCode.STAFF_NOT_FOUND);
        BookingException.require(calendar.invoke(StaffCalendar::businessId).equals(businessId), ErrorCode.STAFF_NOT_FOUND,
                () -> "staff not found: " + staffId);
        return calendar;
    }

    private ServiceTerms bookableTerms(ServiceId serviceId, BusinessId businessId) {
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

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
import dev.kairos.booking.catalog.ChangePolicy;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
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
            StaffCalendar.Changed changed = calendar.invoke(c -> c.reschedule(command, terms, clock.instant()));
            return outcome(calendar, changed.revision()).withFee(changed.feeDue());
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
        Instant now = clock.instant();
        StaffCalendar.Transfer moving = from.invoke(c -> c.appointmentToTransfer(command, terms, now));
        to.execute(c -> c.acceptTransfer(moving, command, source, terms, now));
        from.execute(c -> c.releaseTransfer(moving.appointment(), target));
        return outcome(to, moving.appointment().revision() + 1).withFee(moving.decision().feeDue());
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
        StaffCalendar.Changed changed = calendar.invoke(c -> c.cancel(command, policy, clock.instant()));
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

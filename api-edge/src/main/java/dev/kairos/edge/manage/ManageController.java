package dev.kairos.edge.manage;

import dev.kairos.availability.ScheduleQueries;
import dev.kairos.availability.Views.AppointmentView;
import dev.kairos.availability.Views.AvailabilityView;
import dev.kairos.availability.Views.LocalTimes;
import dev.kairos.availability.Views.ServiceView;
import dev.kairos.availability.Views.SlotView;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.CancelAppointment;
import dev.kairos.booking.calendar.ChangeDecision;
import dev.kairos.booking.calendar.Initiator;
import dev.kairos.booking.calendar.RescheduleAppointment;
import dev.kairos.booking.catalog.ChangePolicy;
import dev.kairos.booking.catalog.ChangeWindow;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.SlotUnavailableException;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.Zones;
import dev.kairos.edge.support.Accepted;
import dev.kairos.edge.support.ApiProblem;
import dev.kairos.edge.support.Commands;
import dev.kairos.edge.support.ConsistencyTokens;
import dev.kairos.edge.support.Reads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer manages their own booking through a signed, expiring link, without an account: the token names the
 * appointment and its business, so these routes take no tenant header. Changes made here are the customer's, so
 * the service's policy applies in full and nobody can override it.
 */
@RestController
@RequestMapping("/api/v1/manage/{token}")
class ManageController {
    private final ManageLinks links;
    private final Commands commands;
    private final ScheduleQueries queries;
    private final Reads reads;
    private final ConsistencyTokens tokens;
    private final Clock clock;

    ManageController(ManageLinks links, Commands commands, ScheduleQueries queries, Reads reads, ConsistencyTokens tokens,
                     Clock clock) {
        this.links = links;
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.tokens = tokens;
        this.clock = clock;
    }

    record AppointmentPart(UUID id, String status, OffsetDateTime start, OffsetDateTime end, String timeZone,
                           UUID staffId, long revision, Money feeDue, LocalTimes local) {
    }

    record ServicePart(UUID id, String name, Duration duration, Money price) {
    }

    /** Whether the customer may do something now, at what fee; when not, {@code code} says why. */
    record Action(boolean allowed, Money fee, String code) {
    }

    record Actions(Action cancel, Action reschedule) {
    }

    record ManageView(AppointmentPart appointment, ServicePart service, ChangePolicy policy, Actions now, Instant expiresAt) {
    }

    record CancelRequest(String reason) {
    }

    record RescheduleRequest(OffsetDateTime start, UUID staffId) {
    }

    record Changed(UUID id, String status, long revision, Money feeDue, ManageLinks.Link manage) {
    }

    @GetMapping
    ResponseEntity<ManageView> show(@PathVariable String token,
                                    @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String consistency) {
        ManageLinks.Claims claims = claims(token);
        Instant now = clock.instant();
        return reads.one(consistency, () -> queries.appointment(claims.businessId(), claims.appointmentId())
                        .map(a -> view(requireLive(a), claims, now)),
                v -> v.appointment().revision(), ErrorCode.APPOINTMENT_NOT_FOUND, claims.appointmentId());
    }

    @PostMapping("/cancel")
    ResponseEntity<Changed> cancel(@PathVariable String token, @RequestBody(required = false) CancelRequest request) {
        ManageLinks.Claims claims = claims(token);
        Optional<AppointmentView> known = known(claims);
        known.ifPresent(ManageController::requireLive);
        String reason = request == null ? null : request.reason();
        BookingException.require(reason == null || reason.length() <= 500, ErrorCode.VALIDATION_FAILED,
                "reason has at most 500 characters");
        CommandOutcome outcome = commands.sendAsCustomer(customerOf(known), new CancelAppointment(claims.appointmentId(),
                claims.businessId(), reason, null, Initiator.CUSTOMER, null));
        return Accepted.changed(outcome, new Changed(claims.appointmentId().id(), AppointmentStatus.CANCELLED.name(),
                outcome.revision(), outcome.feeDue(), null));
    }

    @PostMapping("/reschedule")
    ResponseEntity<Changed> reschedule(@PathVariable String token, @RequestBody RescheduleRequest request) {
        ManageLinks.Claims claims = claims(token);
        BookingException.require(request.start() != null, ErrorCode.VALIDATION_FAILED, "start is required");
        Optional<AppointmentView> known = known(claims);
        known.ifPresent(ManageController::requireLive);
        CommandOutcome outcome;
        try {
            outcome = commands.sendAsCustomer(customerOf(known), new RescheduleAppointment(claims.appointmentId(), claims.businessId(),
                    request.start().toInstant(), request.staffId() == null ? null : new StaffId(request.staffId()), null,
                    Initiator.CUSTOMER, null));
        } catch (SlotUnavailableException e) {
            throw alternatives(e, request.start());
        }
        // the fresh link lasts from the new end: wait (bounded) until the read model shows the move
        tokens.await(ConsistencyTokens.tokenOf(outcome));
        Optional<AppointmentView> after = known(claims);
        Instant end = after.map(a -> a.end().toInstant())
                .orElse(request.start().toInstant().plus(ServiceTerms.LONGEST));
        ManageLinks.Link fresh = links.manageLink(claims.appointmentId(), claims.businessId(), end, clock.instant());
        return Accepted.changed(outcome, new Changed(claims.appointmentId().id(), after.or(() -> known)
                .map(AppointmentView::status).orElse(AppointmentStatus.SCHEDULED.name()), outcome.revision(),
                outcome.feeDue(), fresh));
    }

    /** Who the customer of the appointment is, once the read model knows the appointment. */
    private static CustomerId customerOf(Optional<AppointmentView> known) {
        return known.map(AppointmentView::customerId).map(CustomerId::new).orElse(null);
    }

    /** Free slots of the appointment's service over local dates of {@code timeZone} (default: the business's zone). */
    @GetMapping("/availability")
    ResponseEntity<AvailabilityView> availability(
            @PathVariable String token,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String timeZone,
            @RequestParam(required = false) UUID staffId) {
        ManageLinks.Claims claims = claims(token);
        AppointmentView appointment = requireLive(known(claims).orElseThrow(() -> new BookingException(
                ErrorCode.APPOINTMENT_NOT_FOUND, "appointment not found: " + claims.appointmentId())));
        return reads.any(null, () -> queries.freeSlots(claims.businessId(), new ServiceId(appointment.serviceId()),
                staffId == null ? null : new StaffId(staffId), from, to,
                timeZone == null ? null : Zones.require(timeZone), clock.instant()));
    }

    private ManageLinks.Claims claims(String token) {
        return links.verify(token, ManageLinks.MANAGE_BOOKING, clock.instant());
    }

    private Optional<AppointmentView> known(ManageLinks.Claims claims) {
        return queries.appointment(claims.businessId(), claims.appointmentId());
    }

    /** A link stops working once its appointment is cancelled or over, whatever its expiry says. */
    private static AppointmentView requireLive(AppointmentView appointment) {
        BookingException.require(AppointmentStatus.valueOf(appointment.status()).isLive(), ErrorCode.MANAGE_LINK_EXPIRED,
                () -> "the appointment is " + appointment.status().toLowerCase().replace('_', ' ') + "; its manage link no longer works");
        return appointment;
    }

    private ManageView view(AppointmentView a, ManageLinks.Claims claims, Instant now) {
        Optional<ServiceView> service = queries.service(claims.businessId(), new ServiceId(a.serviceId()));
        ChangePolicy policy = service.map(ServiceView::changePolicy).orElse(ChangePolicy.NONE);
        Instant start = a.start().toInstant();
        return new ManageView(
                new AppointmentPart(a.id(), a.status(), a.start(), a.end(), a.timeZone(), a.staffId(), a.revision(), a.feeDue(), a.local()),
                service.map(s -> new ServicePart(s.id(), s.name(), s.duration(), s.price())).orElse(null),
                policy,
                new Actions(action(policy.cancellation(), start, now, ErrorCode.CANCELLATION_WINDOW_CLOSED),
                        action(policy.reschedule(), start, now, ErrorCode.RESCHEDULE_WINDOW_CLOSED)),
                claims.expiresAt());
    }

    private static Action action(ChangeWindow window, Instant start, Instant now, ErrorCode closed) {
        try {
            return new Action(true, ChangeDecision.customerFee(window, start, now, closed), null);
        } catch (BookingException e) {
            return new Action(false, null, e.errorCode().code());
        }
    }

    private static ApiProblem alternatives(SlotUnavailableException e, OffsetDateTime wanted) {
        List<SlotView> slots = e.alternatives().stream()
                .map(slot -> new SlotView(slot.start().atOffset(wanted.getOffset()), slot.end().atOffset(wanted.getOffset()),
                        List.of(e.staffId().id())))
                .toList();
        return new ApiProblem(e.errorCode(), e.getMessage(), Map.of("alternatives", slots));
    }
}

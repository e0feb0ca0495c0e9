package dev.kairos.edge.booking;

import dev.kairos.edge.access.ActingFor;
import dev.kairos.edge.access.Ownership;
import dev.kairos.availability.ScheduleQueries;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kairos.availability.Views.AppointmentView;
import dev.kairos.availability.Views.LocalTimes;
import java.time.Instant;
import java.time.ZoneId;
import dev.kairos.availability.Views.ServiceView;
import dev.kairos.booking.calendar.Initiator;
import dev.kairos.booking.calendar.PolicyOverride;
import dev.kairos.booking.catalog.ServiceTerms;
import dev.kairos.booking.common.Money;
import dev.kairos.edge.manage.ManageLinks;
import java.time.Clock;
import java.time.Duration;
import dev.kairos.availability.Views.Page;
import dev.kairos.availability.Views.SlotView;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.BookWithAnyStaff;
import dev.kairos.booking.calendar.CancelAppointment;
import dev.kairos.booking.calendar.CompleteAppointment;
import dev.kairos.booking.calendar.ConfirmAppointment;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.calendar.MarkNoShow;
import dev.kairos.booking.calendar.RescheduleAppointment;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.SlotUnavailableException;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.edge.booking.BookingRequests.BookingRequest;
import dev.kairos.edge.booking.BookingRequests.CancelRequest;
import dev.kairos.edge.booking.BookingRequests.RescheduleRequest;
import dev.kairos.edge.support.Accepted;
import dev.kairos.edge.support.ApiProblem;
import dev.kairos.edge.support.Commands;
import dev.kairos.edge.support.ConsistencyTokens;
import dev.kairos.edge.support.IdGenerator;
import dev.kairos.edge.support.IdempotencyFilter;
import dev.kairos.edge.support.Reads;
import dev.kairos.edge.support.Revisions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Booking, listing and changing appointments. */
@RestController
class AppointmentController {
    static final int MAX_PAGE = 200;

    private final Commands commands;
    private final ScheduleQueries queries;
    private final Reads reads;
    private final IdGenerator ids;
    private final ManageLinks links;
    private final Clock clock;

    AppointmentController(Commands commands, ScheduleQueries queries, Reads reads, IdGenerator ids, ManageLinks links,
                          Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.ids = ids;
        this.links = links;
        this.clock = clock;
    }

    /**
     * {@code manage}: the customer's signed link to see, cancel and reschedule this booking without an account;
     * {@code local}: start and end in the staff member's, the business's and the customer's zone, each named.
     */
    record Booked(UUID id, String status, UUID staffId, UUID serviceId, UUID customerId, OffsetDateTime start, long revision,
                  ManageLinks.Link manage, LocalTimes local) {
    }

    /** An appointment as the business sees it, with the customer's manage link while it is live. */
    record AppointmentResponse(@JsonUnwrapped AppointmentView appointment, ManageLinks.Link manage) {
    }

    /** The answer to a cancel or reschedule: {@code feeDue} is what the policy charged the customer, if anything. */
    record Changed(UUID id, long revision, Money feeDue) {
    }

    @PostMapping("/api/v1/businesses/{businessId}/appointments")
    ResponseEntity<Booked> book(@PathVariable UUID businessId, @RequestBody BookingRequest request,
                                @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        request.validate();
        BusinessId business = new BusinessId(businessId);
        CustomerDetails customer = request.customer().details();
        ZoneId customerZone = request.customer().zone();
        CustomerId customerId = CustomerId.forContact(business, customer.email(), customer.phone());
        Ownership.requireOwn(request.staffId() == null ? null : new StaffId(request.staffId()), customerId);
        UUID id = ids.forKey(businessId + "|appointment", key);
        BookWithAnyStaff anyStaff = new BookWithAnyStaff(new AppointmentId(id), business, new ServiceId(request.serviceId()),
                customerId, customer, request.start().toInstant(), request.notes(), request.metadata(), customerZone);
        Object command = request.staffId() == null ? anyStaff : anyStaff.with(new StaffId(request.staffId()));
        CommandOutcome outcome;
        try {
            outcome = commands.send(command);
        } catch (SlotUnavailableException e) {
            throw withAlternatives(e, request.start());
        }
        // the calendar that took the booking decided: its id is the assigned staff member's
        UUID staffId = UUID.fromString(outcome.aggregateId());
        // the read model knows the service's duration; a service it has not seen yet gets the longest one
        Duration duration = queries.service(business, new ServiceId(request.serviceId())).map(ServiceView::duration)
                .orElse(ServiceTerms.LONGEST);
        Instant start = request.start().toInstant();
        Instant end = start.plus(duration);
        ManageLinks.Link link = links.manageLink(new AppointmentId(id), business, end, clock.instant());
        LocalTimes local = LocalTimes.of(start, end,
                queries.staff(business, new StaffId(staffId)).map(s -> ZoneId.of(s.timeZone())).orElse(null),
                queries.business(business).map(b -> ZoneId.of(b.timeZone())).orElse(null), customerZone);
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + id))
                .eTag(Revisions.etag(outcome.revision()))
                .header(ConsistencyTokens.HEADER, ConsistencyTokens.tokenOf(outcome))
                .body(new Booked(id, AppointmentStatus.SCHEDULED.name(), staffId, request.serviceId(),
                        customerId.id(), request.start(), outcome.revision(), link, local));
    }

    @GetMapping("/api/v1/businesses/{businessId}/appointments")
    ResponseEntity<Page<AppointmentView>> list(
            @PathVariable UUID businessId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) UUID staffId,
            @RequestParam(required = false) AppointmentStatus status,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit,
            @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        BookingException.require(limit >= 1 && limit <= MAX_PAGE, ErrorCode.INVALID_VALUE, "limit must be between 1 and " + MAX_PAGE);
        BookingException.require(from == null || to == null || to.isAfter(from), ErrorCode.INVALID_TIME_RANGE,
                "'to' must be after 'from'");
        StaffId own = Ownership.ownStaffOnly();
        BookingException.require(own == null || staffId == null || own.id().equals(staffId), ErrorCode.ACCESS_DENIED,
                "a staff member lists their own appointments only");
        StaffId filter = own != null ? own : staffId == null ? null : new StaffId(staffId);
        return reads.any(token, () -> queries.appointments(new BusinessId(businessId),
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant(), filter, status, cursor, limit));
    }

    @GetMapping("/api/v1/appointments/{appointmentId}")
    ResponseEntity<AppointmentResponse> get(@PathVariable UUID appointmentId, @ActingFor UUID businessId,
                                            @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        BusinessId business = new BusinessId(businessId);
        return reads.one(token, () -> queries.appointment(business, new AppointmentId(appointmentId))
                        .map(view -> new AppointmentResponse(view, AppointmentStatus.valueOf(view.status()).isLive()
                                ? links.manageLink(new AppointmentId(view.id()), business, view.end().toInstant(), clock.instant())
                                : null)),
                r -> r.appointment().revision(), ErrorCode.APPOINTMENT_NOT_FOUND, appointmentId);
    }

    @PostMapping("/api/v1/appointments/{appointmentId}/confirm")
    ResponseEntity<Accepted.Body> confirm(@PathVariable UUID appointmentId, @ActingFor UUID businessId,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(appointmentId, r -> new ConfirmAppointment(new AppointmentId(appointmentId), new BusinessId(businessId), r), ifMatch);
    }

    @PostMapping("/api/v1/appointments/{appointmentId}/complete")
    ResponseEntity<Accepted.Body> complete(@PathVariable UUID appointmentId, @ActingFor UUID businessId,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(appointmentId, r -> new CompleteAppointment(new AppointmentId(appointmentId), new BusinessId(businessId), r), ifMatch);
    }

    @PostMapping("/api/v1/appointments/{appointmentId}/no-show")
    ResponseEntity<Accepted.Body> noShow(@PathVariable UUID appointmentId, @ActingFor UUID businessId,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(appointmentId, r -> new MarkNoShow(new AppointmentId(appointmentId), new BusinessId(businessId), r), ifMatch);
    }

    /**
     * Cancels for the business, or for a customer it relays ({@code initiatedBy}); inside the policy's closed window
     * only with an {@code override} and its reason, the decider named by {@value BookingRequests#ACTOR}.
     */
    @PostMapping("/api/v1/appointments/{appointmentId}/cancel")
    ResponseEntity<Changed> cancel(@PathVariable UUID appointmentId, @ActingFor UUID businessId,
                                   @RequestBody(required = false) CancelRequest request,
                                   @RequestHeader(name = BookingRequests.ACTOR, required = false) String actor,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String reason = request == null ? null : request.validReason();
        Initiator initiator = BookingRequests.initiator(request == null ? null : request.initiatedBy());
        PolicyOverride override = BookingRequests.override(request == null ? null : request.override(), actor);
        return changeWithFee(appointmentId, r -> new CancelAppointment(new AppointmentId(appointmentId),
                new BusinessId(businessId), reason, r, initiator, override), ifMatch);
    }

    @PostMapping("/api/v1/appointments/{appointmentId}/reschedule")
    ResponseEntity<Changed> reschedule(@PathVariable UUID appointmentId, @ActingFor UUID businessId,
                                       @RequestBody RescheduleRequest request,
                                       @RequestHeader(name = BookingRequests.ACTOR, required = false) String actor,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        request.validate();
        StaffId newStaff = request.staffId() == null ? null : new StaffId(request.staffId());
        if (newStaff != null && Ownership.ownStaffOnly() != null) {
            Ownership.requireOwn(newStaff, null);
        }
        Initiator initiator = BookingRequests.initiator(request.initiatedBy());
        PolicyOverride override = BookingRequests.override(request.override(), actor);
        try {
            return changeWithFee(appointmentId, r -> new RescheduleAppointment(new AppointmentId(appointmentId),
                    new BusinessId(businessId), request.start().toInstant(), newStaff, r, initiator, override), ifMatch);
        } catch (SlotUnavailableException e) {
            throw withAlternatives(e, request.start());
        }
    }

    private ResponseEntity<Changed> changeWithFee(UUID appointmentId, Function<Long, Object> command, String ifMatch) {
        CommandOutcome outcome = commands.send(command.apply(Revisions.fromIfMatch(ifMatch)));
        return Accepted.changed(outcome, new Changed(appointmentId, outcome.revision(), outcome.feeDue()));
    }

    private ResponseEntity<Accepted.Body> change(UUID appointmentId, Function<Long, Object> command, String ifMatch) {
        CommandOutcome outcome = commands.send(command.apply(Revisions.fromIfMatch(ifMatch)));
        return Accepted.changed(outcome, new Accepted.Body(appointmentId, outcome.revision()));
    }

    /**
     * A slot that is taken comes back with the nearest free slots, as the deciding calendars saw them, in the offset
     * the client used: those of the same staff member, or, for a booking with any staff member, those of every
     * candidate, each naming the staff members who offered it.
     */
    static ApiProblem withAlternatives(SlotUnavailableException e, OffsetDateTime wanted) {
        Map<TimeSlot, List<UUID>> byTime = new LinkedHashMap<>();
        e.offers().forEach(offer -> byTime.computeIfAbsent(offer.slot(), slot -> new ArrayList<>()).add(offer.staffId().id()));
        List<SlotView> alternatives = byTime.entrySet().stream()
                .map(offer -> new SlotView(offer.getKey().start().atOffset(wanted.getOffset()),
                        offer.getKey().end().atOffset(wanted.getOffset()), List.copyOf(offer.getValue())))
                .toList();
        return new ApiProblem(e.errorCode(), e.getMessage(), Map.of("alternatives", alternatives));
    }
}

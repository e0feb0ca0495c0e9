package dev.kairos.edge.booking;

import dev.kairos.availability.ScheduleQueries;
import dev.kairos.availability.Views.AppointmentView;
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
import dev.kairos.edge.support.Tenancy;
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

    AppointmentController(Commands commands, ScheduleQueries queries, Reads reads, IdGenerator ids) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.ids = ids;
    }

    record Booked(UUID id, String status, UUID staffId, UUID serviceId, UUID customerId, OffsetDateTime start, long revision) {
    }

    @PostMapping("/api/v1/businesses/{businessId}/appointments")
    ResponseEntity<Booked> book(@PathVariable UUID businessId, @RequestBody BookingRequest request,
                                @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        request.validate();
        BusinessId business = new BusinessId(businessId);
        CustomerDetails customer = request.customer().details();
        CustomerId customerId = CustomerId.forContact(business, customer.email(), customer.phone());
        UUID id = ids.forKey(businessId + "|appointment", key);
        BookWithAnyStaff anyStaff = new BookWithAnyStaff(new AppointmentId(id), business, new ServiceId(request.serviceId()),
                customerId, customer, request.start().toInstant(), request.notes(), request.metadata());
        Object command = request.staffId() == null ? anyStaff : anyStaff.with(new StaffId(request.staffId()));
        CommandOutcome outcome;
        try {
            outcome = commands.send(command);
        } catch (SlotUnavailableException e) {
            throw withAlternatives(e, request.start());
        }
        // the calendar that took the booking decided: its id is the assigned staff member's
        UUID staffId = UUID.fromString(outcome.aggregateId());
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + id))
                .eTag(Revisions.etag(outcome.revision()))
                .header(ConsistencyTokens.HEADER, ConsistencyTokens.tokenOf(outcome))
                .body(new Booked(id, AppointmentStatus.SCHEDULED.name(), staffId, request.serviceId(),
                        customerId.id(), request.start(), outcome.revision()));
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
        return reads.any(token, () -> queries.appointments(new BusinessId(businessId),
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
                staffId == null ? null : new StaffId(staffId), status, cursor, limit));
    }

    @GetMapping("/api/v1/appointments/{appointmentId}")
    ResponseEntity<AppointmentView> get(@PathVariable UUID appointmentId, @RequestHeader(Tenancy.HEADER) UUID businessId,
                                        @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        return reads.one(token, () -> queries.appointment(new BusinessId(businessId), new AppointmentId(appointmentId)),
                AppointmentView::revision, ErrorCode.APPOINTMENT_NOT_FOUND, appointmentId);
    }

    @PostMapping("/api/v1/appointments/{appointmentId}/confirm")
    ResponseEntity<Accepted.Body> confirm(@PathVariable UUID appointmentId, @RequestHeader(Tenancy.HEADER) UUID businessId,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(appointmentId, r -> new ConfirmAppointment(new AppointmentId(appointmentId), new BusinessId(businessId), r), ifMatch);
    }

    @PostMapping("/api/v1/appointments/{appointmentId}/complete")
    ResponseEntity<Accepted.Body> complete(@PathVariable UUID appointmentId, @RequestHeader(Tenancy.HEADER) UUID businessId,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(appointmentId, r -> new CompleteAppointment(new AppointmentId(appointmentId), new BusinessId(businessId), r), ifMatch);
    }

    @PostMapping("/api/v1/appointments/{appointmentId}/no-show")
    ResponseEntity<Accepted.Body> noShow(@PathVariable UUID appointmentId, @RequestHeader(Tenancy.HEADER) UUID businessId,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(appointmentId, r -> new MarkNoShow(new AppointmentId(appointmentId), new BusinessId(businessId), r), ifMatch);
    }

    @PostMapping("/api/v1/appointments/{appointmentId}/cancel")
    ResponseEntity<Accepted.Body> cancel(@PathVariable UUID appointmentId, @RequestHeader(Tenancy.HEADER) UUID businessId,
                                         @RequestBody(required = false) CancelRequest request,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String reason = request == null ? null : request.validReason();
        return change(appointmentId, r -> new CancelAppointment(new AppointmentId(appointmentId), new BusinessId(businessId), reason, r), ifMatch);
    }

    @PostMapping("/api/v1/appointments/{appointmentId}/reschedule")
    ResponseEntity<Accepted.Body> reschedule(@PathVariable UUID appointmentId, @RequestHeader(Tenancy.HEADER) UUID businessId,
                                             @RequestBody RescheduleRequest request,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        request.validate();
        StaffId newStaff = request.staffId() == null ? null : new StaffId(request.staffId());
        try {
            return change(appointmentId, r -> new RescheduleAppointment(new AppointmentId(appointmentId),
                    new BusinessId(businessId), request.start().toInstant(), newStaff, r), ifMatch);
        } catch (SlotUnavailableException e) {
            throw withAlternatives(e, request.start());
        }
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

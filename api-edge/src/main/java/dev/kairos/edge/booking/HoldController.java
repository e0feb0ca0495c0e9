package dev.kairos.edge.booking;

import dev.kairos.edge.access.ActingFor;
import dev.kairos.edge.access.Ownership;
import dev.kairos.availability.ScheduleQueries;
import dev.kairos.availability.Views.HoldView;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.ConfirmHold;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.calendar.PlaceHold;
import dev.kairos.booking.calendar.ReleaseHold;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.SlotUnavailableException;
import dev.kairos.booking.common.StaffId;
import dev.kairos.edge.booking.BookingRequests.CustomerRequest;
import dev.kairos.edge.support.Accepted;
import dev.kairos.edge.support.Commands;
import dev.kairos.edge.support.ConsistencyTokens;
import dev.kairos.edge.support.IdGenerator;
import dev.kairos.edge.support.IdempotencyFilter;
import dev.kairos.edge.support.Reads;
import dev.kairos.edge.support.Revisions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static dev.kairos.edge.booking.BookingRequests.required;

/**
 * Holds: a client keeps a slot for a few minutes while the customer completes checkout, then confirms it into an
 * appointment or releases it; unconfirmed holds expire by themselves.
 */
@RestController
class HoldController {
    static final Duration DEFAULT_HOLD = Duration.ofMinutes(10);

    private final Commands commands;
    private final ScheduleQueries queries;
    private final Reads reads;
    private final IdGenerator ids;
    private final Clock clock;

    HoldController(Commands commands, ScheduleQueries queries, Reads reads, IdGenerator ids, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.ids = ids;
        this.clock = clock;
    }

    /** {@code holdFor} is ISO-8601 (PT10M), from 5 seconds to 60 minutes; 10 minutes when absent. */
    record HoldRequest(UUID staffId, UUID serviceId, OffsetDateTime start, Duration holdFor) {
        void validate() {
            required(staffId, "staffId");
            required(serviceId, "serviceId");
            required(start, "start");
        }
    }

    record Held(UUID id, UUID staffId, UUID serviceId, OffsetDateTime start, OffsetDateTime expiresAt) {
    }

    /** The appointment a hold became; {@code staffId} is the calendar that holds it. */
    record Confirmed(UUID id, UUID holdId, String status, UUID staffId, UUID customerId, long revision) {
    }

    record ConfirmRequest(CustomerRequest customer, String notes, Map<String, String> metadata) {
        void validate() {
            required(customer, "customer");
            BookingRequests.validateNotesAndMetadata(notes, metadata);
        }
    }

    @PostMapping("/api/v1/businesses/{businessId}/holds")
    ResponseEntity<Held> place(@PathVariable UUID businessId, @RequestBody HoldRequest request,
                               @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        request.validate();
        Ownership.requireOwn(new StaffId(request.staffId()), null);
        Duration holdFor = request.holdFor() == null ? DEFAULT_HOLD : request.holdFor();
        UUID id = ids.forKey(businessId + "|hold", key);
        CommandOutcome outcome;
        try {
            outcome = commands.send(new PlaceHold(new HoldId(id), new BusinessId(businessId), new StaffId(request.staffId()),
                    new ServiceId(request.serviceId()), request.start().toInstant(), holdFor));
        } catch (SlotUnavailableException e) {
            throw AppointmentController.withAlternatives(e, request.start());
        }
        OffsetDateTime expiresAt = clock.instant().plus(holdFor).atOffset(request.start().getOffset());
        return ResponseEntity.created(URI.create("/api/v1/holds/" + id))
                .header(ConsistencyTokens.HEADER, ConsistencyTokens.tokenOf(outcome))
                .body(new Held(id, request.staffId(), request.serviceId(), request.start(), expiresAt));
    }

    @GetMapping("/api/v1/holds/{holdId}")
    ResponseEntity<HoldView> get(@PathVariable UUID holdId, @ActingFor UUID businessId,
                                 @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        return reads.any(token, () -> queries.hold(new BusinessId(businessId), new HoldId(holdId))
                .orElseThrow(() -> new BookingException(ErrorCode.HOLD_NOT_FOUND, "hold not found: " + holdId)));
    }

    /** The appointment's id derives from the hold, so a retried confirmation lands on the same appointment. */
    @PostMapping("/api/v1/holds/{holdId}/confirm")
    ResponseEntity<Confirmed> confirm(@PathVariable UUID holdId, @ActingFor UUID businessId,
                                   @RequestBody ConfirmRequest request) {
        request.validate();
        BusinessId business = new BusinessId(businessId);
        CustomerDetails customer = request.customer().details();
        CustomerId customerId = CustomerId.forContact(business, customer.email(), customer.phone());
        UUID appointmentId = ids.forKey(businessId + "|hold-appointment", holdId.toString());
        CommandOutcome outcome = commands.send(new ConfirmHold(new HoldId(holdId), business, new AppointmentId(appointmentId),
                customerId, customer, request.notes(), request.metadata()));
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + appointmentId))
                .eTag(Revisions.etag(outcome.revision()))
                .header(ConsistencyTokens.HEADER, ConsistencyTokens.tokenOf(outcome))
                .body(new Confirmed(appointmentId, holdId, AppointmentStatus.SCHEDULED.name(),
                        UUID.fromString(outcome.aggregateId()), customerId.id(), outcome.revision()));
    }

    @DeleteMapping("/api/v1/holds/{holdId}")
    ResponseEntity<Accepted.Body> release(@PathVariable UUID holdId, @ActingFor UUID businessId) {
        CommandOutcome outcome = commands.send(new ReleaseHold(new HoldId(holdId), new BusinessId(businessId)));
        return Accepted.changed(outcome, new Accepted.Body(holdId, outcome.revision()));
    }
}

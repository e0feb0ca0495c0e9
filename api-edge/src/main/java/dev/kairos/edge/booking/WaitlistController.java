package dev.kairos.edge.booking;

import dev.kairos.edge.access.ActingFor;
import dev.kairos.availability.ScheduleQueries;
import dev.kairos.availability.Views.WaitlistEntryView;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.waitlist.AcceptWaitlistOffer;
import dev.kairos.booking.waitlist.DeclineWaitlistOffer;
import dev.kairos.booking.waitlist.JoinWaitlist;
import dev.kairos.booking.waitlist.LeaveWaitlist;
import dev.kairos.booking.waitlist.WaitlistEntryId;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static dev.kairos.edge.booking.BookingRequests.required;

/**
 * The waitlist: customers wait for a service (optionally one staff member) within a window; freed time is offered
 * to the first in line as a hold they accept into a booking or decline.
 */
@RestController
class WaitlistController {
    private final Commands commands;
    private final ScheduleQueries queries;
    private final Reads reads;
    private final IdGenerator ids;

    WaitlistController(Commands commands, ScheduleQueries queries, Reads reads, IdGenerator ids) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.ids = ids;
    }

    record JoinRequest(UUID serviceId, UUID staffId, OffsetDateTime from, OffsetDateTime to, CustomerRequest customer) {
        void validate() {
            required(serviceId, "serviceId");
            required(from, "from");
            required(to, "to");
            required(customer, "customer");
        }
    }

    record Joined(UUID id, UUID serviceId, UUID staffId, OffsetDateTime from, OffsetDateTime to, UUID customerId) {
    }

    @PostMapping("/api/v1/businesses/{businessId}/waitlist")
    ResponseEntity<Joined> join(@PathVariable UUID businessId, @RequestBody JoinRequest request,
                                @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        request.validate();
        BusinessId business = new BusinessId(businessId);
        CustomerDetails customer = request.customer().details();
        CustomerId customerId = CustomerId.forContact(business, customer.email(), customer.phone());
        UUID id = ids.forKey(businessId + "|waitlist", key);
        CommandOutcome outcome = commands.send(new JoinWaitlist(new WaitlistEntryId(id), business, new ServiceId(request.serviceId()),
                request.staffId() == null ? null : new StaffId(request.staffId()),
                new TimeSlot(request.from().toInstant(), request.to().toInstant()), customerId, customer));
        return ResponseEntity.created(URI.create("/api/v1/waitlist/" + id))
                .header(ConsistencyTokens.HEADER, ConsistencyTokens.tokenOf(outcome))
                .body(new Joined(id, request.serviceId(), request.staffId(), request.from(), request.to(), customerId.id()));
    }

    @GetMapping("/api/v1/businesses/{businessId}/waitlist")
    ResponseEntity<List<WaitlistEntryView>> line(@PathVariable UUID businessId, @RequestParam UUID serviceId,
                                                 @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        return reads.any(token, () -> queries.waitlist(new BusinessId(businessId), new ServiceId(serviceId)));
    }

    @GetMapping("/api/v1/waitlist/{entryId}")
    ResponseEntity<WaitlistEntryView> get(@PathVariable UUID entryId, @ActingFor UUID businessId,
                                          @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        return reads.any(token, () -> queries.waitlistEntry(new BusinessId(businessId), new WaitlistEntryId(entryId))
                .orElseThrow(() -> new BookingException(ErrorCode.WAITLIST_ENTRY_NOT_FOUND, "waitlist entry not found: " + entryId)));
    }

    /** The appointment's id derives from the entry, so a retried acceptance lands on the same appointment. */
    @PostMapping("/api/v1/waitlist/{entryId}/accept")
    ResponseEntity<Accepted.Body> accept(@PathVariable UUID entryId, @ActingFor UUID businessId) {
        UUID appointmentId = ids.forKey(businessId + "|waitlist-appointment", entryId.toString());
        CommandOutcome outcome = commands.send(new AcceptWaitlistOffer(new WaitlistEntryId(entryId), new BusinessId(businessId),
                new AppointmentId(appointmentId)));
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + appointmentId))
                .eTag(Revisions.etag(outcome.revision()))
                .header(ConsistencyTokens.HEADER, ConsistencyTokens.tokenOf(outcome))
                .body(new Accepted.Body(appointmentId, outcome.revision()));
    }

    @PostMapping("/api/v1/waitlist/{entryId}/decline")
    ResponseEntity<Accepted.Body> decline(@PathVariable UUID entryId, @ActingFor UUID businessId) {
        CommandOutcome outcome = commands.send(new DeclineWaitlistOffer(new WaitlistEntryId(entryId), new BusinessId(businessId)));
        return Accepted.changed(outcome, new Accepted.Body(entryId, outcome.revision()));
    }

    @DeleteMapping("/api/v1/waitlist/{entryId}")
    ResponseEntity<Accepted.Body> leave(@PathVariable UUID entryId, @ActingFor UUID businessId) {
        CommandOutcome outcome = commands.send(new LeaveWaitlist(new WaitlistEntryId(entryId), new BusinessId(businessId)));
        return Accepted.changed(outcome, new Accepted.Body(entryId, outcome.revision()));
    }
}

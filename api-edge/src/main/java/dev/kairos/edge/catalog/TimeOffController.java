package dev.kairos.edge.catalog;

import dev.kairos.availability.ScheduleQueries;
import dev.kairos.availability.Views.TimeOffView;
import dev.kairos.booking.calendar.BlockTime;
import dev.kairos.booking.calendar.UnblockTime;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeOffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.edge.support.Accepted;
import dev.kairos.edge.support.Commands;
import dev.kairos.edge.support.ConsistencyTokens;
import dev.kairos.edge.support.IdGenerator;
import dev.kairos.edge.support.IdempotencyFilter;
import dev.kairos.edge.support.Reads;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Time off of a staff member: vacation, sick leave, breaks. */
@RestController
@RequestMapping("/api/v1/businesses/{businessId}/staff/{staffId}/time-off")
class TimeOffController {
    private final Commands commands;
    private final ScheduleQueries queries;
    private final Reads reads;
    private final IdGenerator ids;
    private final Clock clock;

    TimeOffController(Commands commands, ScheduleQueries queries, Reads reads, IdGenerator ids, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.ids = ids;
        this.clock = clock;
    }

    record TimeOffRequest(OffsetDateTime start, OffsetDateTime end, String reason) {
        TimeSlot period() {
            BookingException.require(start != null && end != null, ErrorCode.VALIDATION_FAILED, "start and end are required");
            BookingException.require(reason == null || reason.length() <= 500, ErrorCode.VALIDATION_FAILED,
                    "reason has at most 500 characters");
            return new TimeSlot(start.toInstant(), end.toInstant());
        }
    }

    @PostMapping
    ResponseEntity<Accepted.Body> block(@PathVariable UUID businessId, @PathVariable UUID staffId,
                                       @RequestBody TimeOffRequest request,
                                       @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        UUID id = ids.forKey(businessId + "|time-off", key);
        CommandOutcome outcome = commands.send(new BlockTime(new StaffId(staffId), new BusinessId(businessId), new TimeOffId(id),
                request.period(), request.reason()));
        return Accepted.created(URI.create("/api/v1/businesses/" + businessId + "/staff/" + staffId + "/time-off/" + id), id, outcome);
    }

    /** Time off that has not ended yet, of a staff member of the business (another's is not found). */
    @GetMapping
    ResponseEntity<List<TimeOffView>> list(@PathVariable UUID businessId, @PathVariable UUID staffId,
                                           @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        BusinessId business = new BusinessId(businessId);
        StaffId staff = new StaffId(staffId);
        return reads.any(token, () -> {
            BookingException.require(queries.staff(business, staff).isPresent(), ErrorCode.STAFF_NOT_FOUND,
                    () -> "staff not found: " + staffId);
            return queries.timeOff(business, staff, clock.instant());
        });
    }

    @DeleteMapping("/{timeOffId}")
    ResponseEntity<Accepted.Body> unblock(@PathVariable UUID businessId, @PathVariable UUID staffId, @PathVariable UUID timeOffId) {
        CommandOutcome outcome = commands.send(new UnblockTime(new StaffId(staffId), new BusinessId(businessId), new TimeOffId(timeOffId)));
        return Accepted.changed(outcome, new Accepted.Body(timeOffId, outcome.revision()));
    }
}

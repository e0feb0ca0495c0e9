package dev.kairos.edge.catalog;

import dev.kairos.availability.ScheduleQueries;
import dev.kairos.availability.Views.StaffView;
import dev.kairos.booking.calendar.BookingLimits;
import dev.kairos.booking.calendar.ClearWorkingDayOverride;
import dev.kairos.booking.calendar.SetBookingLimits;
import dev.kairos.booking.calendar.DeactivateStaffMember;
import dev.kairos.booking.calendar.OverrideWorkingDay;
import dev.kairos.booking.calendar.RegisterStaffMember;
import dev.kairos.booking.calendar.UpdateStaffMember;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.StaffId;
import dev.kairos.edge.catalog.CatalogRequests.DayHoursRequest;
import dev.kairos.edge.catalog.CatalogRequests.StaffRequest;
import dev.kairos.edge.support.Accepted;
import dev.kairos.edge.support.Commands;
import dev.kairos.edge.support.ConsistencyTokens;
import dev.kairos.edge.support.IdGenerator;
import dev.kairos.edge.support.IdempotencyFilter;
import dev.kairos.edge.support.Reads;
import dev.kairos.edge.support.Revisions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/businesses/{businessId}/staff")
class StaffController {
    private final Commands commands;
    private final ScheduleQueries queries;
    private final Reads reads;
    private final IdGenerator ids;

    StaffController(Commands commands, ScheduleQueries queries, Reads reads, IdGenerator ids) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.ids = ids;
    }

    @PostMapping
    ResponseEntity<Accepted.Body> register(@PathVariable UUID businessId, @RequestBody StaffRequest request,
                                           @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        UUID id = ids.forKey(businessId + "|staff", key);
        CommandOutcome outcome = commands.send(new RegisterStaffMember(new StaffId(id), new BusinessId(businessId),
                request.profile(), request.schedule(), request.services()));
        return Accepted.created(URI.create("/api/v1/businesses/" + businessId + "/staff/" + id), id, outcome);
    }

    @GetMapping
    ResponseEntity<List<StaffView>> list(@PathVariable UUID businessId,
                                         @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        return reads.any(token, () -> queries.staff(new BusinessId(businessId)));
    }

    @GetMapping("/{staffId}")
    ResponseEntity<StaffView> get(@PathVariable UUID businessId, @PathVariable UUID staffId,
                                  @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        return reads.one(token, () -> queries.staff(new BusinessId(businessId), new StaffId(staffId)),
                StaffView::revision, ErrorCode.STAFF_NOT_FOUND, staffId);
    }

    @PutMapping("/{staffId}")
    ResponseEntity<Accepted.Body> update(@PathVariable UUID businessId, @PathVariable UUID staffId,
                                         @RequestBody StaffRequest request,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommandOutcome outcome = commands.send(new UpdateStaffMember(new StaffId(staffId), new BusinessId(businessId),
                request.profile(), request.schedule(), request.services(), Revisions.fromIfMatch(ifMatch)));
        return Accepted.changed(outcome, new Accepted.Body(staffId, outcome.revision()));
    }

    /** Other working hours on one date in the staff member's zone; no hours make it a day off. */
    @PutMapping("/{staffId}/overrides/{date}")
    ResponseEntity<Accepted.Body> overrideDay(@PathVariable UUID businessId, @PathVariable UUID staffId,
                                              @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                              @RequestBody DayHoursRequest request,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommandOutcome outcome = commands.send(new OverrideWorkingDay(new StaffId(staffId), new BusinessId(businessId), date,
                request.intervals(), Revisions.fromIfMatch(ifMatch)));
        return Accepted.changed(outcome, new Accepted.Body(staffId, outcome.revision()));
    }

    record LimitsRequest(Integer perDay, Integer perWeek) {
    }

    /** At most so many appointments per date and per week (Monday to Sunday) in the staff member's zone; null: no limit. */
    @PutMapping("/{staffId}/booking-limits")
    ResponseEntity<Accepted.Body> setLimits(@PathVariable UUID businessId, @PathVariable UUID staffId,
                                            @RequestBody LimitsRequest request,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommandOutcome outcome = commands.send(new SetBookingLimits(new StaffId(staffId), new BusinessId(businessId),
                new BookingLimits(request.perDay(), request.perWeek()), Revisions.fromIfMatch(ifMatch)));
        return Accepted.changed(outcome, new Accepted.Body(staffId, outcome.revision()));
    }

    /** The date goes back to the weekly hours. */
    @DeleteMapping("/{staffId}/overrides/{date}")
    ResponseEntity<Accepted.Body> clearDayOverride(@PathVariable UUID businessId, @PathVariable UUID staffId,
                                                   @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommandOutcome outcome = commands.send(new ClearWorkingDayOverride(new StaffId(staffId), new BusinessId(businessId),
                date, Revisions.fromIfMatch(ifMatch)));
        return Accepted.changed(outcome, new Accepted.Body(staffId, outcome.revision()));
    }

    @PostMapping("/{staffId}/deactivate")
    ResponseEntity<Accepted.Body> deactivate(@PathVariable UUID businessId, @PathVariable UUID staffId,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommandOutcome outcome = commands.send(new DeactivateStaffMember(new StaffId(staffId), new BusinessId(businessId),
                Revisions.fromIfMatch(ifMatch)));
        return Accepted.changed(outcome, new Accepted.Body(staffId, outcome.revision()));
    }
}

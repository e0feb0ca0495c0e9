package dev.kairos.edge.series;

import dev.kairos.edge.access.ActingFor;
import dev.kairos.edge.access.Ownership;
import dev.kairos.edge.booking.BookingRequests;
import dev.kairos.availability.ScheduleQueries;
import dev.kairos.availability.Views.SeriesView;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.series.BookSeries;
import dev.kairos.booking.series.CancelSeries;
import dev.kairos.booking.series.OccurrenceOutcome;
import dev.kairos.booking.series.PreviewSeries;
import dev.kairos.booking.series.RescheduleSeries;
import dev.kairos.booking.series.SeriesChange;
import dev.kairos.booking.series.SeriesConflictException;
import dev.kairos.booking.series.SeriesDecision;
import dev.kairos.booking.series.SeriesId;
import dev.kairos.booking.series.SeriesMode;
import dev.kairos.edge.series.SeriesRequests.CancelRequest;
import dev.kairos.edge.series.SeriesRequests.PreviewRequest;
import dev.kairos.edge.series.SeriesRequests.RescheduleRequest;
import dev.kairos.edge.series.SeriesRequests.SeriesRequest;
import dev.kairos.edge.support.ApiProblem;
import dev.kairos.edge.support.Commands;
import dev.kairos.edge.support.ConsistencyTokens;
import dev.kairos.edge.support.IdGenerator;
import dev.kairos.edge.support.IdempotencyFilter;
import dev.kairos.edge.support.Reads;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Recurring series: preview, book, cancel or reschedule by scope, and read with every occurrence. */
@RestController
class SeriesController {
    private final Commands commands;
    private final ScheduleQueries queries;
    private final Reads reads;
    private final IdGenerator ids;

    SeriesController(Commands commands, ScheduleQueries queries, Reads reads, IdGenerator ids) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.ids = ids;
    }

    /** One occurrence; {@code start} in the series' zone, {@code code}/{@code detail} set when it is not (or cannot be) booked. */
    record OccurrenceBody(int index, UUID appointmentId, LocalDateTime localStart, OffsetDateTime start, String timeZone,
                          String code, String detail) {
        static OccurrenceBody of(OccurrenceOutcome o, ZoneId zone) {
            return new OccurrenceBody(o.index(), o.appointmentId() == null ? null : o.appointmentId().id(), o.localStart(),
                    o.start().atZone(zone).toOffsetDateTime(), zone.getId(), o.code(), o.detail());
        }
    }

    record Preview(String timeZone, int free, int conflicting, List<OccurrenceBody> occurrences) {
    }

    record Booked(UUID id, SeriesMode mode, String timeZone, List<OccurrenceBody> booked, List<OccurrenceBody> skipped) {
    }

    record Cancelled(UUID seriesId, List<UUID> cancelled) {
    }

    record Rescheduled(UUID seriesId, List<UUID> rescheduled) {
    }

    @PostMapping("/api/v1/businesses/{businessId}/series/preview")
    Preview preview(@PathVariable UUID businessId, @RequestBody PreviewRequest request) {
        request.validate();
        Ownership.requireOwn(request.staffId() == null ? null : new StaffId(request.staffId()), null);
        SeriesDecision decision = commands.ask(new PreviewSeries(new BusinessId(businessId), new StaffId(request.staffId()),
                new ServiceId(request.serviceId()), request.rule(), request.start(), request.zone()), SeriesDecision.class);
        List<OccurrenceBody> occurrences = decision.occurrences().stream().map(o -> OccurrenceBody.of(o, decision.zone())).toList();
        int free = (int) decision.occurrences().stream().filter(OccurrenceOutcome::isFree).count();
        return new Preview(decision.zone().getId(), free, occurrences.size() - free, occurrences);
    }

    @PostMapping("/api/v1/businesses/{businessId}/series")
    ResponseEntity<Booked> book(@PathVariable UUID businessId, @RequestBody SeriesRequest request,
                                @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        request.validate();
        Ownership.requireOwn(request.staffId() == null ? null : new StaffId(request.staffId()), null);
        BusinessId business = new BusinessId(businessId);
        CustomerDetails customer = request.customer().details();
        CustomerId customerId = CustomerId.forContact(business, customer.email(), customer.phone());
        SeriesId seriesId = new SeriesId(ids.forKey(businessId + "|series", key));
        BookSeries command = new BookSeries(seriesId, business, new StaffId(request.staffId()), new ServiceId(request.serviceId()),
                customerId, customer, request.rule(), request.start(), request.zone(), request.mode(), request.notes(),
                request.metadata());
        SeriesDecision decision = decided(() -> commands.ask(command, SeriesDecision.class), () -> request.zone() != null
                ? request.zone() : queries.business(business).map(b -> ZoneId.of(b.timeZone())).orElse(ZoneId.of("UTC")));
        ZoneId zone = decision.zone();
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/series/" + seriesId))
                .header(ConsistencyTokens.HEADER, ConsistencyTokens.tokenOf(decision.outcome()))
                .body(new Booked(seriesId.id(), request.mode(), zone.getId(),
                        decision.occurrences().stream().filter(OccurrenceOutcome::isFree).map(o -> OccurrenceBody.of(o, zone)).toList(),
                        decision.occurrences().stream().filter(o -> !o.isFree()).map(o -> OccurrenceBody.of(o, zone)).toList()));
    }

    @GetMapping("/api/v1/series/{seriesId}")
    ResponseEntity<SeriesView> get(@PathVariable UUID seriesId, @ActingFor UUID businessId,
                                   @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        return reads.any(token, () -> queries.series(new BusinessId(businessId), new SeriesId(seriesId))
                .orElseThrow(() -> new BookingException(ErrorCode.SERIES_NOT_FOUND, "series not found: " + seriesId)));
    }

    @PostMapping("/api/v1/series/{seriesId}/cancel")
    ResponseEntity<Cancelled> cancel(@PathVariable UUID seriesId, @ActingFor UUID businessId,
                                     @RequestBody CancelRequest request,
                                     @RequestHeader(name = BookingRequests.ACTOR, required = false) String actor) {
        request.validate();
        SeriesChange change = commands.ask(new CancelSeries(new SeriesId(seriesId), new BusinessId(businessId), request.scope(),
                request.appointmentId() == null ? null : new AppointmentId(request.appointmentId()), request.reason(),
                BookingRequests.override(request.override(), actor)), SeriesChange.class);
        return ResponseEntity.ok().header(ConsistencyTokens.HEADER, ConsistencyTokens.tokenOf(change.outcome()))
                .body(new Cancelled(seriesId, change.appointmentIds().stream().map(AppointmentId::id).toList()));
    }

    @PostMapping("/api/v1/series/{seriesId}/reschedule")
    ResponseEntity<Rescheduled> reschedule(@PathVariable UUID seriesId, @ActingFor UUID businessId,
                                           @RequestBody RescheduleRequest request,
                                           @RequestHeader(name = BookingRequests.ACTOR, required = false) String actor) {
        request.validate();
        BusinessId business = new BusinessId(businessId);
        RescheduleSeries command = new RescheduleSeries(new SeriesId(seriesId), business, request.scope(),
                request.appointmentId() == null ? null : new AppointmentId(request.appointmentId()), request.newLocalTime(),
                request.shiftDays() == null ? 0 : request.shiftDays(), BookingRequests.override(request.override(), actor));
        SeriesChange change = decided(() -> commands.ask(command, SeriesChange.class), () -> queries.series(business,
                new SeriesId(seriesId)).map(v -> ZoneId.of(v.timeZone())).orElse(ZoneId.of("UTC")));
        return ResponseEntity.ok().header(ConsistencyTokens.HEADER, ConsistencyTokens.tokenOf(change.outcome()))
                .body(new Rescheduled(seriesId, change.appointmentIds().stream().map(AppointmentId::id).toList()));
    }

    /** A series that must be all-or-nothing and is not comes back as 409 with every conflicting occurrence. */
    private static <T> T decided(Supplier<T> decision, Supplier<ZoneId> zone) {
        try {
            return decision.get();
        } catch (SeriesConflictException e) {
            ZoneId shown = zone.get();
            throw new ApiProblem(e.errorCode(), e.getMessage(),
                    Map.of("conflicts", e.conflicts().stream().map(o -> OccurrenceBody.of(o, shown)).toList()));
        }
    }
}

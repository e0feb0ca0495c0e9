package dev.kairos.edge.catalog;

import dev.kairos.availability.ScheduleQueries;
import dev.kairos.availability.Views.ServiceView;
import dev.kairos.booking.catalog.DeactivateService;
import dev.kairos.booking.catalog.DefineService;
import dev.kairos.booking.catalog.ReviseService;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.edge.catalog.CatalogRequests.ServiceRequest;
import dev.kairos.edge.support.Accepted;
import dev.kairos.edge.support.Commands;
import dev.kairos.edge.support.ConsistencyTokens;
import dev.kairos.edge.support.IdGenerator;
import dev.kairos.edge.support.IdempotencyFilter;
import dev.kairos.edge.support.Reads;
import dev.kairos.edge.support.Revisions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/businesses/{businessId}/services")
class ServiceController {
    private final Commands commands;
    private final ScheduleQueries queries;
    private final Reads reads;
    private final IdGenerator ids;

    ServiceController(Commands commands, ScheduleQueries queries, Reads reads, IdGenerator ids) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.ids = ids;
    }

    @PostMapping
    ResponseEntity<Accepted.Body> define(@PathVariable UUID businessId, @RequestBody ServiceRequest request,
                                         @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        UUID id = ids.forKey(businessId + "|service", key);
        CommandOutcome outcome = commands.send(new DefineService(new ServiceId(id), new BusinessId(businessId), request.terms()));
        return Accepted.created(URI.create("/api/v1/businesses/" + businessId + "/services/" + id), id, outcome);
    }

    @GetMapping
    ResponseEntity<List<ServiceView>> list(@PathVariable UUID businessId,
                                           @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        return reads.any(token, () -> queries.services(new BusinessId(businessId)));
    }

    @GetMapping("/{serviceId}")
    ResponseEntity<ServiceView> get(@PathVariable UUID businessId, @PathVariable UUID serviceId,
                                    @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        return reads.one(token, () -> queries.service(new BusinessId(businessId), new ServiceId(serviceId)),
                ServiceView::revision, ErrorCode.SERVICE_NOT_FOUND, serviceId);
    }

    @PutMapping("/{serviceId}")
    ResponseEntity<Accepted.Body> revise(@PathVariable UUID businessId, @PathVariable UUID serviceId,
                                         @RequestBody ServiceRequest request,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommandOutcome outcome = commands.send(new ReviseService(new ServiceId(serviceId), new BusinessId(businessId),
                request.terms(), Revisions.fromIfMatch(ifMatch)));
        return Accepted.changed(outcome, new Accepted.Body(serviceId, outcome.revision()));
    }

    @PostMapping("/{serviceId}/deactivate")
    ResponseEntity<Accepted.Body> deactivate(@PathVariable UUID businessId, @PathVariable UUID serviceId,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommandOutcome outcome = commands.send(new DeactivateService(new ServiceId(serviceId), new BusinessId(businessId),
                Revisions.fromIfMatch(ifMatch)));
        return Accepted.changed(outcome, new Accepted.Body(serviceId, outcome.revision()));
    }
}

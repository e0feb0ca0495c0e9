package dev.kairos.edge.catalog;

import dev.kairos.availability.ScheduleQueries;
import dev.kairos.availability.Views.BusinessView;
import dev.kairos.booking.catalog.DeactivateBusiness;
import dev.kairos.booking.catalog.RegisterBusiness;
import dev.kairos.booking.catalog.UpdateBusiness;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.catalog.CatalogRequests.BusinessRequest;
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
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/businesses")
class BusinessController {
    private final Commands commands;
    private final ScheduleQueries queries;
    private final Reads reads;
    private final IdGenerator ids;

    BusinessController(Commands commands, ScheduleQueries queries, Reads reads, IdGenerator ids) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.ids = ids;
    }

    @PostMapping
    ResponseEntity<Accepted.Body> register(@RequestBody BusinessRequest request,
                                           @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        UUID id = ids.forKey("platform|business", key);
        CommandOutcome outcome = commands.send(new RegisterBusiness(new BusinessId(id), request.profile()));
        return Accepted.created(URI.create("/api/v1/businesses/" + id), id, outcome);
    }

    @GetMapping("/{businessId}")
    ResponseEntity<BusinessView> get(@PathVariable UUID businessId,
                                     @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        return reads.one(token, () -> queries.business(new BusinessId(businessId)), BusinessView::revision,
                ErrorCode.BUSINESS_NOT_FOUND, businessId);
    }

    @PutMapping("/{businessId}")
    ResponseEntity<Accepted.Body> update(@PathVariable UUID businessId, @RequestBody BusinessRequest request,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommandOutcome outcome = commands.send(new UpdateBusiness(new BusinessId(businessId), request.profile(),
                Revisions.fromIfMatch(ifMatch)));
        return Accepted.changed(outcome, new Accepted.Body(businessId, outcome.revision()));
    }

    @PostMapping("/{businessId}/deactivate")
    ResponseEntity<Accepted.Body> deactivate(@PathVariable UUID businessId,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CommandOutcome outcome = commands.send(new DeactivateBusiness(new BusinessId(businessId), Revisions.fromIfMatch(ifMatch)));
        return Accepted.changed(outcome, new Accepted.Body(businessId, outcome.revision()));
    }
}

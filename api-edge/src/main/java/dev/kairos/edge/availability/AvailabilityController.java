package dev.kairos.edge.availability;

import dev.kairos.edge.access.ActingFor;
import dev.kairos.availability.ScheduleQueries;
import dev.kairos.availability.Views.AvailabilityView;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.Zones;
import dev.kairos.edge.support.ConsistencyTokens;
import dev.kairos.edge.support.Reads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Free slots over the local dates {@code from..to} (inclusive) of {@code timeZone} (default: the business's zone);
 * every slot is stated in that zone.
 */
@RestController
@RequestMapping("/api/v1/availability")
class AvailabilityController {
    private final ScheduleQueries queries;
    private final Reads reads;
    private final Clock clock;

    AvailabilityController(ScheduleQueries queries, Reads reads, Clock clock) {
        this.queries = queries;
        this.reads = reads;
        this.clock = clock;
    }

    @GetMapping("/service/{serviceId}")
    ResponseEntity<AvailabilityView> forService(
            @PathVariable UUID serviceId, @ActingFor UUID businessId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String timeZone,
            @RequestParam(required = false) UUID staffId,
            @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        return reads.any(token, () -> queries.freeSlots(new BusinessId(businessId), new ServiceId(serviceId),
                staffId == null ? null : new StaffId(staffId), from, to,
                timeZone == null ? null : Zones.require(timeZone), clock.instant()));
    }

    @GetMapping("/staff/{staffId}")
    ResponseEntity<AvailabilityView> forStaff(
            @PathVariable UUID staffId, @ActingFor UUID businessId,
            @RequestParam UUID serviceId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String timeZone,
            @RequestHeader(name = ConsistencyTokens.HEADER, required = false) String token) {
        return forService(serviceId, businessId, from, to, timeZone, staffId, token);
    }
}

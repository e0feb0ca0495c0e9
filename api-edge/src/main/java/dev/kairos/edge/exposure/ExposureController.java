package dev.kairos.edge.exposure;

import dev.kairos.booking.common.BusinessId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** A business's IP allowlist and the browser origins of its booking widgets; each is replaced as a whole. */
@RestController
@RequestMapping("/api/v1/businesses/{businessId}/access")
class ExposureController {
    private final BusinessExposure exposure;

    ExposureController(BusinessExposure exposure) {
        this.exposure = exposure;
    }

    record Allowlist(List<String> cidrs) {
    }

    record CorsOrigins(List<String> origins) {
    }

    @GetMapping("/ip-allowlist")
    ResponseEntity<Allowlist> allowlist(@PathVariable UUID businessId) {
        return ResponseEntity.ok(new Allowlist(exposure.allowlist(new BusinessId(businessId)).stream().map(Cidr::toString).toList()));
    }

    /** An empty list lifts the restriction. */
    @PutMapping("/ip-allowlist")
    ResponseEntity<Allowlist> replaceAllowlist(@PathVariable UUID businessId, @RequestBody Allowlist request) {
        List<Cidr> cidrs = Cidr.parseAll(request.cidrs());
        exposure.replaceAllowlist(new BusinessId(businessId), cidrs);
        return ResponseEntity.ok(new Allowlist(cidrs.stream().map(Cidr::toString).toList()));
    }

    @GetMapping("/cors-origins")
    ResponseEntity<CorsOrigins> origins(@PathVariable UUID businessId) {
        return ResponseEntity.ok(new CorsOrigins(exposure.origins(new BusinessId(businessId)).stream().sorted().toList()));
    }

    /** An empty list allows no browser origin. */
    @PutMapping("/cors-origins")
    ResponseEntity<CorsOrigins> replaceOrigins(@PathVariable UUID businessId, @RequestBody CorsOrigins request) {
        List<String> origins = Origins.parseAll(request.origins());
        exposure.replaceOrigins(new BusinessId(businessId), origins);
        return ResponseEntity.ok(new CorsOrigins(origins.stream().sorted().toList()));
    }
}

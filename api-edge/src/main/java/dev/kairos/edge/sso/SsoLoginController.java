package dev.kairos.edge.sso;

import dev.kairos.edge.support.Tenancy;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Signing in through a business's identity provider. Both flows end like a password login: the engine's own
 * access and refresh tokens, as JSON.
 */
@RestController
@RequestMapping("/api/v1/auth/sso")
class SsoLoginController {
    private final OidcLogins oidc;
    private final SamlLogins saml;

    SsoLoginController(OidcLogins oidc, SamlLogins saml) {
        this.oidc = oidc;
        this.saml = saml;
    }

    @GetMapping("/{businessId}/oidc")
    ResponseEntity<Void> startOidc(@PathVariable UUID businessId) {
        return redirect(oidc.start(Tenancy.of(businessId)));
    }

    @GetMapping("/oidc/callback")
    TokenAnswer oidcCallback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                                 @RequestParam(required = false) String error,
                                 @RequestParam(name = "error_description", required = false) String errorDescription,
                                 HttpServletRequest request) {
        return oidc.finish(new OidcLogins.Callback(code, state, error, errorDescription), request.getRemoteAddr());
    }

    @GetMapping("/{businessId}/saml")
    ResponseEntity<Void> startSaml(@PathVariable UUID businessId) {
        return redirect(saml.start(Tenancy.of(businessId)));
    }

    @GetMapping(value = "/{businessId}/saml/metadata", produces = "application/samlmetadata+xml")
    ResponseEntity<String> samlMetadata(@PathVariable UUID businessId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/samlmetadata+xml"))
                .body(saml.metadata(Tenancy.of(businessId)));
    }

    @PostMapping(value = "/{businessId}/saml/acs", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    TokenAnswer samlAcs(@PathVariable UUID businessId, @RequestParam(name = "SAMLResponse", required = false) String samlResponse,
                            @RequestParam(name = "RelayState", required = false) String relayState, HttpServletRequest request) {
        return saml.finish(Tenancy.of(businessId), samlResponse, relayState, request.getRemoteAddr());
    }

    private static ResponseEntity<Void> redirect(String location) {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}

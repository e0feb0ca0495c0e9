package dev.kairos.edge.sso;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.support.Tenancy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * A business's identity providers, configured by its owner or an admin. The OpenID Connect client secret is
 * write-only: it is stored, used at the token endpoint, and never returned.
 */
@RestController
@RequestMapping("/api/v1/businesses/{businessId}/sso")
class SsoSettingsController {
    private final OidcProviders oidc;
    private final SamlProviders saml;
    private final SsoProperties properties;

    SsoSettingsController(OidcProviders oidc, SamlProviders saml, SsoProperties properties) {
        this.oidc = oidc;
        this.saml = saml;
        this.properties = properties;
    }

    record OidcView(String issuer, String clientId, boolean clientSecretSet, List<String> allowedEmailDomains,
                    String defaultRole, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
                    String redirectUri, String loginUrl) {
    }

    record SamlView(String idpEntityId, String idpSsoUrl, String idpCertificate, String defaultRole,
                    String spEntityId, String acsUrl, String metadataUrl, String loginUrl) {
    }

    @PutMapping("/oidc")
    OidcView configureOidc(@PathVariable UUID businessId, @RequestBody OidcProviders.Settings settings) {
        return view(oidc.configure(Tenancy.of(businessId), settings));
    }

    @GetMapping("/oidc")
    OidcView oidc(@PathVariable UUID businessId) {
        return view(oidc.require(Tenancy.of(businessId)));
    }

    @DeleteMapping("/oidc")
    ResponseEntity<Void> removeOidc(@PathVariable UUID businessId) {
        if (!oidc.remove(Tenancy.of(businessId))) {
            throw new BookingException(ErrorCode.SSO_NOT_CONFIGURED, "no OpenID Connect provider is configured");
        }
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/saml")
    SamlView configureSaml(@PathVariable UUID businessId, @RequestBody SamlProviders.Settings settings) {
        return view(saml.configure(Tenancy.of(businessId), settings));
    }

    @GetMapping("/saml")
    SamlView saml(@PathVariable UUID businessId) {
        return view(saml.require(Tenancy.of(businessId)));
    }

    @DeleteMapping("/saml")
    ResponseEntity<Void> removeSaml(@PathVariable UUID businessId) {
        if (!saml.remove(Tenancy.of(businessId))) {
            throw new BookingException(ErrorCode.SSO_NOT_CONFIGURED, "no SAML identity provider is configured");
        }
        return ResponseEntity.noContent().build();
    }

    private OidcView view(OidcProvider p) {
        return new OidcView(p.issuer(), p.clientId(), true, p.allowedDomains(), p.defaultRole().claim(),
                p.authorizationEndpoint(), p.tokenEndpoint(), p.jwksUri(), EngineUrls.oidcCallback(properties),
                EngineUrls.base(properties) + "/api/v1/auth/sso/" + p.business().id() + "/oidc");
    }

    private SamlView view(SamlProvider p) {
        UUID business = p.business().id();
        return new SamlView(p.idpEntityId(), p.idpSsoUrl(), p.certificatePem(), p.defaultRole().claim(),
                EngineUrls.samlEntityId(properties, business), EngineUrls.samlAcs(properties, business),
                EngineUrls.samlEntityId(properties, business), EngineUrls.base(properties) + "/api/v1/auth/sso/" + business + "/saml");
    }
}

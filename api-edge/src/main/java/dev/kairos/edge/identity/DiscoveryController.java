package dev.kairos.edge.identity;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine as an issuer others can verify: the OpenID Connect discovery document and the JSON Web Key Set with
 * every key a valid token may be signed with (the next key already, the previous one still).
 */
@RestController
class DiscoveryController {
    private final IdentityProperties properties;
    private final SigningKeys keys;

    DiscoveryController(IdentityProperties properties, SigningKeys keys) {
        this.properties = properties;
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/openid-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> discovery() {
        String issuer = properties.issuer();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks_uri", issuer + "/oauth2/jwks");
        document.put("token_endpoint", issuer + "/api/v1/auth/login");
        document.put("grant_types_supported", List.of("password", "refresh_token"));
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("token_endpoint_auth_methods_supported", List.of("none"));
        document.put("claims_supported", List.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", TokenClaims.BUSINESS,
                TokenClaims.ROLES, TokenClaims.STAFF, TokenClaims.CUSTOMER, TokenClaims.SESSION));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(document);
    }

    /** Cached briefly by verifiers: a key is published {@code publish-ahead} before it signs. */
    @GetMapping(path = "/oauth2/jwks", produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Map<String, Object>> jwks() {
        keys.signing();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.published().toJSONObject(true));
    }
}

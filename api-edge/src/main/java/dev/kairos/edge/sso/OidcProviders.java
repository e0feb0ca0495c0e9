package dev.kairos.edge.sso;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.access.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The businesses' OpenID Connect providers. Configuring one fetches the issuer's discovery document
 * ({@code /.well-known/openid-configuration}), whose {@code issuer} must be exactly the configured one (OpenID
 * Connect Discovery 1.0, section 4.3) and whose endpoints are checked like any URL the engine calls. A client
 * (issuer and client id) belongs to one business, so a token's audience tells which business it is for.
 */
@Component
class OidcProviders {
    private static final RowMapper<OidcProvider> ROW = (rs, n) -> new OidcProvider(
            new BusinessId(rs.getObject("business_id", UUID.class)), rs.getString("issuer"), rs.getString("client_id"),
            rs.getString("client_secret"), Arrays.asList((String[]) rs.getArray("allowed_domains").getArray()),
            Role.ofClaim(rs.getString("default_role")).orElseThrow(), rs.getString("authorization_endpoint"),
            rs.getString("token_endpoint"), rs.getString("jwks_uri"), rs.getTimestamp("updated_at").toInstant());
    private final JdbcTemplate jdbc;
    private final ProviderHttp http;
    private final Clock clock;

    OidcProviders(JdbcTemplate jdbc, ProviderHttp http, Clock clock) {
        this.jdbc = jdbc;
        this.http = http;
        this.clock = clock;
    }

    record Settings(String issuer, String clientId, String clientSecret, List<String> allowedEmailDomains, String defaultRole) {
    }

    OidcProvider configure(BusinessId business, Settings settings) {
        String issuer = required(settings.issuer(), "issuer");
        String clientId = required(settings.clientId(), "clientId");
        String clientSecret = required(settings.clientSecret(), "clientSecret");
        List<String> domains = EmailDomains.parse(settings.allowedEmailDomains());
        Role role = DefaultRoles.parse(settings.defaultRole());
        URI wellKnown = http.check(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration", ErrorCode.SSO_DISCOVERY_FAILED);
        JsonNode discovery = http.getJson(wellKnown, ErrorCode.SSO_DISCOVERY_FAILED);
        if (!issuer.equals(discovery.path("issuer").asString(""))) {
            throw new BookingException(ErrorCode.SSO_DISCOVERY_FAILED, "the discovery document names another issuer: "
                    + discovery.path("issuer").asString(""));
        }
        JsonNode methods = discovery.path("code_challenge_methods_supported");
        boolean s256 = !methods.isArray();
        for (JsonNode method : methods) {
            s256 |= "S256".equals(method.asString(""));
        }
        if (!s256) {
            throw new BookingException(ErrorCode.SSO_DISCOVERY_FAILED, "the provider does not support PKCE with S256");
        }
        String authorization = endpoint(discovery, "authorization_endpoint");
        String token = endpoint(discovery, "token_endpoint");
        String jwks = endpoint(discovery, "jwks_uri");
        try {
            save(business, issuer, clientId, clientSecret, domains, role, authorization, token, jwks);
        } catch (DuplicateKeyException e) {
            throw new BookingException(ErrorCode.SSO_CLIENT_IN_USE,
                    "another business has configured this client of this issuer; register a client of its own");
        }
        return find(business).orElseThrow();
    }

    private void save(BusinessId business, String issuer, String clientId, String clientSecret, List<String> domains,
                      Role role, String authorization, String token, String jwks) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(con -> {
            var statement = con.prepareStatement("""
                    INSERT INTO sso_oidc_provider (business_id, issuer, client_id, client_secret, allowed_domains, default_role,
                        authorization_endpoint, token_endpoint, jwks_uri, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (business_id) DO UPDATE SET issuer = excluded.issuer, client_id = excluded.client_id,
                        client_secret = excluded.client_secret, allowed_domains = excluded.allowed_domains,
                        default_role = excluded.default_role, authorization_endpoint = excluded.authorization_endpoint,
                        token_endpoint = excluded.token_endpoint, jwks_uri = excluded.jwks_uri, updated_at = excluded.updated_at""");
            Array array = con.createArrayOf("text", domains.toArray());
            statement.setObject(1, business.id());
            statement.setString(2, issuer);
            statement.setString(3, clientId);
            statement.setString(4, clientSecret);
            statement.setArray(5, array);
            statement.setString(6, role.claim());
            statement.setString(7, authorization);
            statement.setString(8, token);
            statement.setString(9, jwks);
            statement.setTimestamp(10, now);
            return statement;
        });
    }

    Optional<OidcProvider> find(BusinessId business) {
        return jdbc.query("SELECT * FROM sso_oidc_provider WHERE business_id = ?", ROW, business.id()).stream().findFirst();
    }

    OidcProvider require(BusinessId business) {
        return find(business).orElseThrow(() -> new BookingException(ErrorCode.SSO_NOT_CONFIGURED,
                "no OpenID Connect provider is configured for business " + business.id()));
    }

    List<OidcProvider> byIssuer(String issuer) {
        return jdbc.query("SELECT * FROM sso_oidc_provider WHERE issuer = ? ORDER BY business_id", ROW, issuer);
    }

    boolean remove(BusinessId business) {
        return jdbc.update("DELETE FROM sso_oidc_provider WHERE business_id = ?", business.id()) > 0;
    }

    private String endpoint(JsonNode discovery, String name) {
        String value = discovery.path(name).asString("");
        if (value.isBlank()) {
            throw new BookingException(ErrorCode.SSO_DISCOVERY_FAILED, "the discovery document has no " + name);
        }
        return http.check(value, ErrorCode.SSO_DISCOVERY_FAILED).toString();
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BookingException(ErrorCode.VALIDATION_FAILED, field + " is required");
        }
        if (value.length() > 2048) {
            throw new BookingException(ErrorCode.VALIDATION_FAILED, field + " is longer than 2048 characters");
        }
        return value.trim();
    }
}

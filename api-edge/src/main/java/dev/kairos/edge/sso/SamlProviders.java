package dev.kairos.edge.sso;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.access.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The businesses' SAML 2.0 identity providers. */
@Component
class SamlProviders {
    private static final RowMapper<SamlProvider> ROW = (rs, n) -> new SamlProvider(
            new BusinessId(rs.getObject("business_id", UUID.class)), rs.getString("idp_entity_id"), rs.getString("idp_sso_url"),
            rs.getString("idp_certificate"), certificate(rs.getString("idp_certificate")),
            Role.ofClaim(rs.getString("default_role")).orElseThrow(), rs.getTimestamp("updated_at").toInstant());
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SamlProviders(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Settings(String idpEntityId, String idpSsoUrl, String idpCertificate, String defaultRole) {
    }

    SamlProvider configure(BusinessId business, Settings settings) {
        String entityId = OidcProviders.required(settings.idpEntityId(), "idpEntityId");
        String ssoUrl = OidcProviders.required(settings.idpSsoUrl(), "idpSsoUrl");
        try {
            URI uri = new URI(ssoUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new BookingException(ErrorCode.VALIDATION_FAILED, "idpSsoUrl must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new BookingException(ErrorCode.VALIDATION_FAILED, "idpSsoUrl is not a valid URL");
        }
        if (settings.idpCertificate() == null || settings.idpCertificate().isBlank()) {
            throw new BookingException(ErrorCode.VALIDATION_FAILED, "idpCertificate is required");
        }
        String pem = settings.idpCertificate().trim();
        certificate(pem);
        Role role = DefaultRoles.parse(settings.defaultRole());
        jdbc.update("""
                INSERT INTO sso_saml_provider (business_id, idp_entity_id, idp_sso_url, idp_certificate, default_role, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (business_id) DO UPDATE SET idp_entity_id = excluded.idp_entity_id, idp_sso_url = excluded.idp_sso_url,
                    idp_certificate = excluded.idp_certificate, default_role = excluded.default_role, updated_at = excluded.updated_at""",
                business.id(), entityId, ssoUrl, pem, role.claim(), Timestamp.from(clock.instant()));
        return find(business).orElseThrow();
    }

    Optional<SamlProvider> find(BusinessId business) {
        return jdbc.query("SELECT * FROM sso_saml_provider WHERE business_id = ?", ROW, business.id()).stream().findFirst();
    }

    SamlProvider require(BusinessId business) {
        return find(business).orElseThrow(() -> new BookingException(ErrorCode.SSO_NOT_CONFIGURED,
                "no SAML identity provider is configured for business " + business.id()));
    }

    boolean remove(BusinessId business) {
        return jdbc.update("DELETE FROM sso_saml_provider WHERE business_id = ?", business.id()) > 0;
    }

    /** An X.509 certificate in PEM (or bare base64 DER). */
    static X509Certificate certificate(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw new BookingException(ErrorCode.SSO_CERTIFICATE_INVALID, "idpCertificate is not an X.509 certificate in PEM");
        }
    }
}

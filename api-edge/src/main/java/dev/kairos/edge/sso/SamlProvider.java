package dev.kairos.edge.sso;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.edge.access.Role;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** A business's SAML 2.0 identity provider: who it is, where people log in, and the key it signs with. */
record SamlProvider(BusinessId business, String idpEntityId, String idpSsoUrl, String certificatePem,
                    X509Certificate certificate, Role defaultRole, Instant updatedAt) {
}

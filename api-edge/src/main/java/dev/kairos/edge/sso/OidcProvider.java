package dev.kairos.edge.sso;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.edge.access.Role;

import java.time.Instant;
import java.util.List;

/** A business's OpenID Connect provider, with the endpoints its discovery document named when it was configured. */
record OidcProvider(BusinessId business, String issuer, String clientId, String clientSecret, List<String> allowedDomains,
                    Role defaultRole, String authorizationEndpoint, String tokenEndpoint, String jwksUri, Instant updatedAt) {
}

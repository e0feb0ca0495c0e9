package dev.kairos.edge.sso;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

/**
 * SAML 2.0 Web Browser SSO as a service provider: an AuthnRequest over the HTTP-Redirect binding whose id (and
 * RelayState) are kept server-side, and a Response over the HTTP-POST binding that must answer that request once.
 */
@Component
class SamlLogins {
    static final String METHOD = "saml";
    private final SamlProviders providers;
    private final LoginRequests requests;
    private final LoginSecrets secrets;
    private final FederatedLogins logins;
    private final SsoProperties properties;
    private final Clock clock;

    SamlLogins(SamlProviders providers, LoginRequests requests, LoginSecrets secrets, FederatedLogins logins,
               SsoProperties properties, Clock clock) {
        this.providers = providers;
        this.requests = requests;
        this.secrets = secrets;
        this.logins = logins;
        this.properties = properties;
        this.clock = clock;
    }

    String start(BusinessId business) {
        SamlProvider provider = providers.require(business);
        String id = "_" + secrets.next();
        String relayState = secrets.next();
        String acs = EngineUrls.samlAcs(properties, business.id());
        requests.start(METHOD, new LoginRequests.LoginRequest(id, business, relayState, null, acs));
        String request = SamlMessages.authnRequest(id, clock.instant(), provider.idpSsoUrl(), acs,
                EngineUrls.samlEntityId(properties, business.id()));
        return SamlMessages.redirect(provider.idpSsoUrl(), request, relayState);
    }

    String metadata(BusinessId business) {
        providers.require(business);
        return SamlMessages.metadata(EngineUrls.samlEntityId(properties, business.id()), EngineUrls.samlAcs(properties, business.id()));
    }

    TokenAnswer finish(BusinessId business, String samlResponse, String relayState, String ip) {
        SamlProvider provider = providers.require(business);
        try {
            String acs = EngineUrls.samlAcs(properties, business.id());
            SamlResponses.Verified verified = SamlResponses.verify(samlResponse, new SamlResponses.Expected(
                    provider.idpEntityId(), provider.certificate(), EngineUrls.samlEntityId(properties, business.id()), acs,
                    clock.instant(), properties.clockSkew()));
            LoginRequests.LoginRequest request = requests.take(METHOD, verified.inResponseTo(), business);
            if (!MessageDigest.isEqual(bytes(request.nonce()), bytes(relayState))) {
                throw new BookingException(ErrorCode.SSO_STATE_INVALID, "the RelayState is not this login's");
            }
            String email = EmailDomains.check(verified.email(), java.util.List.of());
            return logins.signIn(business, email, verified.name() == null ? email : verified.name(),
                    provider.defaultRole(), METHOD, ip);
        } catch (BookingException failure) {
            logins.failed(business, METHOD, failure, ip);
            throw failure;
        }
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }
}

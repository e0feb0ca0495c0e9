package dev.kairos.edge.sso;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenID Connect authorization code flow with PKCE (S256): a login starts with a state, a nonce and a code
 * verifier kept server-side ({@link LoginRequests}); the callback takes them once, exchanges the code at the
 * provider's token endpoint, and verifies the ID token (signature, issuer, audience, time, nonce) before anyone
 * is signed in.
 */
@Component
class OidcLogins {
    static final String METHOD = "oidc";
    private final OidcProviders providers;
    private final ProviderTokens tokens;
    private final ProviderHttp http;
    private final LoginRequests requests;
    private final LoginSecrets secrets;
    private final FederatedLogins logins;
    private final SsoProperties properties;

    OidcLogins(OidcProviders providers, ProviderTokens tokens, ProviderHttp http, LoginRequests requests,
               LoginSecrets secrets, FederatedLogins logins, SsoProperties properties) {
        this.providers = providers;
        this.tokens = tokens;
        this.http = http;
        this.requests = requests;
        this.secrets = secrets;
        this.logins = logins;
        this.properties = properties;
    }

    /** Where to send the person: the provider's authorization endpoint with this login's parameters. */
    String start(BusinessId business) {
        OidcProvider provider = providers.require(business);
        String state = secrets.next();
        String nonce = secrets.next();
        String verifier = secrets.next();
        String redirectUri = EngineUrls.oidcCallback(properties);
        requests.start(METHOD, new LoginRequests.LoginRequest(state, business, nonce, verifier, redirectUri));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", provider.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid email profile");
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        return Query.append(provider.authorizationEndpoint(), query);
    }

    record Callback(String code, String state, String error, String errorDescription) {
    }

    TokenAnswer finish(Callback callback, String ip) {
        LoginRequests.LoginRequest request = requests.take(METHOD, callback.state(), null);
        try {
            return finish(request, callback, ip);
        } catch (BookingException failure) {
            logins.failed(request.business(), METHOD, failure, ip);
            throw failure;
        }
    }

    private TokenAnswer finish(LoginRequests.LoginRequest request, Callback callback, String ip) {
        if (callback.error() != null) {
            throw new BookingException(ErrorCode.SSO_PROVIDER_ERROR, "the identity provider answered " + callback.error()
                    + (callback.errorDescription() == null ? "" : ": " + callback.errorDescription()));
        }
        if (callback.code() == null || callback.code().isBlank()) {
            throw new BookingException(ErrorCode.SSO_PROVIDER_ERROR, "the identity provider sent no authorization code");
        }
        OidcProvider provider = providers.require(request.business());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", callback.code());
        form.put("redirect_uri", request.redirectUri());
        form.put("code_verifier", request.codeVerifier());
        form.put("client_id", provider.clientId());
        ProviderHttp.Reply reply = http.postForm(http.check(provider.tokenEndpoint(), ErrorCode.SSO_PROVIDER_ERROR), form,
                provider.clientId(), provider.clientSecret(), ErrorCode.SSO_PROVIDER_ERROR);
        if (reply.status() != 200) {
            throw new BookingException(ErrorCode.SSO_PROVIDER_ERROR, "the token endpoint answered " + reply.status() + " "
                    + reply.body().path("error").asString(""));
        }
        String idToken = reply.body().path("id_token").asString("");
        if (idToken.isBlank()) {
            throw new BookingException(ErrorCode.SSO_TOKEN_INVALID, "the token endpoint returned no ID token");
        }
        Jwt jwt;
        try {
            jwt = tokens.decoder(provider).decode(idToken);
        } catch (JwtException e) {
            throw new BookingException(ErrorCode.SSO_TOKEN_INVALID, "the ID token is not valid: " + e.getMessage());
        }
        if (!MessageDigest.isEqual(bytes(request.nonce()), bytes(jwt.getClaimAsString("nonce")))) {
            throw new BookingException(ErrorCode.SSO_TOKEN_INVALID, "the ID token's nonce is not this login's");
        }
        String email = verifiedEmail(jwt, provider);
        return logins.signIn(provider.business(), email, name(jwt, email), provider.defaultRole(), METHOD, ip);
    }

    /** The token's email, if the provider did not say it is unverified and its domain is allowed. */
    static String verifiedEmail(Jwt jwt, OidcProvider provider) {
        Object verified = jwt.getClaims().get("email_verified");
        if (Boolean.FALSE.equals(verified) || "false".equals(verified)) {
            throw new BookingException(ErrorCode.SSO_EMAIL_UNVERIFIED, "the identity provider has not verified this email address");
        }
        return EmailDomains.check(jwt.getClaimAsString("email"), provider.allowedDomains());
    }

    private static String name(Jwt jwt, String email) {
        String name = jwt.getClaimAsString("name");
        if (name == null || name.isBlank()) {
            String given = jwt.getClaimAsString("given_name");
            String family = jwt.getClaimAsString("family_name");
            name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
        }
        return name.isBlank() ? email : name;
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }
}

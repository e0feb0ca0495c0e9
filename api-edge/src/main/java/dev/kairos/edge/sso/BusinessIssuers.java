package dev.kairos.edge.sso;

import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.Role;
import dev.kairos.edge.access.TrustedIssuers;
import dev.kairos.edge.identity.Accounts;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Access tokens of a business's own OpenID Connect provider, accepted as bearer tokens: verified by Spring
 * Security's {@link JwtAuthenticationProvider} with the provider's decoder ({@link ProviderTokens}: keys, issuer,
 * audience = the business's client id, time), then the member of that business with the token's email is the caller.
 * A token of a person who is not a member of the business, or has no verified email in an allowed domain, is refused.
 * Several businesses may trust the same issuer; a token is for the one whose client id is its audience.
 */
@Component
class BusinessIssuers implements TrustedIssuers {
    private final OidcProviders providers;
    private final ProviderTokens tokens;
    private final Accounts accounts;

    BusinessIssuers(OidcProviders providers, ProviderTokens tokens, Accounts accounts) {
        this.providers = providers;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    public Optional<AuthenticationManager> forIssuer(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return Optional.empty();
        }
        List<OidcProvider> trusting = providers.byIssuer(issuer);
        if (trusting.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(authentication -> {
            AuthenticationException last = null;
            for (OidcProvider provider : trusting) {
                JwtAuthenticationProvider verifier = new JwtAuthenticationProvider(tokens.decoder(provider));
                verifier.setJwtAuthenticationConverter(jwt -> member(provider, jwt));
                try {
                    return verifier.authenticate(authentication);
                } catch (AuthenticationServiceException | BookingException unavailable) {
                    // the provider's keys could not be fetched (or may not be): the token is not verified
                    last = new InvalidBearerTokenException("the token could not be verified: " + unavailable.getMessage());
                } catch (AuthenticationException refused) {
                    last = refused;
                }
            }
            throw last;
        });
    }

    private AbstractAuthenticationToken member(OidcProvider provider, Jwt jwt) {
        String email;
        try {
            email = OidcLogins.verifiedEmail(jwt, provider);
        } catch (BookingException e) {
            throw new BadCredentialsException(e.getMessage());
        }
        Accounts.Account account = accounts.byEmail(email)
                .filter(a -> !a.platformAdmin())
                .orElseThrow(() -> new BadCredentialsException("not a member of this business"));
        List<Accounts.Membership> memberships = accounts.memberships(account.id()).stream()
                .filter(m -> provider.business().equals(m.business())).toList();
        if (memberships.isEmpty()) {
            throw new BadCredentialsException("not a member of this business");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        StaffId staff = null;
        CustomerId customer = null;
        for (Accounts.Membership m : memberships) {
            roles.add(m.role());
            staff = staff == null ? m.staff() : staff;
            customer = customer == null ? m.customer() : customer;
        }
        Caller caller = Caller.user(account.id(), provider.business(), roles, staff, customer, null);
        return new FederatedAuthentication(caller, jwt);
    }

    /** A caller authenticated by a business's provider's token. */
    static final class FederatedAuthentication extends AbstractAuthenticationToken {
        private final Caller caller;
        private final transient Jwt token;

        FederatedAuthentication(Caller caller, Jwt token) {
            super(caller.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
            this.caller = caller;
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }
    }
}

package dev.kairos.edge.access;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated {@link Caller}; its authorities are its roles ({@code ROLE_owner}) and scopes ({@code SCOPE_catalog:read}). */
public final class CallerAuthentication extends AbstractAuthenticationToken {
    private final Caller caller;
    private final String credential;

    public CallerAuthentication(Caller caller, String credential) {
        super(java.util.stream.Stream.concat(caller.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.claim())),
                caller.scopes().stream().map(s -> new SimpleGrantedAuthority("SCOPE_" + s.value()))).toList());
        this.caller = caller;
        this.credential = credential;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return credential;
    }

    @Override
    public String getName() {
        return caller.subject().toString();
    }
}

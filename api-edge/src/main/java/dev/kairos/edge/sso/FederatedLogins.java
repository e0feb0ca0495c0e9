package dev.kairos.edge.sso;

import dev.kairos.booking.access.AuthenticationEventType;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.access.Role;
import dev.kairos.edge.identity.Accounts;
import dev.kairos.edge.identity.AuthEvents;
import dev.kairos.edge.identity.Sessions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Turns a person an identity provider vouched for into an engine login: the account with that email (created
 * without a password on first sight), a membership in the business (the provider's default role on first sight),
 * and an engine session like a password login's. A platform admin never signs in through a business's provider:
 * that provider could assert any address.
 */
@Component
class FederatedLogins {
    private final Accounts accounts;
    private final Sessions sessions;
    private final AuthEvents events;

    FederatedLogins(Accounts accounts, Sessions sessions, AuthEvents events) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.events = events;
    }

    TokenAnswer signIn(BusinessId business, String email, String name, Role defaultRole, String method, String ip) {
        Accounts.Account account = accounts.byEmail(email).orElseGet(() -> create(email, name));
        if (account.platformAdmin()) {
            throw new BookingException(ErrorCode.SSO_DOMAIN_NOT_ALLOWED,
                    "this account signs in with its engine password only");
        }
        boolean member = accounts.memberships(account.id()).stream().anyMatch(m -> business.equals(m.business()));
        if (!member) {
            accounts.grant(account.id(), business, defaultRole, null, null);
        }
        Sessions.Tokens tokens = sessions.open(account.id(), business, method, ip);
        events.record(business, account.id(), AuthenticationEventType.SSO_LOGIN_SUCCEEDED, method + (member ? "" : ", new member as " + defaultRole.claim()), ip);
        return TokenAnswer.of(tokens, account.id());
    }

    void failed(BusinessId business, String method, BookingException failure, String ip) {
        events.record(business, null, AuthenticationEventType.SSO_LOGIN_FAILED, method + ": " + failure.errorCode().code() + ": " + failure.getMessage(), ip);
    }

    private Accounts.Account create(String email, String name) {
        try {
            return accounts.createFederated(email, name);
        } catch (DuplicateKeyException raced) {
            return accounts.byEmail(email).orElseThrow(() -> raced);
        }
    }
}

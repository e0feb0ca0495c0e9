package dev.kairos.booking.access;

import java.util.Locale;

/** The kinds of {@link AuthenticationRecorded}; the event carries {@link #value()}. */
public enum AuthenticationEventType {
    BUSINESS_REGISTERED,
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    REFRESH_TOKEN_REUSED,
    LOGGED_OUT,
    MEMBER_ADDED,
    ROLE_GRANTED,
    ROLE_REVOKED,
    API_KEY_CREATED,
    API_KEY_USED,
    API_KEY_REVOKED,
    SSO_LOGIN_SUCCEEDED,
    SSO_LOGIN_FAILED,
    SIGNING_KEY_ROTATED,
    SIGNING_KEY_REVOKED;

    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package dev.kairos.edge.identity;

/** The engine's own claims in its access tokens, besides the registered ones. */
public final class TokenClaims {
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";
    /** The business the token acts for (absent for the platform). */
    public static final String BUSINESS = "bid";
    public static final String ROLES = "roles";
    /** For staff: their staff member. */
    public static final String STAFF = "stf";
    /** For customers: their customer id in the business. */
    public static final String CUSTOMER = "cus";
    /** The login session, which logout and refresh-token reuse revoke. */
    public static final String SESSION = "sid";

    private TokenClaims() {
    }
}

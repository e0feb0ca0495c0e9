package dev.kairos.booking.common;

/**
 * The one catalogue of stable, machine-readable error codes. The edge maps each {@link Kind} once to an HTTP
 * status; the code string itself never changes once published.
 */
public enum ErrorCode {
    // malformed requests (the edge's own checks)
    MALFORMED_JSON("malformed-json", Kind.MALFORMED),
    UNKNOWN_FIELD("unknown-field", Kind.MALFORMED),
    INVALID_VALUE("invalid-value", Kind.MALFORMED),
    MISSING_PARAMETER("missing-parameter", Kind.MALFORMED),
    TENANT_REQUIRED("tenant-required", Kind.MALFORMED),
    INVALID_PRECONDITION("invalid-precondition-header", Kind.MALFORMED),
    PAYLOAD_TOO_LARGE("payload-too-large", Kind.MALFORMED),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", Kind.MALFORMED),
    METHOD_NOT_ALLOWED("method-not-allowed", Kind.MALFORMED),
    ROUTE_NOT_FOUND("route-not-found", Kind.NOT_FOUND),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", Kind.INVALID),
    IDEMPOTENCY_IN_PROGRESS("idempotency-request-in-progress", Kind.CONFLICT),
    INTERNAL_ERROR("internal-error", Kind.FAILURE),
    // invalid input
    VALIDATION_FAILED("validation-failed", Kind.INVALID),
    INVALID_TIME_ZONE("invalid-time-zone", Kind.INVALID),
    INVALID_TIME_RANGE("invalid-time-range", Kind.INVALID),
    INVALID_DURATION("invalid-duration", Kind.INVALID),
    INVALID_MONEY("invalid-money", Kind.INVALID),
    INVALID_WORKING_HOURS("invalid-working-hours", Kind.INVALID),
    INVALID_LIMIT("invalid-limit", Kind.INVALID),
    UNKNOWN_SERVICE("unknown-service", Kind.INVALID),
    INVALID_CALENDAR("invalid-calendar", Kind.INVALID),
    CALENDAR_URL_REFUSED("calendar-url-refused", Kind.INVALID),
    CALENDAR_UNREACHABLE("calendar-unreachable", Kind.INVALID),
    INVALID_RECURRENCE("invalid-recurrence", Kind.INVALID),
    SERIES_TOO_LONG("series-too-long", Kind.INVALID),
    NOT_IN_SERIES("occurrence-not-in-series", Kind.INVALID),
    INVALID_CHANGE_POLICY("invalid-change-policy", Kind.INVALID),
    // booking rules decided against the request itself
    OUTSIDE_WORKING_HOURS("outside-working-hours", Kind.RULE),
    MINIMUM_NOTICE("minimum-notice-not-met", Kind.RULE),
    MAXIMUM_ADVANCE("maximum-advance-exceeded", Kind.RULE),
    SERVICE_NOT_PROVIDED("service-not-provided-by-staff", Kind.RULE),
    APPOINTMENT_NOT_STARTED("appointment-not-started", Kind.RULE),
    WRONG_BUSINESS_STAFF("staff-of-another-business", Kind.NOT_FOUND),
    OCCURRENCE_STARTED("occurrence-already-started", Kind.RULE),
    SERIES_STAFF_FIXED("series-staff-fixed", Kind.RULE),
    CANCELLATION_WINDOW_CLOSED("cancellation-window-closed", Kind.RULE),
    RESCHEDULE_WINDOW_CLOSED("reschedule-window-closed", Kind.RULE),
    // rules decided against current state
    SLOT_UNAVAILABLE("slot-unavailable", Kind.CONFLICT),
    BOOKING_LIMIT_REACHED("booking-limit-reached", Kind.CONFLICT),
    ILLEGAL_STATUS_TRANSITION("illegal-status-transition", Kind.CONFLICT),
    BUSINESS_INACTIVE("business-inactive", Kind.CONFLICT),
    SERVICE_INACTIVE("service-inactive", Kind.CONFLICT),
    STAFF_INACTIVE("staff-inactive", Kind.CONFLICT),
    ALREADY_EXISTS("already-exists", Kind.CONFLICT),
    CONCURRENT_MODIFICATION("concurrent-modification", Kind.CONFLICT),
    HOLD_EXPIRED("hold-expired", Kind.CONFLICT),
    SESSION_FULL("session-full", Kind.CONFLICT),
    WAITLIST_FULL("waitlist-full", Kind.CONFLICT),
    NO_OPEN_OFFER("no-open-offer", Kind.CONFLICT),
    HOLD_ENDED("hold-ended", Kind.CONFLICT),
    BUSINESS_HOLIDAY("business-holiday", Kind.CONFLICT),
    HOLIDAY_LIMIT_REACHED("holiday-limit-reached", Kind.CONFLICT),
    SERIES_CONFLICT("series-conflict", Kind.CONFLICT),
    REVISION_MISMATCH("revision-mismatch", Kind.PRECONDITION),
    CUSTOMER_LIMIT_REACHED("customer-limit-reached", Kind.CONFLICT),
    NO_STAFF_AVAILABLE("no-staff-available", Kind.CONFLICT),
    // unknown ids (also: ids of another tenant, which must not leak)
    BUSINESS_NOT_FOUND("business-not-found", Kind.NOT_FOUND),
    SERVICE_NOT_FOUND("service-not-found", Kind.NOT_FOUND),
    STAFF_NOT_FOUND("staff-not-found", Kind.NOT_FOUND),
    APPOINTMENT_NOT_FOUND("appointment-not-found", Kind.NOT_FOUND),
    CUSTOMER_NOT_FOUND("customer-not-found", Kind.NOT_FOUND),
    TIME_OFF_NOT_FOUND("time-off-not-found", Kind.NOT_FOUND),
    HOLD_NOT_FOUND("hold-not-found", Kind.NOT_FOUND),
    WAITLIST_ENTRY_NOT_FOUND("waitlist-entry-not-found", Kind.NOT_FOUND),
    HOLIDAY_NOT_FOUND("holiday-not-found", Kind.NOT_FOUND),
    SERIES_NOT_FOUND("series-not-found", Kind.NOT_FOUND),
    // capability links (signed manage-booking links): who holds a valid one may act on its appointment
    MANAGE_LINK_INVALID("manage-link-invalid", Kind.UNAUTHORIZED),
    MANAGE_LINK_EXPIRED("manage-link-expired", Kind.GONE),
    // identity and access
    AUTHENTICATION_REQUIRED("authentication-required", Kind.UNAUTHORIZED),
    INVALID_TOKEN("invalid-token", Kind.UNAUTHORIZED),
    INVALID_CREDENTIALS("invalid-credentials", Kind.UNAUTHORIZED),
    INVALID_REFRESH_TOKEN("invalid-refresh-token", Kind.UNAUTHORIZED),
    REFRESH_TOKEN_REUSED("refresh-token-reused", Kind.UNAUTHORIZED),
    ACCESS_DENIED("access-denied", Kind.FORBIDDEN),
    EMAIL_TAKEN("email-already-registered", Kind.CONFLICT),
    WEAK_PASSWORD("weak-password", Kind.INVALID),
    INVALID_ROLE("invalid-role", Kind.INVALID),
    LAST_OWNER("last-owner", Kind.CONFLICT),
    MEMBER_NOT_FOUND("member-not-found", Kind.NOT_FOUND),
    SIGNING_KEY_NOT_FOUND("signing-key-not-found", Kind.NOT_FOUND),
    // abuse throttling: the caller must wait (Retry-After) before trying again
    RATE_LIMITED("rate-limited", Kind.TOO_MANY_REQUESTS),
    LOGIN_THROTTLED("login-throttled", Kind.TOO_MANY_REQUESTS),
    // API keys, IP allowlists and CORS origins
    INVALID_API_KEY("invalid-api-key", Kind.UNAUTHORIZED),
    API_KEY_NOT_FOUND("api-key-not-found", Kind.NOT_FOUND),
    INVALID_SCOPE("invalid-scope", Kind.INVALID),
    INVALID_CIDR("invalid-cidr", Kind.INVALID),
    INVALID_ORIGIN("invalid-origin", Kind.INVALID),
    IP_NOT_ALLOWED("ip-not-allowed", Kind.FORBIDDEN),
    CORS_ORIGIN_NOT_ALLOWED("cors-origin-not-allowed", Kind.FORBIDDEN),
    // single sign-on: a business's own identity provider (OpenID Connect or SAML 2.0)
    SSO_NOT_CONFIGURED("sso-not-configured", Kind.NOT_FOUND),
    SSO_URL_REFUSED("sso-url-refused", Kind.INVALID),
    SSO_DISCOVERY_FAILED("sso-discovery-failed", Kind.INVALID),
    SSO_ROLE_NOT_ALLOWED("sso-role-not-allowed", Kind.INVALID),
    SSO_CERTIFICATE_INVALID("sso-certificate-invalid", Kind.INVALID),
    SSO_CLIENT_IN_USE("sso-client-in-use", Kind.CONFLICT),
    SSO_STATE_INVALID("sso-state-invalid", Kind.UNAUTHORIZED),
    SSO_STATE_EXPIRED("sso-state-expired", Kind.UNAUTHORIZED),
    SSO_STATE_REUSED("sso-state-reused", Kind.UNAUTHORIZED),
    SSO_PROVIDER_ERROR("sso-provider-error", Kind.UNAUTHORIZED),
    SSO_TOKEN_INVALID("sso-token-invalid", Kind.UNAUTHORIZED),
    SSO_EMAIL_UNVERIFIED("sso-email-unverified", Kind.UNAUTHORIZED),
    SSO_DOMAIN_NOT_ALLOWED("sso-domain-not-allowed", Kind.FORBIDDEN),
    SSO_SAML_MALFORMED("sso-saml-malformed", Kind.UNAUTHORIZED),
    SSO_SAML_SIGNATURE_INVALID("sso-saml-signature-invalid", Kind.UNAUTHORIZED),
    SSO_SAML_ASSERTION_INVALID("sso-saml-assertion-invalid", Kind.UNAUTHORIZED),
    // audit: the recorded history of the business's aggregates
    AGGREGATE_NOT_FOUND("aggregate-not-found", Kind.NOT_FOUND),
    // the public event stream
    EVENT_TYPE_NOT_FOUND("event-type-not-found", Kind.NOT_FOUND),
    TOO_MANY_STREAMS("too-many-streams", Kind.TOO_MANY_REQUESTS),
    // rebuilding projections from the event store
    PROJECTION_NOT_FOUND("projection-not-found", Kind.NOT_FOUND),
    PROJECTION_NOT_REPLAYABLE("projection-not-replayable", Kind.CONFLICT),
    // webhooks: a business's subscriptions to its public events
    WEBHOOK_NOT_FOUND("webhook-not-found", Kind.NOT_FOUND),
    WEBHOOK_DELIVERY_NOT_FOUND("webhook-delivery-not-found", Kind.NOT_FOUND),
    WEBHOOK_URL_REFUSED("webhook-url-refused", Kind.INVALID),
    WEBHOOK_URL_UNREACHABLE("webhook-url-unreachable", Kind.INVALID),
    UNKNOWN_EVENT_TYPE("unknown-event-type", Kind.INVALID),
    WEBHOOK_LIMIT_REACHED("webhook-limit-reached", Kind.CONFLICT),
    WEBHOOK_DISABLED("webhook-disabled", Kind.CONFLICT);

    public enum Kind { MALFORMED, INVALID, RULE, CONFLICT, PRECONDITION, NOT_FOUND, UNAUTHORIZED, FORBIDDEN, GONE, TOO_MANY_REQUESTS, FAILURE }

    private final String code;
    private final Kind kind;

    ErrorCode(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}

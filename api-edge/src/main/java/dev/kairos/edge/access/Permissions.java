package dev.kairos.edge.access;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The permission table: for every endpoint, who may call it. It is the only place access rules are written; the
 * table in docs/permissions.md shows it, and a test checks every endpoint × role against that table, so an endpoint
 * without a row here is refused to everyone but platform admins and fails the build.
 * <p>
 * A role reaches an endpoint for {@link Reach#ANY} resource of its business, or only its {@link Reach#OWN}: a staff
 * member's own calendar and appointments, a customer's own appointments. Platform admins reach everything. API keys
 * are judged by {@link Scope} instead of roles.
 */
public final class Permissions {
    public enum Reach { ANY, OWN }

    /**
     * @param open   no authentication needed (signing in, discovery, capability links)
     * @param scope  what an API key needs; {@code null}: no API key may call it
     * @param reach  what each role may reach; a role not named is refused
     */
    public record Rule(boolean open, Scope scope, Map<Role, Reach> reach) {
        public Optional<Reach> reachOf(Caller caller) {
            if (caller.isPlatformAdmin()) {
                return Optional.of(Reach.ANY);
            }
            if (caller.kind() == Caller.Kind.API_KEY) {
                return scope != null && caller.scopes().contains(scope) ? Optional.of(Reach.ANY) : Optional.empty();
            }
            return caller.roles().stream().map(reach::get).filter(r -> r != null)
                    .min(Enum::compareTo);
        }
    }

    private static final String MEMBERS = "owner admin staff customer auditor analyst integrator";
    private static final String WORKERS = "owner admin staff auditor analyst integrator";
    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        // signing in and out; the engine as token issuer
        open("POST /api/v1/auth/register");
        open("POST /api/v1/auth/customers/register");
        open("POST /api/v1/auth/login");
        open("POST /api/v1/auth/refresh");
        open("POST /api/v1/auth/logout");
        rule("GET /api/v1/auth/me", null, "owner admin staff customer auditor analyst integrator");
        open("GET /.well-known/openid-configuration");
        open("GET /oauth2/jwks");
        // a customer's signed manage-booking link is their authority
        open("GET /api/v1/manage/{token}");
        open("POST /api/v1/manage/{token}/cancel");
        open("POST /api/v1/manage/{token}/reschedule");
        open("GET /api/v1/manage/{token}/availability");
        // the platform
        rule("POST /api/v1/businesses", null, "");
        rule("POST /api/v1/platform/signing-keys/rotate", null, "");
        rule("DELETE /api/v1/platform/signing-keys/{kid}", null, "");
        rule("GET /api/v1/platform/auth-events", null, "");
        rule("GET /api/v1/platform/projections", null, "");
        rule("GET /api/v1/platform/projections/{group}", null, "");
        rule("POST /api/v1/platform/projections/{group}/rebuild", null, "");
        // who may act for the business
        rule("GET /api/v1/businesses/{businessId}/members", Scope.ACCESS_MANAGE, "owner admin auditor");
        rule("POST /api/v1/businesses/{businessId}/members", Scope.ACCESS_MANAGE, "owner admin");
        rule("PUT /api/v1/businesses/{businessId}/members/{userId}/roles", Scope.ACCESS_MANAGE, "owner admin");
        rule("DELETE /api/v1/businesses/{businessId}/members/{userId}", Scope.ACCESS_MANAGE, "owner admin");
        rule("GET /api/v1/businesses/{businessId}/auth-events", Scope.AUDIT_READ, "owner auditor");
        // the recorded history of the business's aggregates
        rule("GET /api/v1/audit/{aggregateType}/{aggregateId}/events", Scope.AUDIT_READ, "owner auditor");
        rule("GET /api/v1/audit/calendars/{staffId}", Scope.AUDIT_READ, "owner auditor");
        rule("GET /api/v1/audit/appointments/{appointmentId}", Scope.AUDIT_READ, "owner auditor");
        rule("POST /api/v1/businesses/{businessId}/api-keys", Scope.ACCESS_MANAGE, "owner admin");
        rule("GET /api/v1/businesses/{businessId}/api-keys", Scope.ACCESS_MANAGE, "owner admin auditor");
        rule("DELETE /api/v1/businesses/{businessId}/api-keys/{keyId}", Scope.ACCESS_MANAGE, "owner admin");
        rule("PUT /api/v1/businesses/{businessId}/access/ip-allowlist", Scope.ACCESS_MANAGE, "owner admin");
        rule("GET /api/v1/businesses/{businessId}/access/ip-allowlist", Scope.ACCESS_MANAGE, "owner admin auditor");
        rule("PUT /api/v1/businesses/{businessId}/access/cors-origins", Scope.ACCESS_MANAGE, "owner admin");
        rule("GET /api/v1/businesses/{businessId}/access/cors-origins", Scope.ACCESS_MANAGE, "owner admin auditor");
        // single sign-on: the business's own identity providers, and signing in through them
        rule("PUT /api/v1/businesses/{businessId}/sso/oidc", Scope.ACCESS_MANAGE, "owner admin");
        rule("GET /api/v1/businesses/{businessId}/sso/oidc", Scope.ACCESS_MANAGE, "owner admin");
        rule("DELETE /api/v1/businesses/{businessId}/sso/oidc", Scope.ACCESS_MANAGE, "owner admin");
        rule("PUT /api/v1/businesses/{businessId}/sso/saml", Scope.ACCESS_MANAGE, "owner admin");
        rule("GET /api/v1/businesses/{businessId}/sso/saml", Scope.ACCESS_MANAGE, "owner admin");
        rule("DELETE /api/v1/businesses/{businessId}/sso/saml", Scope.ACCESS_MANAGE, "owner admin");
        open("GET /api/v1/auth/sso/{businessId}/oidc");
        open("GET /api/v1/auth/sso/oidc/callback");
        open("GET /api/v1/auth/sso/{businessId}/saml");
        open("GET /api/v1/auth/sso/{businessId}/saml/metadata");
        open("POST /api/v1/auth/sso/{businessId}/saml/acs");
        // the business and its catalog
        rule("GET /api/v1/businesses/{businessId}", Scope.CATALOG_READ, MEMBERS);
        rule("PUT /api/v1/businesses/{businessId}", Scope.CATALOG_WRITE, "owner admin");
        rule("POST /api/v1/businesses/{businessId}/deactivate", Scope.CATALOG_WRITE, "owner");
        rule("POST /api/v1/businesses/{businessId}/services", Scope.CATALOG_WRITE, "owner admin");
        rule("GET /api/v1/businesses/{businessId}/services", Scope.CATALOG_READ, MEMBERS);
        rule("GET /api/v1/businesses/{businessId}/services/{serviceId}", Scope.CATALOG_READ, MEMBERS);
        rule("PUT /api/v1/businesses/{businessId}/services/{serviceId}", Scope.CATALOG_WRITE, "owner admin");
        rule("POST /api/v1/businesses/{businessId}/services/{serviceId}/deactivate", Scope.CATALOG_WRITE, "owner admin");
        rule("POST /api/v1/businesses/{businessId}/staff", Scope.CATALOG_WRITE, "owner admin");
        rule("GET /api/v1/businesses/{businessId}/staff", Scope.CATALOG_READ, MEMBERS);
        rule("GET /api/v1/businesses/{businessId}/staff/{staffId}", Scope.CATALOG_READ, MEMBERS);
        rule("PUT /api/v1/businesses/{businessId}/staff/{staffId}", Scope.CATALOG_WRITE, "owner admin");
        rule("PUT /api/v1/businesses/{businessId}/staff/{staffId}/overrides/{date}", Scope.CATALOG_WRITE, "owner admin staff:own");
        rule("DELETE /api/v1/businesses/{businessId}/staff/{staffId}/overrides/{date}", Scope.CATALOG_WRITE, "owner admin staff:own");
        rule("PUT /api/v1/businesses/{businessId}/staff/{staffId}/booking-limits", Scope.CATALOG_WRITE, "owner admin");
        rule("POST /api/v1/businesses/{businessId}/staff/{staffId}/deactivate", Scope.CATALOG_WRITE, "owner admin");
        rule("POST /api/v1/businesses/{businessId}/staff/{staffId}/time-off", Scope.CATALOG_WRITE, "owner admin staff:own");
        rule("GET /api/v1/businesses/{businessId}/staff/{staffId}/time-off", Scope.CATALOG_READ, "owner admin staff:own auditor analyst integrator");
        rule("DELETE /api/v1/businesses/{businessId}/staff/{staffId}/time-off/{timeOffId}", Scope.CATALOG_WRITE, "owner admin staff:own");
        rule("POST /api/v1/businesses/{businessId}/holidays", Scope.CATALOG_WRITE, "owner admin");
        rule("GET /api/v1/businesses/{businessId}/holidays", Scope.CATALOG_READ, MEMBERS);
        rule("GET /api/v1/businesses/{businessId}/holidays/{holidayId}", Scope.CATALOG_READ, MEMBERS);
        rule("DELETE /api/v1/businesses/{businessId}/holidays/{holidayId}", Scope.CATALOG_WRITE, "owner admin");
        rule("POST /api/v1/businesses/{businessId}/holidays/import", Scope.CATALOG_WRITE, "owner admin");
        // free time
        rule("GET /api/v1/availability/service/{serviceId}", Scope.AVAILABILITY_READ, MEMBERS);
        rule("GET /api/v1/availability/staff/{staffId}", Scope.AVAILABILITY_READ, MEMBERS);
        // appointments
        rule("POST /api/v1/businesses/{businessId}/appointments", Scope.BOOKINGS_WRITE, "owner admin staff:own customer:own integrator");
        rule("GET /api/v1/businesses/{businessId}/appointments", Scope.BOOKINGS_READ, "owner admin staff:own auditor analyst integrator");
        rule("GET /api/v1/appointments/{appointmentId}", Scope.BOOKINGS_READ, "owner admin staff:own customer:own auditor analyst integrator");
        rule("POST /api/v1/appointments/{appointmentId}/confirm", Scope.BOOKINGS_WRITE, "owner admin staff:own integrator");
        rule("POST /api/v1/appointments/{appointmentId}/complete", Scope.BOOKINGS_WRITE, "owner admin staff:own integrator");
        rule("POST /api/v1/appointments/{appointmentId}/no-show", Scope.BOOKINGS_WRITE, "owner admin staff:own integrator");
        rule("POST /api/v1/appointments/{appointmentId}/cancel", Scope.BOOKINGS_WRITE, "owner admin staff:own customer:own integrator");
        rule("POST /api/v1/appointments/{appointmentId}/reschedule", Scope.BOOKINGS_WRITE, "owner admin staff:own customer:own integrator");
        // customers: profiles, preferences, what is held about them (export) and erasure
        rule("GET /api/v1/customers", Scope.CUSTOMERS_READ, "owner admin auditor integrator");
        rule("GET /api/v1/customers/{customerId}", Scope.CUSTOMERS_READ, "owner admin customer:own auditor integrator");
        rule("PUT /api/v1/customers/{customerId}/preferences", Scope.CUSTOMERS_WRITE, "owner admin customer:own integrator");
        rule("GET /api/v1/customers/{customerId}/export", Scope.CUSTOMERS_READ, "owner admin customer:own");
        rule("POST /api/v1/customers/{customerId}/erase", Scope.CUSTOMERS_ERASE, "owner admin customer:own");
        // recurring series
        rule("POST /api/v1/businesses/{businessId}/series/preview", Scope.BOOKINGS_WRITE, "owner admin staff:own integrator");
        rule("POST /api/v1/businesses/{businessId}/series", Scope.BOOKINGS_WRITE, "owner admin staff:own integrator");
        rule("GET /api/v1/series/{seriesId}", Scope.BOOKINGS_READ, WORKERS.replace("staff", "staff:own"));
        rule("POST /api/v1/series/{seriesId}/cancel", Scope.BOOKINGS_WRITE, "owner admin staff:own integrator");
        rule("POST /api/v1/series/{seriesId}/reschedule", Scope.BOOKINGS_WRITE, "owner admin staff:own integrator");
        // holds
        rule("POST /api/v1/businesses/{businessId}/holds", Scope.BOOKINGS_WRITE, "owner admin staff:own integrator");
        rule("GET /api/v1/holds/{holdId}", Scope.BOOKINGS_READ, WORKERS.replace("staff", "staff:own"));
        rule("POST /api/v1/holds/{holdId}/confirm", Scope.BOOKINGS_WRITE, "owner admin staff:own integrator");
        rule("DELETE /api/v1/holds/{holdId}", Scope.BOOKINGS_WRITE, "owner admin staff:own integrator");
        // waitlist
        rule("POST /api/v1/businesses/{businessId}/waitlist", Scope.BOOKINGS_WRITE, "owner admin integrator");
        rule("GET /api/v1/businesses/{businessId}/waitlist", Scope.BOOKINGS_READ, "owner admin auditor analyst integrator");
        rule("GET /api/v1/waitlist/{entryId}", Scope.BOOKINGS_READ, "owner admin auditor analyst integrator");
        rule("POST /api/v1/waitlist/{entryId}/accept", Scope.BOOKINGS_WRITE, "owner admin integrator");
        rule("POST /api/v1/waitlist/{entryId}/decline", Scope.BOOKINGS_WRITE, "owner admin integrator");
        rule("DELETE /api/v1/waitlist/{entryId}", Scope.BOOKINGS_WRITE, "owner admin integrator");
        // the public event stream: its catalogue is documentation, the events are the business's
        open("GET /api/v1/events/catalogue");
        open("GET /api/v1/events/schemas/{type}");
        rule("GET /api/v1/businesses/{businessId}/events", Scope.EVENTS_READ, "owner admin auditor integrator");
        rule("GET /api/v1/businesses/{businessId}/events/stream", Scope.EVENTS_READ, "owner admin auditor integrator");
        // webhooks: the business's subscriptions to its public events, their deliveries and notices
        String hooks = "/api/v1/businesses/{businessId}/webhooks";
        rule("POST " + hooks, Scope.WEBHOOKS_MANAGE, "owner admin integrator");
        rule("GET " + hooks, Scope.WEBHOOKS_MANAGE, "owner admin integrator");
        rule("GET " + hooks + "/notices", Scope.WEBHOOKS_MANAGE, "owner admin integrator");
        rule("GET " + hooks + "/{webhookId}", Scope.WEBHOOKS_MANAGE, "owner admin integrator");
        rule("PUT " + hooks + "/{webhookId}", Scope.WEBHOOKS_MANAGE, "owner admin integrator");
        rule("DELETE " + hooks + "/{webhookId}", Scope.WEBHOOKS_MANAGE, "owner admin integrator");
        rule("POST " + hooks + "/{webhookId}/rotate-secret", Scope.WEBHOOKS_MANAGE, "owner admin integrator");
        rule("POST " + hooks + "/{webhookId}/enable", Scope.WEBHOOKS_MANAGE, "owner admin integrator");
        rule("GET " + hooks + "/{webhookId}/deliveries", Scope.WEBHOOKS_MANAGE, "owner admin integrator");
        rule("GET " + hooks + "/{webhookId}/deliveries/{deliveryId}", Scope.WEBHOOKS_MANAGE, "owner admin integrator");
        rule("POST " + hooks + "/{webhookId}/deliveries/{deliveryId}/redeliver", Scope.WEBHOOKS_MANAGE, "owner admin integrator");
    }

    private Permissions() {
    }

    /** The rule of an endpoint, named by method and path template as mapped. */
    public static Optional<Rule> of(String method, String pathTemplate) {
        return Optional.ofNullable(RULES.get(method + " " + pathTemplate));
    }

    /** Every rule, by {@code "METHOD /path/template"}, in the order of the table. */
    public static Map<String, Rule> all() {
        return Collections.unmodifiableMap(RULES);
    }

    private static void open(String endpoint) {
        put(endpoint, new Rule(true, null, Map.of()));
    }

    private static void rule(String endpoint, Scope scope, String roles) {
        Map<Role, Reach> reach = new EnumMap<>(Role.class);
        Arrays.stream(roles.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(entry -> {
            String[] parts = entry.split(":");
            Role role = Role.ofClaim(parts[0]).orElseThrow(() -> new IllegalArgumentException("unknown role " + parts[0]));
            reach.put(role, parts.length > 1 && parts[1].equals("own") ? Reach.OWN : Reach.ANY);
        });
        put(endpoint, new Rule(false, scope, Map.copyOf(reach)));
    }

    private static void put(String endpoint, Rule rule) {
        if (RULES.putIfAbsent(endpoint, rule) != null) {
            throw new IllegalStateException("two rules for " + endpoint);
        }
    }
}

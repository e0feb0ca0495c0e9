package dev.kairos.edge.access;

import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.Api;
import dev.kairos.edge.access.Tenant.Target;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every endpoint of the permission table, how to call it: a valid request with its path filled from a
 * {@link Tenant}'s fixtures and a plausible body. A request that changes or ends something names a fresh resource
 * made for it (when {@link Ask#fresh()}), so that the fixtures other requests read stay as they are. A request that is
 * let through answers 2xx, except on the few open rows whose recipe names another {@link Answer}.
 */
final class Recipes {
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Map<String, Function<Ask, Call>> RECIPES = new LinkedHashMap<>();
    private static final Map<String, Answer> ANSWERS = new HashMap<>();

    /**
     * Who asks, about whose resource.
     *
     * @param fresh whether the request may change something and should get a resource of its own
     */
    record Ask(Tenant t, Role role, Target target, boolean fresh) {
        UUID staff() {
            return t.staff(target);
        }
    }

    /** A request, before the caller's credentials are added. */
    record Call(String method, String path, String body, String contentType) {
        String describe() {
            return method + " " + path + (body == null ? "" : " " + body.strip());
        }
    }

    /**
     * What a request that is let through answers: a status in {@code [from, to]}, with {@code code} when it is a problem.
     * Only open rows may name anything but {@link #SUCCESS}.
     */
    record Answer(int from, int to, String code) {
        static final Answer SUCCESS = new Answer(200, 299, null);
        /** The answer of a login start: off to the identity provider, with the Location to go to. */
        static final Answer REDIRECT = new Answer(300, 399, null);

        static Answer problem(int status, ErrorCode code) {
            return new Answer(status, status, code.code());
        }

        void check(Call call, Api.Response r) {
            String what = call.describe() + " -> " + r.status() + " " + r.raw().body();
            assertThat(r.status()).as(what).isBetween(from, to);
            if (code != null) {
                assertThat(r.code()).as(what).isEqualTo(code);
                assertThat(r.contentType()).as(what).contains("application/problem+json");
            }
            if (this == REDIRECT) {
                assertThat(r.header("Location")).as(what).isPresent();
            }
        }
    }

    private Recipes() {
    }

    /** The request for an endpoint ({@code "METHOD /path/template"}). */
    static Call call(String endpoint, Ask ask) {
        Function<Ask, Call> recipe = RECIPES.get(endpoint);
        assertThat(recipe).as("no request recipe for " + endpoint + ": add one to " + Recipes.class.getName()).isNotNull();
        return recipe.apply(ask);
    }

    static boolean has(String endpoint) {
        return RECIPES.containsKey(endpoint);
    }

    /** What the endpoint's request answers when it is let through. */
    static Answer answer(String endpoint) {
        return ANSWERS.getOrDefault(endpoint, Answer.SUCCESS);
    }

    private static void recipe(String endpoint, Function<Ask, Call> recipe) {
        RECIPES.put(endpoint, recipe);
    }

    private static void recipe(String endpoint, Answer answer, Function<Ask, Call> recipe) {
        ANSWERS.put(endpoint, answer);
        recipe(endpoint, recipe);
    }

    /** The endpoint with its variables from {@code vars}, else from the ask's fixtures; JSON {@code body} or none. */
    private static Call json(Ask a, String endpoint, String body, Object... vars) {
        return with(a, endpoint, body, body == null ? null : "application/json", vars);
    }

    private static Call with(Ask a, String endpoint, String body, String contentType, Object... vars) {
        String[] parts = endpoint.split(" ", 2);
        String template = parts[1];
        String query = "";
        int q = template.indexOf('?');
        if (q >= 0) {
            query = template.substring(q);
            template = template.substring(0, q);
        }
        Map<String, Object> given = new HashMap<>();
        for (int i = 0; i < vars.length; i += 2) {
            given.put((String) vars[i], vars[i + 1]);
        }
        Matcher m = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object value = given.containsKey(name) ? given.get(name) : fixture(a, name)
                    .orElseThrow(() -> new AssertionError("no value for {" + name + "} in " + endpoint));
            m.appendReplacement(path, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(path);
        return new Call(parts[0], path + query, body, contentType);
    }

    /** The fixture a path variable names by default: the caller's own, or someone else's. */
    private static Optional<Object> fixture(Ask a, String variable) {
        Tenant t = a.t();
        boolean own = a.target() == Target.OWN;
        return Optional.ofNullable(switch (variable) {
            case "businessId" -> t.businessId;
            case "serviceId" -> t.service;
            case "staffId" -> a.staff();
            case "appointmentId" -> own ? t.appointmentA : t.appointmentB;
            case "holdId" -> own ? t.holdA : t.holdB;
            case "seriesId" -> own ? t.seriesA : t.seriesB;
            case "entryId" -> t.waitlistEntry;
            case "customerId" -> own ? t.customerId : t.otherCustomerId;
            case "holidayId" -> t.holiday;
            case "timeOffId" -> own ? t.timeOffA : t.timeOffB;
            case "userId" -> t.users.get(Role.ANALYST);
            case "date" -> "2027-02-20";
            case "token" -> t.manageToken;
            case "kid" -> "no-such-key";
            case "keyId" -> t.keyId;
            case "webhookId" -> t.webhookId;
            case "deliveryId" -> t.deliveryId;
            default -> null;
        });
    }

    /** The customer an erasure names, once the customer read model knows them. */
    private static Object erasable(Ask a) {
        Tenant t = a.t();
        if (a.role() == Role.CUSTOMER && a.target() == Target.OWN) {
            t.seen("/api/v1/customers/" + t.customerId, null);
            return t.customerId;
        }
        if (!a.fresh()) {
            return fixture(a, "customerId").orElseThrow();
        }
        Api.Response booked = t.book(t.staffA, "erasable." + t.next() + "@" + t.label + ".test");
        t.seen("/api/v1/customers/" + booked.text("customerId"), null);
        return booked.text("customerId");
    }

    private static UUID freshAppointment(Ask a) {
        return a.fresh() ? a.t().appointment(a.target()) : (a.target() == Target.OWN ? a.t().appointmentA : a.t().appointmentB);
    }

    private static String refreshToken(Ask a) {
        Api.Response login = a.t().admin.login(a.t().customerEmail, Tenant.PASSWORD, a.t().businessId);
        assertThat(login.status()).as(login.raw().body()).isEqualTo(200);
        return login.text("refresh_token");
    }

    private static String freshManageToken(Ask a) {
        return a.t().book(a.t().staffA, a.t().customerEmail).json().path("manage").path("token").asString();
    }

    private static String calendar(LocalDate day) {
        String date = day.toString().replace("-", "");
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kairos//Access matrix//EN",
                "BEGIN:VEVENT", "UID:closing-" + date + "@kairos.test", "DTSTAMP:20261101T000000Z", "SUMMARY:Closing day " + date,
                "DTSTART;VALUE=DATE:" + date, "DTEND;VALUE=DATE:" + day.plusDays(1).toString().replace("-", ""), "END:VEVENT",
                "END:VCALENDAR", "");
    }

    static {
        // signing in and out; the engine as token issuer
        recipe("POST /api/v1/auth/register", a -> json(a, "POST /api/v1/auth/register", """
                {"business":{"name":"%s Spare %d","timeZone":"UTC","currency":"EUR"},
                 "owner":{"name":"Spare Owner","email":"spare.owner.%d@%s.test","password":"%s"}}
                """.formatted(a.t().label, a.t().next(), a.t().next(), a.t().label, Tenant.PASSWORD)));
        recipe("POST /api/v1/auth/customers/register", a -> json(a, "POST /api/v1/auth/customers/register", """
                {"manageToken":"%s","name":"New Customer","password":"%s"}
                """.formatted(a.t().seenManageToken("new.customer." + a.t().next() + "@" + a.t().label + ".test"), Tenant.PASSWORD)));
        recipe("POST /api/v1/auth/login", a -> json(a, "POST /api/v1/auth/login", """
                {"email":"%s","password":"%s","businessId":"%s"}""".formatted(a.t().customerEmail, Tenant.PASSWORD, a.t().businessId)));
        recipe("POST /api/v1/auth/refresh", a -> json(a, "POST /api/v1/auth/refresh",
                "{\"refreshToken\":\"" + refreshToken(a) + "\"}"));
        recipe("POST /api/v1/auth/logout", a -> json(a, "POST /api/v1/auth/logout",
                "{\"refreshToken\":\"" + refreshToken(a) + "\"}"));
        recipe("GET /api/v1/auth/me", a -> json(a, "GET /api/v1/auth/me", null));
        recipe("GET /.well-known/openid-configuration", a -> json(a, "GET /.well-known/openid-configuration", null));
        recipe("GET /oauth2/jwks", a -> json(a, "GET /oauth2/jwks", null));
        recipe("GET /api/v1/manage/{token}", a -> json(a, "GET /api/v1/manage/{token}", null));
        recipe("POST /api/v1/manage/{token}/cancel", a -> json(a, "POST /api/v1/manage/{token}/cancel",
                "{\"reason\":\"cannot come\"}", "token", a.fresh() ? freshManageToken(a) : a.t().manageToken));
        recipe("POST /api/v1/manage/{token}/reschedule", a -> json(a, "POST /api/v1/manage/{token}/reschedule",
                "{\"start\":\"" + a.t().nextSlot(a.t().staffA) + "\"}", "token", a.fresh() ? freshManageToken(a) : a.t().manageToken));
        recipe("GET /api/v1/manage/{token}/availability", a -> json(a,
                "GET /api/v1/manage/{token}/availability?from=2026-12-10&to=2026-12-10", null));
        // the platform
        recipe("POST /api/v1/businesses", a -> json(a, "POST /api/v1/businesses", """
                {"name":"%s Branch %d","timeZone":"UTC","currency":"EUR"}""".formatted(a.t().label, a.t().next())));
        recipe("POST /api/v1/platform/signing-keys/rotate", a -> json(a, "POST /api/v1/platform/signing-keys/rotate?publishAhead=P1D", null));
        recipe("DELETE /api/v1/platform/signing-keys/{kid}", a -> json(a, "DELETE /api/v1/platform/signing-keys/{kid}", null,
                "kid", a.fresh() ? rotated(a) : "no-such-key"));
        recipe("GET /api/v1/platform/auth-events", a -> json(a, "GET /api/v1/platform/auth-events", null));
        recipe("GET /api/v1/platform/projections", a -> json(a, "GET /api/v1/platform/projections", null));
        recipe("GET /api/v1/platform/projections/{group}", a -> json(a, "GET /api/v1/platform/projections/{group}", null,
                "group", "schedule"));
        // rebuilding the customers projection leaves every other row's answer as it was once it is done; the matrix
        // runs this row last (AccessMatrixIntegrationTest.LAST)
        recipe("POST /api/v1/platform/projections/{group}/rebuild", a -> json(a, "POST /api/v1/platform/projections/{group}/rebuild",
                null, "group", "customers"));
        // who may act for the business
        recipe("GET /api/v1/businesses/{businessId}/members", a -> json(a, "GET /api/v1/businesses/{businessId}/members", null));
        recipe("POST /api/v1/businesses/{businessId}/members", a -> json(a, "POST /api/v1/businesses/{businessId}/members", """
                {"email":"member.%d@%s.test","name":"New Member","password":"%s","roles":["analyst"]}
                """.formatted(a.t().next(), a.t().label, Tenant.PASSWORD)));
        recipe("PUT /api/v1/businesses/{businessId}/members/{userId}/roles", a -> json(a,
                "PUT /api/v1/businesses/{businessId}/members/{userId}/roles", "{\"roles\":[\"auditor\"]}",
                "userId", a.fresh() ? a.t().member() : a.t().users.get(Role.ANALYST)));
        recipe("DELETE /api/v1/businesses/{businessId}/members/{userId}", a -> json(a,
                "DELETE /api/v1/businesses/{businessId}/members/{userId}", null,
                "userId", a.fresh() ? a.t().member() : a.t().users.get(Role.ANALYST)));
        recipe("POST /api/v1/businesses/{businessId}/api-keys", a -> json(a, "POST /api/v1/businesses/{businessId}/api-keys", """
                {"name":"Key manager %d","scopes":["access:manage"]}""".formatted(a.t().next())));
        recipe("GET /api/v1/businesses/{businessId}/api-keys", a -> json(a, "GET /api/v1/businesses/{businessId}/api-keys", null));
        recipe("DELETE /api/v1/businesses/{businessId}/api-keys/{keyId}", a -> json(a,
                "DELETE /api/v1/businesses/{businessId}/api-keys/{keyId}", null, "keyId", a.fresh() ? a.t().apiKey() : a.t().keyId));
        // the whole loopback stays allowed, so that the business's other requests still come through
        recipe("PUT /api/v1/businesses/{businessId}/access/ip-allowlist", a -> json(a,
                "PUT /api/v1/businesses/{businessId}/access/ip-allowlist", "{\"cidrs\":[\"127.0.0.0/8\",\"::1/128\"]}"));
        recipe("GET /api/v1/businesses/{businessId}/access/ip-allowlist", a -> json(a,
                "GET /api/v1/businesses/{businessId}/access/ip-allowlist", null));
        recipe("PUT /api/v1/businesses/{businessId}/access/cors-origins", a -> json(a,
                "PUT /api/v1/businesses/{businessId}/access/cors-origins", "{\"origins\":[\"https://book." + a.t().label + ".test\"]}"));
        recipe("GET /api/v1/businesses/{businessId}/access/cors-origins", a -> json(a,
                "GET /api/v1/businesses/{businessId}/access/cors-origins", null));
        recipe("GET /api/v1/businesses/{businessId}/auth-events", a -> json(a, "GET /api/v1/businesses/{businessId}/auth-events", null));
        // the recorded history of the business's aggregates
        recipe("GET /api/v1/audit/{aggregateType}/{aggregateId}/events", a -> json(a,
                "GET /api/v1/audit/{aggregateType}/{aggregateId}/events", null, "aggregateType", "staff-calendar", "aggregateId", a.staff()));
        recipe("GET /api/v1/audit/calendars/{staffId}", a -> json(a, "GET /api/v1/audit/calendars/{staffId}?at=2999-01-01T00:00:00Z", null));
        recipe("GET /api/v1/audit/appointments/{appointmentId}", a -> json(a,
                "GET /api/v1/audit/appointments/{appointmentId}?at=2999-01-01T00:00:00Z", null));
        // single sign-on: the business's identity providers, configured again before a request that needs them
        recipe("PUT /api/v1/businesses/{businessId}/sso/oidc", a -> json(a, "PUT /api/v1/businesses/{businessId}/sso/oidc", a.t().oidcBody()));
        recipe("PUT /api/v1/businesses/{businessId}/sso/saml", a -> json(a, "PUT /api/v1/businesses/{businessId}/sso/saml", a.t().samlBody()));
        for (String protocol : new String[]{"oidc", "saml"}) {
            String read = "GET /api/v1/businesses/{businessId}/sso/" + protocol;
            String remove = "DELETE /api/v1/businesses/{businessId}/sso/" + protocol;
            recipe(read, a -> json(singleSignOn(a), read, null));
            recipe(remove, a -> json(singleSignOn(a), remove, null));
        }
        // the OpenID Connect login start answers its redirect to the provider's authorization endpoint
        recipe("GET /api/v1/auth/sso/{businessId}/oidc", Answer.REDIRECT, a -> json(singleSignOn(a), "GET /api/v1/auth/sso/{businessId}/oidc", null));
        // the callback with a code and a state no login started answers 401 sso-state-invalid, as the engine's callback does
        recipe("GET /api/v1/auth/sso/oidc/callback", Answer.problem(401, ErrorCode.SSO_STATE_INVALID), a -> json(a,
                "GET /api/v1/auth/sso/oidc/callback?code=code-%d&state=state-%d".formatted(a.t().next(), a.t().next()), null));
        // the SAML login start answers its redirect, an AuthnRequest, to the identity provider's single sign-on URL
        recipe("GET /api/v1/auth/sso/{businessId}/saml", Answer.REDIRECT, a -> json(singleSignOn(a), "GET /api/v1/auth/sso/{businessId}/saml", null));
        // the metadata of the business as a service provider answers 200 with its XML
        recipe("GET /api/v1/auth/sso/{businessId}/saml/metadata", a -> json(singleSignOn(a),
                "GET /api/v1/auth/sso/{businessId}/saml/metadata", null));
        // the assertion consumer service given a well-formed but unsigned Response answers 401 sso-saml-signature-invalid
        recipe("POST /api/v1/auth/sso/{businessId}/saml/acs", Answer.problem(401, ErrorCode.SSO_SAML_SIGNATURE_INVALID),
                a -> with(singleSignOn(a), "POST /api/v1/auth/sso/{businessId}/saml/acs", unsignedSamlResponse(a),
                        "application/x-www-form-urlencoded"));
        // the business and its catalog
        recipe("GET /api/v1/businesses/{businessId}", a -> json(a, "GET /api/v1/businesses/{businessId}", null));
        recipe("PUT /api/v1/businesses/{businessId}", a -> json(a, "PUT /api/v1/businesses/{businessId}", """
                {"name":"%s","timeZone":"UTC","currency":"EUR"}""".formatted(a.t().businessName)));
        recipe("POST /api/v1/businesses/{businessId}/deactivate", a -> json(a, "POST /api/v1/businesses/{businessId}/deactivate", null));
        recipe("POST /api/v1/businesses/{businessId}/services", a -> json(a, "POST /api/v1/businesses/{businessId}/services",
                a.t().serviceBody(a.t().label + " Extra " + a.t().next())));
        recipe("GET /api/v1/businesses/{businessId}/services", a -> json(a, "GET /api/v1/businesses/{businessId}/services", null));
        recipe("GET /api/v1/businesses/{businessId}/services/{serviceId}", a -> json(a,
                "GET /api/v1/businesses/{businessId}/services/{serviceId}", null));
        recipe("PUT /api/v1/businesses/{businessId}/services/{serviceId}", a -> json(a,
                "PUT /api/v1/businesses/{businessId}/services/{serviceId}", a.t().serviceBody(a.t().label + " Colour"),
                "serviceId", a.t().spareService));
        recipe("POST /api/v1/businesses/{businessId}/services/{serviceId}/deactivate", a -> json(a,
                "POST /api/v1/businesses/{businessId}/services/{serviceId}/deactivate", null,
                "serviceId", a.fresh() ? a.t().service(a.t().label + " Retired " + a.t().next()) : a.t().spareService));
        recipe("POST /api/v1/businesses/{businessId}/staff", a -> json(a, "POST /api/v1/businesses/{businessId}/staff",
                a.t().staffBody(a.t().label + " Extra " + a.t().next())));
        recipe("GET /api/v1/businesses/{businessId}/staff", a -> json(a, "GET /api/v1/businesses/{businessId}/staff", null));
        recipe("GET /api/v1/businesses/{businessId}/staff/{staffId}", a -> json(a,
                "GET /api/v1/businesses/{businessId}/staff/{staffId}", null));
        recipe("PUT /api/v1/businesses/{businessId}/staff/{staffId}", a -> json(a,
                "PUT /api/v1/businesses/{businessId}/staff/{staffId}", a.t().staffBody(a.t().label + " Carla"),
                "staffId", a.t().spareStaff));
        recipe("PUT /api/v1/businesses/{businessId}/staff/{staffId}/overrides/{date}", a -> json(a,
                "PUT /api/v1/businesses/{businessId}/staff/{staffId}/overrides/{date}",
                "{\"hours\":[{\"from\":\"09:00\",\"to\":\"17:00\"}]}", "date", overrideDate(a)));
        recipe("DELETE /api/v1/businesses/{businessId}/staff/{staffId}/overrides/{date}", a -> {
            String date = overrideDate(a);
            if (a.fresh()) {
                Api.Response put = a.t().admin.put(a.t().business("/staff/" + a.staff() + "/overrides/" + date),
                        "{\"hours\":[{\"from\":\"10:00\",\"to\":\"16:00\"}]}");
                assertThat(put.status()).as(put.raw().body()).isLessThan(300);
            }
            return json(a, "DELETE /api/v1/businesses/{businessId}/staff/{staffId}/overrides/{date}", null, "date", date);
        });
        recipe("PUT /api/v1/businesses/{businessId}/staff/{staffId}/booking-limits", a -> json(a,
                "PUT /api/v1/businesses/{businessId}/staff/{staffId}/booking-limits", "{\"perDay\":40,\"perWeek\":200}",
                "staffId", a.t().spareStaff));
        recipe("POST /api/v1/businesses/{businessId}/staff/{staffId}/deactivate", a -> json(a,
                "POST /api/v1/businesses/{businessId}/staff/{staffId}/deactivate", null,
                "staffId", a.fresh() ? a.t().staff(a.t().label + " Leaving " + a.t().next()) : a.t().spareStaff));
        recipe("POST /api/v1/businesses/{businessId}/staff/{staffId}/time-off", a -> json(a,
                "POST /api/v1/businesses/{businessId}/staff/{staffId}/time-off", a.t().timeOffBody()));
        recipe("GET /api/v1/businesses/{businessId}/staff/{staffId}/time-off", a -> json(a,
                "GET /api/v1/businesses/{businessId}/staff/{staffId}/time-off", null));
        recipe("DELETE /api/v1/businesses/{businessId}/staff/{staffId}/time-off/{timeOffId}", a -> json(a,
                "DELETE /api/v1/businesses/{businessId}/staff/{staffId}/time-off/{timeOffId}", null,
                "timeOffId", a.fresh() ? a.t().timeOff(a.staff()) : (a.target() == Target.OWN ? a.t().timeOffA : a.t().timeOffB)));
        recipe("POST /api/v1/businesses/{businessId}/holidays", a -> json(a, "POST /api/v1/businesses/{businessId}/holidays",
                "{\"name\":\"Inventory day\",\"from\":\"" + LocalDate.parse("2027-03-01").plusDays(a.t().next() % 28) + "\"}"));
        recipe("GET /api/v1/businesses/{businessId}/holidays", a -> json(a, "GET /api/v1/businesses/{businessId}/holidays", null));
        recipe("GET /api/v1/businesses/{businessId}/holidays/{holidayId}", a -> json(a,
                "GET /api/v1/businesses/{businessId}/holidays/{holidayId}", null));
        recipe("DELETE /api/v1/businesses/{businessId}/holidays/{holidayId}", a -> json(a,
                "DELETE /api/v1/businesses/{businessId}/holidays/{holidayId}", null,
                "holidayId", a.fresh() ? a.t().holiday(LocalDate.parse("2027-03-01").plusDays(a.t().next() % 28)) : a.t().holiday));
        recipe("POST /api/v1/businesses/{businessId}/holidays/import", a -> with(a, "POST /api/v1/businesses/{businessId}/holidays/import",
                calendar(LocalDate.parse("2027-04-01").plusDays(a.t().next() % 28)), "text/calendar"));
        // free time
        recipe("GET /api/v1/availability/service/{serviceId}", a -> json(a,
                "GET /api/v1/availability/service/{serviceId}?from=2026-12-10&to=2026-12-10", null));
        recipe("GET /api/v1/availability/staff/{staffId}", a -> json(a,
                "GET /api/v1/availability/staff/{staffId}?serviceId=" + a.t().service + "&from=2026-12-10&to=2026-12-10", null));
        // appointments
        recipe("POST /api/v1/businesses/{businessId}/appointments", a -> json(a, "POST /api/v1/businesses/{businessId}/appointments",
                a.t().bookingBody(a.staff(), a.t().nextSlot(a.staff()), a.t().customerEmail(a.target()))));
        recipe("GET /api/v1/businesses/{businessId}/appointments", a -> json(a,
                "GET /api/v1/businesses/{businessId}/appointments?staffId=" + a.staff(), null));
        recipe("GET /api/v1/appointments/{appointmentId}", a -> json(a, "GET /api/v1/appointments/{appointmentId}", null));
        recipe("POST /api/v1/appointments/{appointmentId}/confirm", a -> json(a, "POST /api/v1/appointments/{appointmentId}/confirm",
                null, "appointmentId", freshAppointment(a)));
        for (String change : new String[]{"complete", "no-show"}) {
            String endpoint = "POST /api/v1/appointments/{appointmentId}/" + change;
            recipe(endpoint, a -> json(a, endpoint, null, "appointmentId", a.fresh() ? a.t().startedAppointment(a.target())
                    : fixture(a, "appointmentId").orElseThrow()));
        }
        recipe("POST /api/v1/appointments/{appointmentId}/cancel", a -> json(a, "POST /api/v1/appointments/{appointmentId}/cancel",
                "{\"reason\":\"changed plans\"}", "appointmentId", freshAppointment(a)));
        recipe("POST /api/v1/appointments/{appointmentId}/reschedule", a -> json(a,
                "POST /api/v1/appointments/{appointmentId}/reschedule", "{\"start\":\"" + a.t().nextSlot(a.staff()) + "\"}",
                "appointmentId", freshAppointment(a)));
        recipe("GET /api/v1/customers", a -> json(a, "GET /api/v1/customers?name=" + a.t().label + "%20Customer&limit=5", null));
        recipe("GET /api/v1/customers/{customerId}", a -> json(a, "GET /api/v1/customers/{customerId}", null));
        recipe("PUT /api/v1/customers/{customerId}/preferences", a -> json(a, "PUT /api/v1/customers/{customerId}/preferences",
                "{\"timeZone\":\"Europe/Berlin\",\"language\":\"de-AT\",\"channel\":\"EMAIL\"}"));
        recipe("GET /api/v1/customers/{customerId}/export", a -> json(a, "GET /api/v1/customers/{customerId}/export", null));
        // a customer erases themselves (the matrix runs this row last, AccessMatrixIntegrationTest.SELF_ENDING); everyone
        // else erases a customer booked for it
        recipe("POST /api/v1/customers/{customerId}/erase", a -> json(a, "POST /api/v1/customers/{customerId}/erase", null,
                "customerId", erasable(a)));
        // recurring series
        recipe("POST /api/v1/businesses/{businessId}/series/preview", a -> json(a,
                "POST /api/v1/businesses/{businessId}/series/preview", """
                        {"staffId":"%s","serviceId":"%s","rule":"FREQ=DAILY;COUNT=2","start":"2027-01-01T08:00:00"}
                        """.formatted(a.staff(), a.t().service)));
        recipe("POST /api/v1/businesses/{businessId}/series", a -> json(a, "POST /api/v1/businesses/{businessId}/series",
                a.t().seriesBody(a.staff(), a.t().nextSeriesStart(a.staff()))));
        recipe("GET /api/v1/series/{seriesId}", a -> json(a, "GET /api/v1/series/{seriesId}", null));
        recipe("POST /api/v1/series/{seriesId}/cancel", a -> json(a, "POST /api/v1/series/{seriesId}/cancel",
                "{\"scope\":\"ALL\",\"reason\":\"moving away\"}",
                "seriesId", a.fresh() ? a.t().series(a.staff(), a.t().nextSeriesStart(a.staff())) : fixture(a, "seriesId").orElseThrow()));
        recipe("POST /api/v1/series/{seriesId}/reschedule", a -> {
            LocalDateTime start = a.t().nextSeriesStart(a.staff());
            Object series = a.fresh() ? a.t().series(a.staff(), start) : fixture(a, "seriesId").orElseThrow();
            return json(a, "POST /api/v1/series/{seriesId}/reschedule",
                    "{\"scope\":\"ALL\",\"newLocalTime\":\"" + start.toLocalTime().plusHours(6) + "\"}", "seriesId", series);
        });
        // holds
        recipe("POST /api/v1/businesses/{businessId}/holds", a -> json(a, "POST /api/v1/businesses/{businessId}/holds",
                a.t().holdBody(a.staff())));
        recipe("GET /api/v1/holds/{holdId}", a -> json(a, "GET /api/v1/holds/{holdId}", null));
        recipe("POST /api/v1/holds/{holdId}/confirm", a -> json(a, "POST /api/v1/holds/{holdId}/confirm", """
                {"customer":{"name":"%s Customer","email":"%s"}}""".formatted(a.t().label, a.t().customerEmail),
                "holdId", a.fresh() ? a.t().freshHold(a.staff()) : fixture(a, "holdId").orElseThrow()));
        recipe("DELETE /api/v1/holds/{holdId}", a -> json(a, "DELETE /api/v1/holds/{holdId}", null,
                "holdId", a.fresh() ? a.t().freshHold(a.staff()) : fixture(a, "holdId").orElseThrow()));
        // waitlist
        recipe("POST /api/v1/businesses/{businessId}/waitlist", a -> json(a, "POST /api/v1/businesses/{businessId}/waitlist",
                a.t().waitlistBody()));
        recipe("GET /api/v1/businesses/{businessId}/waitlist", a -> json(a,
                "GET /api/v1/businesses/{businessId}/waitlist?serviceId=" + a.t().service, null));
        recipe("GET /api/v1/waitlist/{entryId}", a -> json(a, "GET /api/v1/waitlist/{entryId}", null));
        for (String answer : new String[]{"POST /api/v1/waitlist/{entryId}/accept", "POST /api/v1/waitlist/{entryId}/decline"}) {
            recipe(answer, a -> json(a, answer, null, "entryId", a.fresh() ? a.t().offeredEntry() : a.t().waitlistEntry));
        }
        recipe("DELETE /api/v1/waitlist/{entryId}", a -> json(a, "DELETE /api/v1/waitlist/{entryId}", null,
                "entryId", a.fresh() ? a.t().freshWaitlistEntry() : a.t().waitlistEntry));
        // the public event stream; a live stream of no duration sends what is stored and ends
        recipe("GET /api/v1/events/catalogue", a -> json(a, "GET /api/v1/events/catalogue", null));
        recipe("GET /api/v1/events/schemas/{type}", a -> json(a, "GET /api/v1/events/schemas/{type}", null,
                "type", "kairos.appointment.booked.v1"));
        recipe("GET /api/v1/businesses/{businessId}/events", a -> json(a, "GET /api/v1/businesses/{businessId}/events?limit=5", null));
        recipe("GET /api/v1/businesses/{businessId}/events/stream", a -> json(a,
                "GET /api/v1/businesses/{businessId}/events/stream?duration=PT0S", null));
        // webhooks; a business keeps at most ten subscriptions, so requests that make one make room first
        String hooks = "/api/v1/businesses/{businessId}/webhooks";
        recipe("POST " + hooks, a -> {
            if (a.fresh()) {
                a.t().webhookRoom();
            }
            return json(a, "POST " + hooks, a.t().webhookBody());
        });
        recipe("GET " + hooks, a -> json(a, "GET " + hooks, null));
        recipe("GET " + hooks + "/notices", a -> json(a, "GET " + hooks + "/notices", null));
        recipe("GET " + hooks + "/{webhookId}", a -> json(a, "GET " + hooks + "/{webhookId}", null));
        recipe("PUT " + hooks + "/{webhookId}", a -> json(a, "PUT " + hooks + "/{webhookId}",
                "{\"eventTypes\":[\"kairos.appointment.booked.v1\",\"kairos.appointment.cancelled.v1\"]}"));
        recipe("DELETE " + hooks + "/{webhookId}", a -> json(a, "DELETE " + hooks + "/{webhookId}", null,
                "webhookId", a.fresh() ? a.t().webhook() : a.t().webhookId));
        recipe("POST " + hooks + "/{webhookId}/rotate-secret", a -> json(a, "POST " + hooks + "/{webhookId}/rotate-secret", null));
        recipe("POST " + hooks + "/{webhookId}/enable", a -> json(a, "POST " + hooks + "/{webhookId}/enable", null));
        recipe("GET " + hooks + "/{webhookId}/deliveries", a -> json(a, "GET " + hooks + "/{webhookId}/deliveries?limit=5", null));
        recipe("GET " + hooks + "/{webhookId}/deliveries/{deliveryId}", a -> json(a, "GET " + hooks + "/{webhookId}/deliveries/{deliveryId}",
                null));
        recipe("POST " + hooks + "/{webhookId}/deliveries/{deliveryId}/redeliver", a -> json(a,
                "POST " + hooks + "/{webhookId}/deliveries/{deliveryId}/redeliver", null));
    }

    /** The ask, once its business's identity providers are configured (when it may change something). */
    private static Ask singleSignOn(Ask a) {
        if (a.fresh()) {
            a.t().singleSignOn();
        }
        return a;
    }

    /** The form a browser posts to the assertion consumer service: a SAML Response of the business's provider, unsigned. */
    private static String unsignedSamlResponse(Ask a) {
        int n = a.t().next();
        String xml = """
                <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" \
                ID="_response-%1$d" InResponseTo="_login-%1$d" Version="2.0" IssueInstant="2026-12-01T08:00:00Z">\
                <saml:Issuer>%2$s</saml:Issuer>\
                <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>\
                <saml:Assertion ID="_assertion-%1$d" Version="2.0" IssueInstant="2026-12-01T08:00:00Z"><saml:Issuer>%2$s</saml:Issuer>\
                <saml:Subject><saml:NameID>person.%1$d@%3$s.test</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>\
                """.formatted(n, a.t().samlIdp, a.t().label);
        return "SAMLResponse=" + URLEncoder.encode(Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8) + "&RelayState=relay-" + n;
    }

    private static String rotated(Ask a) {
        Api.Response rotated = a.t().admin.post("/api/v1/platform/signing-keys/rotate?publishAhead=P1D", null);
        assertThat(rotated.status()).as(rotated.raw().body()).isEqualTo(200);
        return rotated.text("kid");
    }

    /** A February date of its own for every request that sets or clears a day override. */
    private static String overrideDate(Ask a) {
        return LocalDate.parse("2027-02-01").plusDays(a.t().next() % 27).toString();
    }
}

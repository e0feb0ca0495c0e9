package dev.kairos.edge.access;

import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import dev.kairos.edge.access.PermissionTable.Row;
import dev.kairos.edge.access.Tenant.Target;
import dev.kairos.edge.sso.LoopbackProviders;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Business B's owner and admin walk every endpoint of the permission table with business A's ids: A's business in
 * the path, A's appointments, holds, series, waitlist entries, customers, services, staff, holidays, time off and
 * identity provider configurations,
 * and, on routes that name no business in the path, A named in the {@code X-Business-Id} header too; on routes that
 * name a business, B's own business in the path with A's ids in the rest of the request. Every request is answered
 * 404, as if A's things did not exist, no answer carries anything of A the request did not name itself,
 * and afterwards A's events and rows are exactly as they were.
 */
@LoopbackProviders
class CrossTenantIntegrationTest extends EngineTest {
    /** Endpoints left out of the walk, and why. */
    static final Map<String, String> NOT_WALKED = Map.of(
            "GET /api/v1/auth/me", "names neither a business nor a resource: it answers who the caller is");
    /**
     * Requests of B that name A's ids and are not answered 404, and why that is no leak. Each is also sent with every
     * id of A replaced by one that exists nowhere, and must get the same answer: nothing tells A's ids from unknown ones.
     */
    private static final String AUDIT_ONLY = "403 access-denied for B's admin: the audit trail is for owners and auditors, "
            + "so the role is refused before any id is looked at, as with unknown ids (B's owner gets 404)";
    static final Map<String, String> NOT_404 = Map.of(
            "POST /api/v1/businesses/{businessId}/staff", "422 unknown-service: the body lists the services the staff member "
                    + "offers; one that is not the business's is invalid input, answered exactly as a service id that does not exist",
            "GET /api/v1/businesses/{businessId}/appointments", "200 with no items: staffId is a filter of B's own appointments, "
                    + "and B has none with A's staff member, as with an unknown id",
            "GET /api/v1/businesses/{businessId}/waitlist", "200 with no entries: serviceId is a filter of B's own waitlist, "
                    + "and B has no one waiting for A's service, as with an unknown id",
            "GET /api/v1/audit/{aggregateType}/{aggregateId}/events", AUDIT_ONLY,
            "GET /api/v1/audit/calendars/{staffId}", AUDIT_ONLY,
            "GET /api/v1/audit/appointments/{appointmentId}", AUDIT_ONLY,
            "GET /api/v1/customers", "200 with no items: the search is always of the caller's own business, where no "
                    + "customer has A's names, as with names nobody has");
    private static final List<Role> CALLERS = List.of(Role.OWNER, Role.ADMIN);

    @Test
    void anotherBusinessFindsNothingOfABusinessAndChangesNothing() {
        Tenant a = Tenant.create(api, "alpha");
        Tenant b = Tenant.create(api, "beta");
        Map<String, String> before = settled(a);
        for (String table : List.of("appointment_view", "hold_view", "series_view", "waitlist_view", "customer_view", "staff_view",
                "service_view", "time_off_view", "holiday_view", "membership", "cmd_appointment", "cmd_hold", "cmd_series",
                "sso_oidc_provider", "sso_saml_provider")) {
            assertThat(before.get(table)).as("A's rows in " + table + " are compared").isNotNull().doesNotStartWith("0:");
        }
        assertThat(Long.parseLong(before.get("events"))).isGreaterThan(10);
        SoftAssertions softly = new SoftAssertions();
        int walked = 0;
        for (Row row : PermissionTable.documented()) {
            if (row.open() || row.platformOnly() || NOT_WALKED.containsKey(row.endpoint())) {
                continue;
            }
            for (Role role : CALLERS) {
                Api caller = api.as(b.tokens.get(role));
                Recipes.Call call = Recipes.call(row.endpoint(), new Recipes.Ask(a, role, Target.OWN, false));
                walk(softly, a, caller, role, row.endpoint(), call, null);
                walked++;
                if (!row.path().contains("{businessId}") && row.path().contains("{")) {
                    walk(softly, a, caller, role, row.endpoint(), call, a.businessId.toString());
                    walked++;
                }
                // B's own business in the path, A's staff, services, time off, holidays... in the rest of the request
                Recipes.Call mixed = new Recipes.Call(call.method(), call.path().replace(a.businessId.toString(), b.businessId.toString()),
                        call.body(), call.contentType());
                if (row.path().contains("{businessId}") && namesA(a, mixed)) {
                    walk(softly, a, caller, role, row.endpoint(), mixed, null);
                    walked++;
                }
            }
        }
        softly.assertAll();
        assertThat(walked).isGreaterThan(100);
        assertThat(settled(a)).as("business A after B's walk").isEqualTo(before);
    }

    private static boolean namesA(Tenant a, Recipes.Call call) {
        String asked = call.path() + " " + Objects.toString(call.body(), "");
        return ids(a).stream().anyMatch(asked::contains);
    }

    private static List<String> ids(Tenant a) {
        return a.secrets.stream().filter(s -> s.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")).toList();
    }

    /** The same request with every id of A replaced by one that exists nowhere. */
    private static Recipes.Call unknownIds(Tenant a, Recipes.Call call) {
        String path = call.path();
        String body = call.body();
        for (String id : ids(a)) {
            String unknown = UUID.nameUUIDFromBytes(("unknown " + id).getBytes(StandardCharsets.UTF_8)).toString();
            path = path.replace(id, unknown);
            body = body == null ? null : body.replace(id, unknown);
        }
        return new Recipes.Call(call.method(), path, body, call.contentType());
    }

    private void walk(SoftAssertions softly, Tenant a, Api caller, Role role, String endpoint, Recipes.Call call, String header) {
        Api.Response r = send(caller, call, header);
        String what = "B's " + role.claim() + ": " + call.describe() + (header == null ? "" : " [X-Business-Id: A]") + " -> "
                + r.raw().body();
        if (r.status() == 404 || !NOT_404.containsKey(endpoint)) {
            softly.assertThat(r.status()).as(what).isEqualTo(404);
        } else {
            Api.Response unknown = send(caller, unknownIds(a, call), header);
            softly.assertThat(r.status()).as(what + " (" + NOT_404.get(endpoint) + ")").isLessThan(500).isEqualTo(unknown.status());
            softly.assertThat(r.code()).as(what + " answered as for unknown ids").isEqualTo(unknown.code());
            if (r.status() < 300) {
                softly.assertThat(r.raw().body()).as(what + " answered as for unknown ids").isEqualTo(unknown.raw().body());
            }
        }
        String asked = call.path() + " " + Objects.toString(call.body(), "") + " " + Objects.toString(header, "");
        for (String secret : a.secrets) {
            if (!asked.contains(secret)) {
                softly.assertThat(r.raw().body()).as(what + " names " + secret).doesNotContain(secret);
            }
        }
    }

    private Api.Response send(Api caller, Recipes.Call call, String header) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + call.path()))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (header != null) {
            request.header("X-Business-Id", header);
        }
        return caller.send(request);
    }

    /** A's state once the projections are done with it: two reads in a row that agree. */
    private Map<String, String> settled(Tenant a) {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(state(a));
        Awaitility.await("business A's rows settled").atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofMillis(300))
                .pollInterval(Duration.ofMillis(300)).until(() -> last.getAndSet(state(a)).equals(last.get()));
        return last.get();
    }

    /** The events that mention A, and a digest of A's rows in every table that has a business_id. */
    private Map<String, String> state(Tenant a) {
        Map<String, String> state = new TreeMap<>();
        StringBuilder aggregates = new StringBuilder();
        a.secrets.stream().filter(s -> s.matches("[0-9a-f-]{36}"))
                .forEach(id -> aggregates.append(" OR aggregate_identifier LIKE '%").append(id).append("%'"));
        state.put("events", String.valueOf(jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE position(? in convert_from(payload, 'UTF8')) > 0" + aggregates,
                Long.class, a.businessId.toString())));
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.columns WHERE column_name = 'business_id' "
                + "AND table_schema = current_schema() ORDER BY table_name", String.class);
        Map<String, String> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, jdbc.queryForObject("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') "
                    + "FROM \"" + table + "\" t WHERE business_id::text = ?", String.class, a.businessId.toString()));
        }
        state.putAll(rows);
        return state;
    }

}

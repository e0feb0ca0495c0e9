package dev.kairos.edge.access;

import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import dev.kairos.edge.access.PermissionTable.Row;
import dev.kairos.edge.access.Tenant.Target;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Business B's owner and admin walk every endpoint of the permission table with business A's ids: A's business in
 * the path, A's appointments, holds, series, waitlist entries, customers, services, staff, holidays and time off,
 * and, on routes that name no business in the path, A named in the {@code X-Business-Id} header too. Every request
 * is answered 404, as if A's things did not exist, no answer carries anything of A the request did not name itself,
 * and afterwards A's events and rows are exactly as they were.
 */
class CrossTenantIntegrationTest extends EngineTest {
    /** Endpoints left out of the walk, and why. */
    static final Map<String, String> NOT_WALKED = Map.of(
            "GET /api/v1/auth/me", "names neither a business nor a resource: it answers who the caller is");
    private static final List<Role> CALLERS = List.of(Role.OWNER, Role.ADMIN);

    @Test
    void anotherBusinessFindsNothingOfABusinessAndChangesNothing() {
        Tenant a = Tenant.create(api, "alpha");
        Tenant b = Tenant.create(api, "beta");
        Map<String, String> before = settled(a);
        SoftAssertions softly = new SoftAssertions();
        int walked = 0;
        for (Row row : PermissionTable.documented()) {
            if (row.open() || row.platformOnly() || NOT_WALKED.containsKey(row.endpoint())) {
                continue;
            }
            for (Role role : CALLERS) {
                Api caller = api.as(b.tokens.get(role));
                Recipes.Call call = Recipes.call(row.endpoint(), new Recipes.Ask(a, role, Target.OWN, false));
                walk(softly, a, caller, role, call, null);
                walked++;
                if (!row.path().contains("{businessId}") && row.path().contains("{")) {
                    walk(softly, a, caller, role, call, a.businessId.toString());
                    walked++;
                }
            }
        }
        softly.assertAll();
        assertThat(walked).isGreaterThan(100);
        assertThat(settled(a)).as("business A after B's walk").isEqualTo(before);
    }

    private void walk(SoftAssertions softly, Tenant a, Api caller, Role role, Recipes.Call call, String header) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + call.path()))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (header != null) {
            request.header("X-Business-Id", header);
        }
        Api.Response r = caller.send(request);
        String what = "B's " + role.claim() + ": " + call.describe() + (header == null ? "" : " [X-Business-Id: A]") + " -> "
                + r.raw().body();
        softly.assertThat(r.status()).as(what).isEqualTo(404);
        String asked = call.path() + " " + Objects.toString(call.body(), "") + " " + Objects.toString(header, "");
        for (String secret : a.secrets) {
            if (!asked.contains(secret)) {
                softly.assertThat(r.raw().body()).as(what + " names " + secret).doesNotContain(secret);
            }
        }
    }

    /** A's state once the projections are done with it: two reads in a row that agree. */
    private Map<String, String> settled(Tenant a) {
        Map<String, String> last = state(a);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            pause();
            Map<String, String> now = state(a);
            if (now.equals(last)) {
                return now;
            }
            assertThat(System.nanoTime()).as("business A's rows never settled").isLessThan(deadline);
            last = now;
        }
    }

    /** The events that mention A, and a digest of A's rows in every table that has a business_id. */
    private Map<String, String> state(Tenant a) {
        Map<String, String> state = new TreeMap<>();
        state.put("events", String.valueOf(jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE position(? in convert_from(payload, 'UTF8')) > 0",
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

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

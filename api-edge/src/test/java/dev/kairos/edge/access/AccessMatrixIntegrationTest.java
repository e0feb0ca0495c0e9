package dev.kairos.edge.access;

import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import dev.kairos.edge.apikeys.ApiKeyFilter;
import dev.kairos.edge.access.PermissionTable.Access;
import dev.kairos.edge.access.PermissionTable.Row;
import dev.kairos.edge.access.Tenant.Target;
import dev.kairos.edge.sso.LoopbackProviders;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of docs/permissions.md, called as every role (and without credentials), answers as the table says:
 * {@code no} is 403 {@code access-denied}; {@code yes} is let through and succeeds (each request is a valid one), on
 * anyone's resource; {@code own} succeeds on the caller's own resource and answers 404 or 403, never success, on
 * someone else's (staff member B's for staff member A, the other customer's for the customer);
 * {@code open} needs no token, and its request succeeds with the answer its recipe names (2xx unless
 * {@link Recipes.Answer} says otherwise: a login start's redirect, a login finish's documented problem). An API key with the endpoint's scope succeeds, one with every other scope is refused.
 * The table is read from the markdown, so a row added there is called here too, and
 * the running API has exactly the endpoints the table has.
 */
@LoopbackProviders
class AccessMatrixIntegrationTest extends EngineTest {
    /** Rows that would take the fixtures of the rows after them with them. */
    private static final Set<String> LAST = Set.of("POST /api/v1/businesses/{businessId}/deactivate",
            "POST /api/v1/platform/projections/{group}/rebuild");
    /**
     * Rows after which a role's caller no longer exists: a customer erasing themselves loses their account and
     * sessions. They run after every other row but the {@link #LAST} ones, ask about someone else's resource before the
     * caller's own, and the business then gets a new customer account for the rows after them.
     */
    private static final Set<String> SELF_ENDING = Set.of("POST /api/v1/customers/{customerId}/erase");
    private static final List<String> PREFIXES = List.of("/api/", "/.well-known/", "/oauth2/");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryRoleAsTheTableSays() {
        Tenant t = Tenant.create(api, "matrix");
        List<Row> rows = new ArrayList<>(PermissionTable.documented());
        rows.sort(Comparator.comparingInt(r -> LAST.contains(r.endpoint()) ? 2 : SELF_ENDING.contains(r.endpoint()) ? 1 : 0));
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows) {
            tests.add(DynamicTest.dynamicTest(row.endpoint() + " without credentials", () -> anonymous(t, row)));
            if (!row.open()) {
                tests.add(DynamicTest.dynamicTest(row.endpoint() + " with an API key (" + (row.scope() == null ? "none" : row.scope()) + ")",
                        () -> withApiKey(t, row)));
            }
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(row.endpoint() + " as " + role.claim() + " (" + row.of(role).name().toLowerCase() + ")",
                        () -> asRole(t, row, role)));
            }
        }
        return tests.stream();
    }

    private void anonymous(Tenant t, Row row) {
        Recipes.Call call = Recipes.call(row.endpoint(), new Recipes.Ask(t, Role.CUSTOMER, Target.OWN, row.open()));
        Api.Response r = send(api.anonymous(), call, false, t);
        if (row.open()) {
            Recipes.answer(row.endpoint()).check(call, r);
        } else {
            assertThat(r.status()).as(call.describe() + " -> " + r.raw().body()).isEqualTo(401);
            assertThat(r.code()).isEqualTo(ErrorCode.AUTHENTICATION_REQUIRED.code());
        }
    }

    /**
     * A key with the row's scope is let through and succeeds; a key with every other scope is refused, and so is any
     * key where the table names no scope.
     */
    private void withApiKey(Tenant t, Row row) {
        EnumSet<Scope> others = EnumSet.allOf(Scope.class);
        if (row.scope() != null) {
            Scope scope = Scope.of(row.scope()).orElseThrow(() -> new AssertionError("unknown scope " + row.scope()));
            others.remove(scope);
            Recipes.Call call = Recipes.call(row.endpoint(), new Recipes.Ask(t, Role.INTEGRATOR, Target.OWN, true));
            Api.Response r = send(api.anonymous(), call, false, t, ApiKeyFilter.HEADER, t.apiKeySecret(EnumSet.of(scope)));
            assertThat(r.status()).as("a key with " + scope.value() + ": " + call.describe() + " -> " + r.raw().body()).isBetween(200, 299);
        }
        Recipes.Call call = Recipes.call(row.endpoint(), new Recipes.Ask(t, Role.INTEGRATOR, Target.OWN, false));
        Api.Response r = send(api.anonymous(), call, false, t, ApiKeyFilter.HEADER, t.apiKeySecret(others));
        assertThat(r.status()).as("a key with every other scope: " + call.describe() + " -> " + r.raw().body()).isEqualTo(403);
        assertThat(r.code()).isEqualTo(ErrorCode.ACCESS_DENIED.code());
    }

    private void asRole(Tenant t, Row row, Role role) {
        Access access = row.of(role);
        Api caller = role == Role.PLATFORM_ADMIN ? api : api.as(t.tokens.get(role));
        boolean admin = role == Role.PLATFORM_ADMIN;
        switch (access) {
            case NO -> {
                Recipes.Call call = Recipes.call(row.endpoint(), new Recipes.Ask(t, role, Target.OWN, false));
                Api.Response r = send(caller, call, admin, t);
                assertThat(r.status()).as(call.describe() + " -> " + r.raw().body()).isEqualTo(403);
                assertThat(r.code()).as(r.raw().body()).isEqualTo(ErrorCode.ACCESS_DENIED.code());
                assertThat(r.contentType()).contains("application/problem+json");
            }
            case OPEN -> {
                Recipes.Call call = Recipes.call(row.endpoint(), new Recipes.Ask(t, role, Target.OWN, true));
                Recipes.answer(row.endpoint()).check(call, send(caller, call, admin, t));
            }
            case YES -> {
                allowed(caller, Recipes.call(row.endpoint(), new Recipes.Ask(t, role, Target.OWN, true)), admin, t);
                if (row.roles().containsValue(Access.OWN)) {
                    // what others reach only on their own, this role reaches on anyone's
                    allowed(caller, Recipes.call(row.endpoint(), new Recipes.Ask(t, role, Target.OTHER, true)), admin, t);
                }
            }
            case OWN -> {
                boolean selfEnding = SELF_ENDING.contains(row.endpoint());
                if (!selfEnding) {
                    allowed(caller, Recipes.call(row.endpoint(), new Recipes.Ask(t, role, Target.OWN, true)), admin, t);
                }
                Recipes.Call other = Recipes.call(row.endpoint(), new Recipes.Ask(t, role, Target.OTHER, true));
                Api.Response r = send(caller, other, admin, t);
                assertThat(r.status()).as("someone else's: " + other.describe() + " -> " + r.raw().body()).isIn(403, 404);
                assertThat(r.contentType()).contains("application/problem+json");
                if (selfEnding) {
                    allowed(caller, Recipes.call(row.endpoint(), new Recipes.Ask(t, role, Target.OWN, true)), admin, t);
                    if (role == Role.CUSTOMER) {
                        t.newCustomerAccount();
                    }
                }
            }
        }
    }

    private void allowed(Api caller, Recipes.Call call, boolean admin, Tenant t) {
        Api.Response r = send(caller, call, admin, t);
        assertThat(r.status()).as(call.describe() + " -> " + r.raw().body()).isBetween(200, 299);
    }

    /** Sends a call; a platform admin names the business it acts for in the header when the path does not. */
    Api.Response send(Api caller, Recipes.Call call, boolean admin, Tenant t, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + call.path()))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (admin && !call.path().startsWith("/api/v1/businesses/") && !call.path().startsWith("/api/v1/platform/")) {
            request.header("X-Business-Id", t.businessId.toString());
        }
        return caller.send(request, headers);
    }

    @Test
    void everyEndpointOfTheApiHasARowAndEveryRowAnEndpoint() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> endpoints(info).forEach(mapped::add));
        Set<String> documented = new TreeSet<>();
        PermissionTable.documented().forEach(row -> documented.add(row.endpoint()));
        assertThat(mapped).as("endpoints of the API without a row in docs/permissions.md (add a rule to Permissions.java and "
                + "regenerate: " + PermissionTable.REGENERATE + ")").isSubsetOf(documented);
        assertThat(documented).as("rows of docs/permissions.md without an endpoint").isSubsetOf(mapped);
        documented.forEach(endpoint -> assertThat(Recipes.has(endpoint)).as("no request recipe for " + endpoint).isTrue());
        // only a request that needs no credentials may succeed with anything but a 2xx
        PermissionTable.documented().stream().filter(row -> Recipes.answer(row.endpoint()) != Recipes.Answer.SUCCESS)
                .forEach(row -> assertThat(row.open()).as(row.endpoint() + " answers " + Recipes.answer(row.endpoint())).isTrue());
    }

    private static List<String> endpoints(RequestMappingInfo info) {
        List<String> endpoints = new ArrayList<>();
        for (String path : info.getPatternValues()) {
            if (PREFIXES.stream().noneMatch(path::startsWith)) {
                continue;
            }
            assertThat(info.getMethodsCondition().getMethods()).as(path + " answers every HTTP method").isNotEmpty();
            info.getMethodsCondition().getMethods().forEach(m -> endpoints.add(m.name() + " " + path));
        }
        return endpoints;
    }
}

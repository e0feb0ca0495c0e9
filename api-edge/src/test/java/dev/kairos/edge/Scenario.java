package dev.kairos.edge;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds a business through the API, so tests read like the domain. */
public final class Scenario {
    private final Api api;
    public final UUID businessId;

    private Scenario(Api api, UUID businessId) {
        this.api = api;
        this.businessId = businessId;
    }

    public static Scenario business(Api api, String name, String zone) {
        Api.Response r = api.post("/api/v1/businesses",
                "{\"name\":\"" + name + "\",\"timeZone\":\"" + zone + "\",\"currency\":\"EUR\"}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        UUID id = UUID.fromString(r.text("id"));
        seen(api, "/api/v1/businesses/" + id, r);
        return new Scenario(api, id);
    }

    /** A business that exists already (signed up through /auth/register, say). */
    public static Scenario of(Api api, UUID businessId) {
        return new Scenario(api, businessId);
    }

    /**
     * The customer books {@code start} and opens an account from the booking's manage link once the read model knows
     * the booking; answers the account's token response.
     */
    public Api.Response customerAccount(UUID service, UUID staff, String start, String customer, String password) {
        Api.Response booked = book(service, staff, start, customer);
        assertThat(booked.status()).as(booked.raw().body()).isEqualTo(201);
        Api.Response seen = api.get("/api/v1/appointments/" + booked.text("id"), "X-Business-Id", tenant(),
                "Consistency-Token", booked.header("Consistency-Token").orElseThrow());
        assertThat(seen.status()).as(seen.raw().body()).isEqualTo(200);
        Api.Response account = api.anonymous().post("/api/v1/auth/customers/register", "{\"manageToken\":\""
                + booked.json().path("manage").path("token").asString() + "\",\"password\":\"" + password + "\"}");
        assertThat(account.status()).as(account.raw().body()).isEqualTo(201);
        return account;
    }

    /** Reads what a command created, with its consistency token: the scenario goes on once the read model has it. */
    private static void seen(Api api, String path, Api.Response created) {
        Api.Response read = api.get(path, "Consistency-Token", created.header("Consistency-Token").orElseThrow());
        assertThat(read.header("Consistency-Status")).contains("applied");
    }

    public String tenant() {
        return businessId.toString();
    }

    /** A service; durations in minutes. */
    public UUID service(String name, int minutes, int bufferBefore, int bufferAfter, int interval, int noticeMinutes) {
        Api.Response r = api.post("/api/v1/businesses/" + businessId + "/services", """
                {"name":"%s","duration":"PT%dM","price":{"amount":"40.00","currency":"EUR"},
                 "bufferBefore":"PT%dM","bufferAfter":"PT%dM","slotInterval":"PT%dM","minimumNotice":"PT%dM","maxAdvanceDays":60}
                """.formatted(name, minutes, bufferBefore, bufferAfter, interval, noticeMinutes));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        UUID id = UUID.fromString(r.text("id"));
        seen(api, "/api/v1/businesses/" + businessId + "/services/" + id, r);
        return id;
    }

    /** A staff member working the given hours (e.g. "09:00-12:00") every day of the week. */
    public UUID staff(String name, String zone, List<UUID> services, String... hours) {
        StringBuilder intervals = new StringBuilder();
        for (String h : hours) {
            String[] p = h.split("-");
            intervals.append(intervals.isEmpty() ? "" : ",").append("{\"from\":\"").append(p[0]).append("\",\"to\":\"").append(p[1]).append("\"}");
        }
        StringBuilder week = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.append(week.isEmpty() ? "" : ",").append('"').append(day).append("\":[").append(intervals).append(']');
        }
        String ids = String.join(",", services.stream().map(s -> "\"" + s + "\"").toList());
        Api.Response r = api.post("/api/v1/businesses/" + businessId + "/staff", """
                {"name":"%s","email":"%s@example.com","timeZone":"%s","workingHours":{%s},"serviceIds":[%s]}
                """.formatted(name, name.toLowerCase().replace(' ', '.'), zone, week, ids));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        UUID id = UUID.fromString(r.text("id"));
        seen(api, "/api/v1/businesses/" + businessId + "/staff/" + id, r);
        return id;
    }

    /** A service of {@code minutes}, slots every {@code minutes}, no notice, at most {@code max} per customer per period. */
    public UUID limitedService(String name, int minutes, int max, String period) {
        Api.Response r = api.post("/api/v1/businesses/" + businessId + "/services", """
                {"name":"%s","duration":"PT%dM","price":{"amount":"40.00","currency":"EUR"},"maxAdvanceDays":60,
                 "customerLimit":{"max":%d,"period":"%s"}}
                """.formatted(name, minutes, max, period));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        UUID id = UUID.fromString(r.text("id"));
        seen(api, "/api/v1/businesses/" + businessId + "/services/" + id, r);
        return id;
    }

    /** Books without choosing a staff member, through a given node: the engine assigns one. */
    public Api.Response bookAnyStaffVia(Api node, UUID service, String start, String customer, String... headers) {
        return node.post("/api/v1/businesses/" + businessId + "/appointments", """
                {"serviceId":"%s","start":"%s","customer":{"name":"%s","email":"%s@example.com"}}
                """.formatted(service, start, customer, customer.toLowerCase()), headers);
    }

    public Api.Response book(UUID service, UUID staff, String start, String customer, String... headers) {
        return bookVia(api, service, staff, start, customer, headers);
    }

    /** Books through a given node of the engine. */
    public Api.Response bookVia(Api node, UUID service, UUID staff, String start, String customer, String... headers) {
        return node.post("/api/v1/businesses/" + businessId + "/appointments", """
                {"serviceId":"%s","staffId":"%s","start":"%s","customer":{"name":"%s","email":"%s@example.com"}}
                """.formatted(service, staff, start, customer, customer.toLowerCase()), headers);
    }
}

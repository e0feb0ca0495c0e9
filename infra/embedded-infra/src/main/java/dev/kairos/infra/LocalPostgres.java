package dev.kairos.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server started from Maven artifacts (no installation needed). Used as the engine's local
 * default, by the tests and by the benchmark.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static LocalPostgres shared;

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where data lives; {@code null} for a throw-away directory
     * @param port          TCP port on 127.0.0.1, 0 for any free one
     * @param durable       false turns off fsync (tests and throw-away data only)
     */
    public static LocalPostgres start(Path dataDirectory, int port, boolean durable) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            // the library starts the server with fsync off; every setting is stated explicitly either way
            String on = durable ? "on" : "off";
            builder.setServerConfig("fsync", on).setServerConfig("synchronous_commit", on)
                    .setServerConfig("full_page_writes", on);
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return new LocalPostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** One throw-away server per JVM, for tests. */
    public static synchronized LocalPostgres shared() {
        if (shared == null) {
            shared = start(null, 0, false);
            LocalPostgres started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-postgres-stop"));
        }
        return shared;
    }

    /** A new, empty database on the shared test server; returns its JDBC URL. */
    public static String freshDatabase() {
        LocalPostgres server = shared();
        String name = "kairos_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        server.createDatabase(name);
        return server.jdbcUrl(name);
    }

    public void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain identifier: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("could not create database " + name, e);
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String user() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

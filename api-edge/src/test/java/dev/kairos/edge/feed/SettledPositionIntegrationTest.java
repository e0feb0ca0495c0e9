package dev.kairos.edge.feed;

import dev.kairos.infra.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feed never moves past a position a transaction in flight may still fill: it waits for the commit, and moves
 * on once the transaction that took the position rolled back. On a database of its own with the engine's migrations.
 */
class SettledPositionIntegrationTest {
    private static final UUID BUSINESS = UUID.fromString("00000000-0000-0000-0000-00000000b001");

    private final DriverManagerDataSource database = new DriverManagerDataSource(LocalPostgres.freshDatabase(), "postgres", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final SettledPosition settled;

    SettledPositionIntegrationTest() {
        Flyway.configure().dataSource(database).locations("classpath:db/migration/command", "classpath:db/migration/availability",
                "classpath:db/migration/customers", "classpath:db/migration/edge").load().migrate();
        settled = new SettledPosition(jdbc, new FeedProperties("http://localhost:8080", Duration.ofMillis(200),
                Duration.ofSeconds(15), 5, Duration.ofHours(1), Duration.ofMillis(100)));
    }

    /** Stores an event on {@code connection} (in its transaction, if one is open) and answers its position. */
    private static long store(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domainevententry (event_identifier, meta_data, payload, payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                VALUES (?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), 'dev.kairos.booking.calendar.AppointmentConfirmed',
                        '2026-12-01T08:00:00Z', ?, 0, 'StaffCalendar') RETURNING global_index""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "{\"appointmentId\":{\"id\":\"" + UUID.randomUUID() + "\"},\"businessId\":{\"id\":\"" + BUSINESS
                    + "\"},\"staffId\":{\"id\":\"" + UUID.randomUUID() + "\"},\"revision\":2}");
            insert.setString(3, UUID.randomUUID().toString());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aPositionInFlightIsWaitedForUntilItsTransactionCommits() throws Exception {
        try (Connection committed = database.getConnection(); Connection inFlight = database.getConnection()) {
            long first = store(committed);
            assertThat(settled.current()).isEqualTo(first);
            inFlight.setAutoCommit(false);
            long held = store(inFlight);
            long later = store(committed);
            assertThat(later).isEqualTo(held + 1);
            Thread.sleep(300);
            assertThat(settled.current()).as("not past the position still in flight, however long").isEqualTo(first);
            Thread.sleep(300);
            assertThat(settled.current()).isEqualTo(first);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM edge_event_feed WHERE business_id = ?", Long.class, BUSINESS))
                    .as("the feed index is written with the event, in its transaction").isEqualTo(2);
            inFlight.commit();
            assertThat(settled.current()).isEqualTo(later);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM edge_event_feed WHERE business_id = ?", Long.class, BUSINESS))
                    .isEqualTo(3);
        }
    }

    @Test
    void aPositionWhoseTransactionRolledBackIsPassedOnceNoTransactionCanFillIt() throws Exception {
        try (Connection committed = database.getConnection(); Connection inFlight = database.getConnection()) {
            long first = store(committed);
            inFlight.setAutoCommit(false);
            long lost = store(inFlight);
            long later = store(committed);
            assertThat(later).isEqualTo(lost + 1);
            assertThat(settled.current()).isEqualTo(first);
            inFlight.rollback();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> settled.current() == later);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM edge_event_feed WHERE business_id = ?", Long.class, BUSINESS))
                    .as("the rolled-back event left no feed row").isEqualTo(2);
        }
    }
}

package dev.kairos.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Phase "baseline": the same booking pattern as plain INSERTs into a table whose exclusion constraint forbids
 * overlapping bookings of one staff member; what PostgreSQL alone achieves on this machine. Each client has its
 * own autocommit connection.
 */
final class JdbcBaseline implements AutoCloseable {
    static final String EXCLUSION_VIOLATION = "23P01";
    /**
     * Two concurrent inserts whose ranges overlap can wait on each other; PostgreSQL then aborts one. That one
     * overlaps the other, which commits, so it is rejected just as by the exclusion constraint.
     */
    static final String DEADLOCK = "40P01";

    private final Database database;
    private final List<Connection> connections = new ArrayList<>();

    JdbcBaseline(Database database) {
        this.database = database;
    }

    /** A fresh, empty bench_booking table. */
    void createTable() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
            s.execute("DROP TABLE IF EXISTS bench_booking");
            s.execute("CREATE TABLE bench_booking (id bigserial PRIMARY KEY, staff_id int NOT NULL, during tstzrange NOT NULL, "
                    + "EXCLUDE USING gist (staff_id WITH =, during WITH &&))");
        }
    }

    /** Client {@code i} tries the slots of the sequence seeded with {@code seed + i}, as {@link BookingLoad} does. */
    Supplier<Action> clients(SlotPattern pattern, long seed) {
        AtomicInteger next = new AtomicInteger();
        return () -> newClient(pattern, new SplittableRandom(seed + next.getAndIncrement()));
    }

    private Action newClient(SlotPattern pattern, SplittableRandom random) {
        PreparedStatement insert = prepare();
        return () -> {
            SlotPattern.Slot slot = pattern.next(random);
            insert.setInt(1, slot.staff());
            insert.setObject(2, slot.start().atOffset(ZoneOffset.UTC));
            insert.setObject(3, slot.end().atOffset(ZoneOffset.UTC));
            try {
                insert.executeUpdate();
                return Outcome.of(Outcome.CREATED);
            } catch (SQLException e) {
                if (EXCLUSION_VIOLATION.equals(e.getSQLState()) || DEADLOCK.equals(e.getSQLState())) {
                    return Outcome.of(Outcome.CONFLICT);
                }
                throw e;
            }
        };
    }

    private PreparedStatement prepare() {
        try {
            Connection connection = database.connect();
            connections.add(connection);
            return connection.prepareStatement("INSERT INTO bench_booking (staff_id, during) VALUES (?, tstzrange(?, ?))");
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to " + database.url(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }
}

package dev.kairos.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Checks the end state for double bookings, twice: in the read model (any staff member, any tenant) and by
 * replaying the benchmark staff's calendars from the event store; the replayed live bookings must also number
 * exactly the bookings the engine answered 201 to.
 */
final class OverlapVerifier {
    /** Live rows whose blocked time starts before an earlier-starting live row of the same staff member ends. */
    private static final String VIEW_OVERLAPS = """
            SELECT count(*) FROM (
              SELECT busy_from, max(busy_to) OVER (PARTITION BY staff_id ORDER BY busy_from, appointment_id
                                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_until
              FROM appointment_view WHERE status IN ('SCHEDULED', 'CONFIRMED')) live
            WHERE earlier_until > busy_from""";
    private static final String VIEW_LIVE = "SELECT count(*) FROM appointment_view "
            + "WHERE business_id = ? AND status IN ('SCHEDULED', 'CONFIRMED')";
    private static final int SHOWN_OVERLAPS = 5;

    record Verdict(long viewOverlaps, long viewLive, long replayOverlaps, long replayLive, long booked, List<String> examples) {
        boolean passed() {
            return viewOverlaps == 0 && replayOverlaps == 0 && replayLive == booked && viewLive == booked;
        }
    }

    private final Database database;
    private final StaffHistory history;

    OverlapVerifier(Database database, StaffHistory history) {
        this.database = database;
        this.history = history;
    }

    Verdict verify(Tenant tenant, long booked) throws Exception {
        long replayOverlaps = 0;
        long replayLive = 0;
        List<String> examples = new ArrayList<>();
        for (UUID staff : tenant.staff()) {
            CalendarReplay replay = new CalendarReplay();
            history.events(staff.toString()).forEach(replay::apply);
            replayLive += replay.liveCount();
            replayOverlaps += replay.overlaps().size();
            replay.overlaps().stream().limit(SHOWN_OVERLAPS - examples.size()).forEach(o -> examples.add("staff " + staff + ": " + o));
        }
        return new Verdict(database.queryLong(VIEW_OVERLAPS), viewLive(tenant), replayOverlaps, replayLive, booked, examples);
    }

    private long viewLive(Tenant tenant) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(VIEW_LIVE)) {
            s.setObject(1, tenant.businessId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

package dev.kairos.edge.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The one-off rewrite of rows an older engine stored with personal data in the clear: events of the personal-data
 * types at revision null are sealed (or, for customers erased since, redacted) and stored at revision
 * {@value PersonalDataSerializer#REVISION}; snapshots get the same treatment. It runs at start-up, in batches of
 * {@code kairos.privacy.legacy-rewrite-batch} rows, each batch one transaction that also records how far it got
 * (table {@code privacy_legacy_rewrite}), so it is idempotent, resumes after a crash and lets nodes that start
 * together take turns. Later starts only look at events stored since.
 */
class LegacyPersonalDataRewrite implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(LegacyPersonalDataRewrite.class);

    /** What one run rewrote. */
    record Rewritten(int events, int snapshots) {
    }

    private record Row(long index, String key, byte[] payload) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PersonalData personalData;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final int batch;

    LegacyPersonalDataRewrite(JdbcTemplate jdbc, TransactionTemplate transaction, PersonalData personalData,
                              ObjectMapper mapper, Clock clock, int batch) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.personalData = personalData;
        this.mapper = mapper;
        this.clock = clock;
        this.batch = batch;
    }

    /**
     * At start-up. A batch that fails (a deadlock with a projection creating the same customer's key, say) is rolled
     * back and tried again; after three failures the rest waits for the next start, while the upcaster keeps the old
     * rows readable.
     */
    @Override
    public void run(ApplicationArguments args) {
        for (int attempt = 1; ; attempt++) {
            try {
                Rewritten rewritten = rewrite();
                if (rewritten.events() > 0 || rewritten.snapshots() > 0) {
                    log.info("Sealed the personal data of {} events and {} snapshots stored in the clear",
                            rewritten.events(), rewritten.snapshots());
                }
                return;
            } catch (org.springframework.dao.DataAccessException e) {
                if (attempt == 3) {
                    log.error("The rewrite of personal data stored in the clear stopped; it resumes at the next start", e);
                    return;
                }
                log.warn("The rewrite of personal data stored in the clear failed a batch, trying again: {}", e.getMessage());
            }
        }
    }

    Rewritten rewrite() {
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domainevententry", Long.class);
        int events = 0;
        for (int n; (n = transaction.execute(s -> eventBatch(head))) > 0; ) {
            events += n;
        }
        int snapshots = 0;
        for (int n; (n = transaction.execute(s -> snapshotBatch())) >= 0; ) {
            snapshots += n;
        }
        return new Rewritten(events, snapshots);
    }

    /** One batch of legacy events up to {@code head}; the number rewritten (0: done). */
    private int eventBatch(long head) {
        long from = progress("events").position;
        List<Row> rows = jdbc.query("""
                        SELECT global_index, payload FROM domainevententry
                        WHERE global_index > ? AND global_index <= ? AND payload_revision IS NULL AND payload_type = ANY (?)
                        ORDER BY global_index LIMIT ? FOR UPDATE""",
                (rs, i) -> new Row(rs.getLong(1), null, rs.getBytes(2)),
                from, head, PersonalDataSerializer.PERSONAL_EVENTS.toArray(String[]::new), batch);
        for (Row row : rows) {
            jdbc.update("UPDATE domainevententry SET payload = ?, payload_revision = ? WHERE global_index = ?",
                    sealed(row.payload()), PersonalDataSerializer.REVISION, row.index());
        }
        long reached = rows.isEmpty() ? Math.max(from, head) : rows.get(rows.size() - 1).index();
        jdbc.update("UPDATE privacy_legacy_rewrite SET position = ? WHERE store = 'events'", reached);
        return rows.size();
    }

    /** One batch of snapshots; the number rewritten, -1 when every snapshot has been looked at. */
    private int snapshotBatch() {
        Progress progress = progress("snapshots");
        if (progress.finished) {
            return -1;
        }
        List<Row> rows = jdbc.query("""
                        SELECT aggregate_identifier, sequence_number, payload FROM snapshotevententry
                        WHERE (aggregate_identifier, sequence_number) > (?, ?)
                        ORDER BY aggregate_identifier, sequence_number LIMIT ? FOR UPDATE""",
                (rs, i) -> new Row(rs.getLong(2), rs.getString(1), rs.getBytes(3)),
                progress.key == null ? "" : progress.key, progress.position, batch);
        int rewritten = 0;
        for (Row row : rows) {
            if (PersonalData.mayHoldPlaintext(row.payload())) {
                byte[] sealed = sealed(row.payload());
                if (sealed != row.payload()) {
                    jdbc.update("UPDATE snapshotevententry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                            sealed, row.key(), row.index());
                    rewritten++;
                }
            }
        }
        if (rows.isEmpty()) {
            jdbc.update("UPDATE privacy_legacy_rewrite SET finished_at = ? WHERE store = 'snapshots'",
                    Timestamp.from(clock.instant()));
        } else {
            Row last = rows.get(rows.size() - 1);
            jdbc.update("UPDATE privacy_legacy_rewrite SET last_key = ?, position = ? WHERE store = 'snapshots'",
                    last.key(), last.index());
        }
        return rewritten;
    }

    private record Progress(long position, String key, boolean finished) {
    }

    /** The progress row of {@code store}, locked for this transaction (so nodes take turns). */
    private Progress progress(String store) {
        jdbc.update("INSERT INTO privacy_legacy_rewrite (store) VALUES (?) ON CONFLICT DO NOTHING", store);
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT position, last_key, finished_at FROM privacy_legacy_rewrite WHERE store = ? FOR UPDATE", store);
        return new Progress(((Number) row.get("position")).longValue(), (String) row.get("last_key"),
                row.get("finished_at") != null);
    }

    /** The payload with its plaintext personal data sealed or redacted; the same array when there was none. */
    private byte[] sealed(byte[] payload) {
        try {
            JsonNode tree = mapper.readTree(payload);
            return personalData.seal(tree, PersonalData.Plaintext.SEAL_UNLESS_ERASED) ? mapper.writeValueAsBytes(tree) : payload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

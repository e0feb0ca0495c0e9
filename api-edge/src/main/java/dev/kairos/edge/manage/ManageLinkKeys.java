package dev.kairos.edge.manage;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of manage-booking links: the configured secret, or — when none is configured — one generated once with
 * a {@link SecureRandom} and kept in {@code manage_link_secret}, so every node and every restart signs with the same
 * key. The first node to need it inserts it; the others read the winner's. Previous secrets still verify.
 */
class ManageLinkKeys {
    static final int GENERATED_BYTES = 32;

    private final ManageLinkProperties properties;
    private final JdbcTemplate jdbc;
    private final SecureRandom random;
    private final Clock clock;
    private volatile List<byte[]> keys;

    ManageLinkKeys(ManageLinkProperties properties, JdbcTemplate jdbc, SecureRandom random, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.random = random;
        this.clock = clock;
    }

    /** The key new links are signed with. */
    byte[] current() {
        return all().get(0);
    }

    /** Every key a link may have been signed with, the current one first. */
    List<byte[]> all() {
        List<byte[]> known = keys;
        if (known == null) {
            synchronized (this) {
                if (keys == null) {
                    List<byte[]> list = new ArrayList<>();
                    list.add(properties.secret() != null ? properties.secret().getBytes(StandardCharsets.UTF_8) : storedSecret());
                    properties.previousSecrets().forEach(s -> list.add(s.getBytes(StandardCharsets.UTF_8)));
                    keys = List.copyOf(list);
                }
                known = keys;
            }
        }
        return known;
    }

    private byte[] storedSecret() {
        byte[] fresh = new byte[GENERATED_BYTES];
        random.nextBytes(fresh);
        jdbc.update("INSERT INTO manage_link_secret (id, secret, created_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING",
                fresh, Timestamp.from(clock.instant()));
        return jdbc.queryForObject("SELECT secret FROM manage_link_secret WHERE id = 1", byte[].class);
    }
}

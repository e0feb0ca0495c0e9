package dev.kairos.edge.replay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Set;

/**
 * Rebuilding projections from the event store.
 *
 * @param projections  the streaming processing groups that only build read models (each with a reset handler that
 *                     clears its tables) and so may be replayed from the start; other streaming groups act on events
 *                     (the waitlist sends commands) and are never replayed
 * @param watchInterval how often a running rebuild is checked for having caught up, which fixes its end
 */
@ConfigurationProperties("kairos.replay")
public record ReplayProperties(@DefaultValue({"schedule", "customers"}) Set<String> projections,
                               @DefaultValue("200ms") Duration watchInterval) {
}

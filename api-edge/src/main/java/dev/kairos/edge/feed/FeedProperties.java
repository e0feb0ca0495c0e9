package dev.kairos.edge.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The public event stream ({@code kairos.events.feed.*}).
 *
 * @param publicUrl        the engine's public base URL, which the events' {@code dataschema} and the schemas' ids name
 * @param pollInterval     how often the open live streams look for new events (one timer for all of them)
 * @param heartbeat        how often an idle live stream sends a comment line, so proxies keep it open
 * @param streamsPerBusiness how many live streams a business may have open at once
 * @param maxStreamDuration the longest a live stream stays open (and its default); clients resume with Last-Event-ID
 * @param gapGrace         how long a position missing from the store is waited for before the transactions that may
 *                         still write it are checked
 */
@ConfigurationProperties("kairos.events.feed")
record FeedProperties(@DefaultValue("http://localhost:8080") String publicUrl,
                      @DefaultValue("200ms") Duration pollInterval,
                      @DefaultValue("15s") Duration heartbeat,
                      @DefaultValue("5") int streamsPerBusiness,
                      @DefaultValue("1h") Duration maxStreamDuration,
                      @DefaultValue("1s") Duration gapGrace) {
}

package dev.kairos.edge.feed;

import dev.kairos.infra.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast a business's feed reads from a store shared with many other businesses: 200,000 stored events of 20
 * businesses (written the way the store writes them, so the feed index's trigger runs for each), one business's
 * 10,000 read in pages of 1,000 through the whole feed path (index, store, mapping to CloudEvents). On a database
 * of its own with the engine's migrations, without the engine's projections (which would read the made-up events).
 */
class EventFeedThroughputIntegrationTest {
    private static final int BUSINESSES = 20;
    private static final int EVENTS = 200_000;

    @Test
    void aBusinessesFeedReadsThousandsOfEventsASecondFromASharedStore() {
        DriverManagerDataSource database = new DriverManagerDataSource(LocalPostgres.freshDatabase(), "postgres", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration/command", "classpath:db/migration/availability",
                "classpath:db/migration/customers", "classpath:db/migration/edge").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        FeedProperties properties = new FeedProperties("http://localhost:8080", Duration.ofMillis(200), Duration.ofSeconds(15), 5,
                Duration.ofHours(1), Duration.ofSeconds(1));
        EventFeed feed = new EventFeed(jdbc, new PublicEvents(properties), new SettledPosition(jdbc, properties));
        List<UUID> businesses = SyntheticEvents.businesses("feed", BUSINESSES);
        long insertStarted = System.nanoTime();
        SyntheticEvents.store(jdbc, "feed", businesses, EVENTS);
        double insertSeconds = (System.nanoTime() - insertStarted) / 1e9;
        List<String> types = PublicEvents.sourceTypes(List.of());

        UUID one = businesses.get(3);
        long started = System.nanoTime();
        long after = 0;
        int read = 0;
        while (true) {
            EventFeed.Page page = feed.after(one, after, EventFeed.MAX_PAGE, types);
            if (page.events().isEmpty()) {
                break;
            }
            page.events().forEach(e -> assertThat(e.cloudEvent().path("source").asString()).isEqualTo("/businesses/" + one));
            read += page.events().size();
            after = page.next();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double perSecond = read / seconds;
        System.out.printf("feed throughput: %d events of one business (of %d stored) in %.2f s = %.0f events/s; "
                + "storing with the feed index: %.0f events/s%n", read, EVENTS, seconds, perSecond, EVENTS / insertSeconds);
        assertThat(read).isEqualTo(EVENTS / BUSINESSES);
        assertThat(perSecond).as("events per second").isGreaterThan(2_000);
    }
}

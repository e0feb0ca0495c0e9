package dev.kairos.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options, all of the form {@code --name=value} or {@code --flag}.
 *
 * @param url            base URL of an already running engine; {@code null} boots one in this JVM
 * @param jdbc           JDBC URL of that engine's database (required with {@code url})
 * @param fastPostgres   the in-process PostgreSQL runs without fsync
 * @param preloadEvents  filler events appended to the event store before the load phases
 * @param replay         after the preload, rebuild the schedule projection from the whole event store and measure it
 * @param clients        concurrent clients (threads) per load phase
 * @param attempts       booking attempts per client, for the engine and the baseline alike
 * @param warmup         unmeasured time before every load phase
 * @param duration       measured time of the availability phase
 * @param days           bookings and queries spread over this many days, starting tomorrow
 * @param staff          staff members providing the booked service
 * @param queryStaff     of those, how many also provide the service the availability phase queries
 * @param series         weekly series each client books in the series phase
 * @param seriesStaff    teachers of the studio the series and month phases run against
 * @param monthDuration  measured time of the month phase
 * @param out            where the figures table is written
 */
record Options(String url, String jdbc, String jdbcUser, String jdbcPassword, boolean fastPostgres, long preloadEvents, boolean replay,
               int clients, int attempts, Duration warmup, Duration duration, int days, int staff, int queryStaff,
               int series, int seriesStaff, Duration monthDuration, Path out) {

    static final String USAGE = """
            java -jar kairos-benchmark.jar [options]
              --attempts=300         booking attempts per client (engine and baseline try the same slots)
              --duration=30          measured seconds of the availability phase
              --warmup=5             warm-up seconds before each phase
              --clients=32           concurrent clients
              --days=14              days (from tomorrow, UTC) bookings and queries are spread over, at most 57
              --staff=50             staff members of the booked service
              --query-staff=20       staff members of the queried service (a subset of the above)
              --series=20            weekly series (8 occurrences each) per client, half distinct, half contended
              --series-staff=20      teachers of the studio the series and month phases use
              --month-queries-duration=20  measured seconds of the month free-slot phase
              --preload-events=0     filler events appended through the engine's event store first
              --replay               after the preload (at least 1000000 events) rebuild the schedule projection
              --fast-pg              in-process PostgreSQL without fsync (default: durable)
              --url=http://host:port an already running engine instead of one in this JVM
              --jdbc=jdbc:postgresql://host:port/kairos   its database (required with --url)
              --jdbc-user=postgres --jdbc-password=
              --out=target/benchmark-results.txt""";

    /** A replay is measured over at least this many events. */
    static final long MIN_REPLAY_EVENTS = 1_000_000;

    private static final Set<String> FLAGS = Set.of("fast-pg", "replay", "help");

    Options {
        require(clients >= 1, "--clients must be at least 1");
        require(attempts >= 1, "--attempts must be at least 1");
        require(!warmup.isNegative() && duration.toSeconds() >= 1, "--duration must be at least 1 second, --warmup not negative");
        require(days >= 1 && days <= 57, "--days must be between 1 and 57 (the service books at most 60 days ahead, "
                + "and warm-ups use the two days after)");
        require(staff >= 1 && queryStaff >= 1 && queryStaff <= staff, "--query-staff must be between 1 and --staff");
        require(series >= 1, "--series must be at least 1");
        require(seriesStaff >= 1 && seriesStaff <= 500, "--series-staff must be between 1 and 500");
        require(monthDuration.toSeconds() >= 1, "--month-queries-duration must be at least 1 second");
        require(preloadEvents >= 0, "--preload-events must not be negative");
        require(!replay || preloadEvents >= MIN_REPLAY_EVENTS, "--replay needs --preload-events of at least " + MIN_REPLAY_EVENTS);
        require(url == null || jdbc != null, "--url needs --jdbc, the engine's database");
        require(url == null || preloadEvents == 0, "--preload-events needs the engine in this JVM (no --url)");
        require(url == null || !fastPostgres, "--fast-pg applies only to the in-process PostgreSQL");
    }

    static Options parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            require(arg.startsWith("--"), "unexpected argument " + arg);
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            require(eq >= 0 || FLAGS.contains(name), "--" + name + " needs a value (--" + name + "=...)");
            given.put(name, eq < 0 ? "true" : arg.substring(eq + 1));
        }
        Map<String, String> o = new LinkedHashMap<>(given);
        Options options = new Options(o.remove("url"), o.remove("jdbc"), o.getOrDefault("jdbc-user", "postgres"),
                o.getOrDefault("jdbc-password", ""), o.remove("fast-pg") != null, number(o.remove("preload-events"), 0),
                o.remove("replay") != null,
                (int) number(o.remove("clients"), 32), (int) number(o.remove("attempts"), 300), Duration.ofSeconds(number(o.remove("warmup"), 5)),
                Duration.ofSeconds(number(o.remove("duration"), 30)), (int) number(o.remove("days"), 14),
                (int) number(o.remove("staff"), 50), (int) number(o.remove("query-staff"), 20),
                (int) number(o.remove("series"), 20), (int) number(o.remove("series-staff"), 20),
                Duration.ofSeconds(number(o.remove("month-queries-duration"), 20)),
                Path.of(o.getOrDefault("out", "target/benchmark-results.txt")));
        o.keySet().removeAll(Set.of("jdbc-user", "jdbc-password", "out"));
        require(!o.containsKey("help"), USAGE);
        require(o.isEmpty(), "unknown option(s) " + o.keySet() + "\n" + USAGE);
        return options;
    }

    boolean inProcess() {
        return url == null;
    }

    /** The options as one line, for the results. */
    String describe() {
        return "clients=" + clients + " attempts=" + attempts + " warmup=" + warmup.toSeconds() + "s duration=" + duration.toSeconds() + "s days=" + days
                + " staff=" + staff + " query-staff=" + queryStaff + " series=" + series + " series-staff=" + seriesStaff
                + " month-queries-duration=" + monthDuration.toSeconds() + "s preload-events=" + preloadEvents + (replay ? " replay" : "")
                + (inProcess() ? " engine=in-process postgres=" + (fastPostgres ? "fast (no fsync)" : "durable")
                : " engine=" + url);
    }

    private static long number(String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: " + value);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

package dev.kairos.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The benchmark: boots the engine (or targets a running one), optionally preloads the event store, sets up a
 * tenant, measures booking and availability load over HTTP and the same bookings as plain JDBC inserts, verifies
 * that nothing was double-booked and prints the figures. Exits 0 on PASS, 1 on FAIL or error, 2 on bad options.
 */
public final class Benchmark {
    /** Seed of the booking sequence; the engine and the baseline try exactly the same slots. */
    static final long SEED = 20_261_124L;
    static final int WARMUP_DAYS = 2;
    private final Options options;

    private Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int exitCode;
        try {
            exitCode = new Benchmark(options).run();
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    private int run() throws Exception {
        Instant startedAt = Instant.now();
        System.out.println(options.inProcess() ? "Starting PostgreSQL and the engine in this JVM" : "Using the engine at " + options.url());
        long booting = System.nanoTime();
        try (EngineUnderTest engine = EngineUnderTest.of(options)) {
            Duration engineStart = Duration.ofNanos(System.nanoTime() - booting);
            Database database = engine.database();
            ProjectionProgress projections = new ProjectionProgress(database);
            Optional<EventPreloader.Result> preload = preload(engine, projections);
            Optional<ProjectionReplay.Result> replay = replay(engine, projections);

            System.out.println("Setting up the tenant: " + options.staff() + " staff");
            KairosApi api = new KairosApi(engine.baseUrl());
            Tenant tenant = new TenantSetup(api).create(options.staff(), options.queryStaff());
            projections.awaitCaughtUp();

            LocalDate today = SlotPattern.todayUtc();
            SlotPattern pattern = new SlotPattern(options.staff(), options.days(), today);
            // warm-ups book days after the measured ones, so they take no slot the measured phases try
            SlotPattern warmupPattern = new SlotPattern(options.staff(), WARMUP_DAYS, today.plusDays(options.days()));
            LoadRunner warmup = new LoadRunner(options.clients(), Duration.ZERO, options.warmup());
            LoadRunner timed = new LoadRunner(options.clients(), options.warmup(), options.duration());
            System.out.println("Load phases");
            PhaseResult bookingWarmup = warmup.run("booking warm-up", new BookingLoad(api, tenant, warmupPattern, SEED + 1_000)::newClient);
            PhaseResult booking = timed.runCount("booking", new BookingLoad(api, tenant, pattern, SEED)::newClient, options.attempts());
            projections.awaitCaughtUp();
            PhaseResult availability = timed.run("availability", new AvailabilityLoad(api, tenant, today, options.days())::newClient);
            PhaseResult baseline;
            try (JdbcBaseline jdbc = new JdbcBaseline(database)) {
                jdbc.createTable();
                warmup.run("baseline warm-up", jdbc.clients(warmupPattern, SEED + 1_000));
                baseline = timed.runCount("baseline", jdbc.clients(pattern, SEED), options.attempts());
            }

            System.out.println("Setting up the studio: " + options.seriesStaff() + " teachers, holidays, time off, overrides");
            StudioSetup.Studio studio = new StudioSetup(api).create(options.seriesStaff(), today);
            projections.awaitCaughtUp();
            SeriesLoad seriesWarmup = new SeriesLoad(api, studio.tenant(), studio.warmupStaff(), today, SEED + 2_000, options.clients());
            SeriesLoad seriesLoad = new SeriesLoad(api, studio.tenant(), studio.measuredStaff(), today, SEED, options.clients());
            warmup.run("series warm-up", seriesWarmup::newClient);
            PhaseResult series = timed.runCount("series", seriesLoad::newClient, options.series());
            projections.awaitCaughtUp();
            MonthLoad monthLoad = new MonthLoad(api, studio, today);
            PhaseResult month = new LoadRunner(options.clients(), options.warmup(), options.monthDuration())
                    .run("month", monthLoad::newClient);
            MonthLoad.Check check = monthLoad.check();

            System.out.println("Verifying: waiting for the projections, then checking for overlaps");
            projections.awaitCaughtUp();
            StaffHistory history = engine.context().map(StaffHistory::of).orElseGet(() -> StaffHistory.of(database));
            OverlapVerifier verifier = new OverlapVerifier(database, history);
            OverlapVerifier.Verdict verdict = verifier.verify(tenant, bookingWarmup.total(Outcome.CREATED) + booking.total(Outcome.CREATED));
            OverlapVerifier.Verdict studioVerdict = verifier.verify(studio.tenant(),
                    seriesWarmup.stats().booked.sum() + seriesLoad.stats().booked.sum());

            Results results = new Results(startedAt, Machine.describe(database), options, engineStart, preload, replay,
                    pattern.capacity(), booking, availability, baseline, verdict,
                    new Results.Studio(studio.teachers(), studio.closures(), series, seriesLoad.stats(), month, check, studioVerdict));
            publish(ResultsTable.render(results));
            return results.passed() ? 0 : 1;
        }
    }

    private Optional<EventPreloader.Result> preload(EngineUnderTest engine, ProjectionProgress projections) throws Exception {
        if (options.preloadEvents() == 0) {
            return Optional.empty();
        }
        System.out.printf("Preloading %,d events%n", options.preloadEvents());
        EventPreloader preloader = new EventPreloader(engine.context().orElseThrow(), projections);
        return Optional.of(preloader.preload(options.preloadEvents()));
    }

    /** After the preload, the schedule projection rebuilt from the whole event store through the engine's endpoint. */
    private Optional<ProjectionReplay.Result> replay(EngineUnderTest engine, ProjectionProgress projections) throws Exception {
        if (!options.replay()) {
            return Optional.empty();
        }
        System.out.println("Rebuilding the " + ProjectionReplay.GROUP + " projection from the event store");
        KairosApi platform = new KairosApi(engine.baseUrl());
        EngineUnderTest.PlatformAdmin admin = engine.platformAdmin().orElseThrow();
        platform.signInPlatformAdmin(admin.email(), admin.password());
        ProjectionReplay.Result result = new ProjectionReplay(platform).run();
        projections.awaitCaughtUp();
        return Optional.of(result);
    }

    private void publish(String table) throws IOException {
        System.out.println();
        System.out.print(table);
        Path out = options.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("Written to " + out);
    }
}

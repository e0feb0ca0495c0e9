package dev.kairos.benchmark;

import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** Renders the results as a plain-text figures table. */
final class ResultsTable {
    static final double BOOKING_TARGET_RATIO = 0.25;
    static final double AVAILABILITY_TARGET_P99_MS = 10;
    private static final Set<Integer> BOOKING_EXPECTED = Set.of(Outcome.CREATED, Outcome.CONFLICT);
    private static final Set<Integer> QUERY_EXPECTED = Set.of(200);

    private final StringBuilder text = new StringBuilder();

    static String render(Results r) {
        return new ResultsTable().write(r).text.toString();
    }

    private ResultsTable write(Results r) {
        line("Kairos benchmark, started " + r.startedAt());
        row("machine", r.machine().toString());
        row("options", r.options().describe());
        if (r.options().inProcess() && !r.options().fastPostgres() && !r.machine().fsync()) {
            row("WARNING", "durable PostgreSQL was requested, but the server runs with fsync off");
        }
        row("engine start", seconds(r.engineStart().toMillis() / 1e3));
        row("slot capacity", String.format("%,d bookings (staff × days × 24 half-hours)", r.slotCapacity()));
        r.preload().ifPresent(p -> {
            heading("preload (filler history through the engine's EventStorageEngine)");
            row("events", String.format("%,d", p.events()));
            row("append rate", String.format("%,.0f events/s (%.1f s)", p.appendRate(), p.appending().toMillis() / 1e3));
            row("projection catch-up", seconds(p.catchingUp().toMillis() / 1e3) + " after the last append");
            row("projection rate", String.format("%,.0f events/s (first append to caught up)", p.projectionRate()));
        });
        r.replay().ifPresent(p -> {
            heading("replay (POST /platform/projections/schedule/rebuild over the whole event store)");
            row("events", String.format("%,d", p.events()));
            row("duration", seconds(p.duration().toMillis() / 1e3));
            row("replay rate", String.format("%,.0f events/s", p.eventsPerSecond()));
            row("heap high-water", String.format("%,d MB (%,d MB before; sampled every 250 ms, engine and tool share the JVM)",
                    p.heapHighWater() >> 20, p.heapBefore() >> 20));
        });
        booking(r.booking(), r.filled(r.booking()));
        availability(r.availability(), r.options().queryStaff());
        baseline(r.baseline(), r.filled(r.baseline()));
        heading("engine vs baseline");
        line("  both tried the same " + String.format("%,d", r.booking().attempts()) + " slots in the same order per client");
        row("successful/s ratio", String.format("%.3f  (booked/s %.1f ÷ inserted/s %.1f)", r.successRatio(),
                r.booking().perSecond(r.booking().measured(Outcome.CREATED)), r.baseline().perSecond(r.baseline().measured(Outcome.CREATED))));
        row("attempts/s ratio", String.format("%.3f  (%.1f ÷ %.1f)", r.attemptRatio(),
                r.booking().perSecond(r.booking().attempts()), r.baseline().perSecond(r.baseline().attempts())));
        series(r.studio());
        month(r.studio());
        heading("targets");
        row("booking ≥ 1/4 of baseline", String.format("attempts/s ratio %.3f %s", r.attemptRatio(),
                met(r.attemptRatio() >= BOOKING_TARGET_RATIO)));
        double p99 = r.availability().millisAt(0.99);
        row("availability p99 < 10 ms", String.format("%.2f ms %s", p99, met(p99 < AVAILABILITY_TARGET_P99_MS)));
        verdict(r.verdict(), r.studio());
        return this;
    }

    private void booking(PhaseResult p, double filled) {
        heading("booking (POST /businesses/{id}/appointments)");
        row("attempts/s", String.format("%.1f  (%,d in %.1f s)", p.perSecond(p.attempts()), p.attempts(), p.seconds()));
        row("booked/s (201)", String.format("%.1f", p.perSecond(p.measured(Outcome.CREATED))));
        row("rejected (409)", percent(p.share(Outcome.CONFLICT)));
        latencies(p);
        row("other statuses", others(p.unexpected(BOOKING_EXPECTED), p));
        row("booked", String.format("%,d, %s of the slots", p.total(Outcome.CREATED), percent(filled)));
    }

    private void availability(PhaseResult p, int staff) {
        heading("availability (GET /availability/service/{id}, 7-day range, service of " + staff + " staff)");
        row("queries/s", String.format("%.1f  (%,d in %.1f s)", p.perSecond(p.attempts()), p.attempts(), p.seconds()));
        latencies(p);
        row("mean slots returned", String.format("%.1f", p.meanQuantity()));
        row("other statuses", others(p.unexpected(QUERY_EXPECTED), p));
    }

    private void baseline(PhaseResult p, double filled) {
        heading("baseline (plain JDBC INSERT, EXCLUDE USING gist, same pattern)");
        row("attempts/s", String.format("%.1f  (%,d in %.1f s)", p.perSecond(p.attempts()), p.attempts(), p.seconds()));
        row("inserted/s", String.format("%.1f", p.perSecond(p.measured(Outcome.CREATED))));
        row("rejected (23P01, 40P01)", percent(p.share(Outcome.CONFLICT)));
        latencies(p);
        row("inserted", String.format("%,d, %s of the slots", p.total(Outcome.CREATED), percent(filled)));
        row("errors", others(p.unexpected(BOOKING_EXPECTED), p));
    }

    private void series(Results.Studio s) {
        PhaseResult p = s.series();
        SeriesLoad.Stats stats = s.seriesStats();
        heading("series (POST /businesses/{id}/series, " + SeriesLoad.RULE + ", " + SeriesLoad.MODE + ", studio of " + s.teachers()
                + " teachers)");
        row("series/s", String.format("%.1f  (%,d in %.1f s)", p.perSecond(p.attempts()), p.attempts(), p.seconds()));
        row("booked series/s (201)", String.format("%.1f", p.perSecond(p.measured(Outcome.CREATED))));
        row("occurrences booked/s", String.format("%.1f  (%,d occurrences, %.2f per booked series)", p.perSecond(p.quantity()),
                p.quantity(), p.measured(Outcome.CREATED) == 0 ? 0 : (double) p.quantity() / p.measured(Outcome.CREATED)));
        row("rejected (409, none free)", percent(p.share(Outcome.CONFLICT)));
        latencies(p);
        row("distinct series", String.format("%,d: %,d rejected, %,d occurrences booked", stats.distinct.sum(),
                stats.distinctRejected.sum(), stats.distinctOccurrences.sum()));
        row("contended series", String.format("%,d: %,d rejected, %,d occurrences booked", stats.contended.sum(),
                stats.contendedRejected.sum(), stats.contendedOccurrences.sum()));
        StringJoiner skipped = new StringJoiner(", ");
        stats.skipped().forEach((code, n) -> skipped.add(code + ": " + String.format("%,d", n)));
        row("occurrences not booked", skipped.length() == 0 ? "0" : skipped.toString());
        row("other statuses", others(p.unexpected(BOOKING_EXPECTED), p));
    }

    private void month(Results.Studio s) {
        PhaseResult p = s.month();
        StudioSetup.Closures c = s.closures();
        heading("month (GET /availability/service/{id}, " + MonthLoad.RANGE_DAYS + "-day range, studio of " + s.teachers() + " teachers)");
        line(String.format("  closures: %d holiday dates, %d time off, %d working-day overrides; the series booked above",
                c.holidays().size(), c.timeOffs(), c.overrides()));
        row("queries/s", String.format("%.1f  (%,d in %.1f s)", p.perSecond(p.attempts()), p.attempts(), p.seconds()));
        latencies(p);
        row("mean slots returned", String.format("%.1f", p.meanQuantity()));
        row("other statuses", others(p.unexpected(QUERY_EXPECTED), p));
        MonthLoad.Check check = s.check();
        row("check (month from tomorrow)", String.format("%,d slots on %d of %d days; %d on holidays; %d staff offers while closed",
                check.slots(), check.daysWithSlots(), MonthLoad.RANGE_DAYS, check.holidaySlots(), check.closedOffers()));
        check.examples().forEach(e -> row("closure problem", e));
    }

    private void verdict(OverlapVerifier.Verdict v, Results.Studio studio) {
        heading("verification");
        row("appointment_view", v.viewOverlaps() + " overlapping live bookings (all tenants); " + v.viewLive() + " live bookings of the clinic");
        row("event store replay", v.replayOverlaps() + " overlapping live bookings; " + v.replayLive() + " live bookings");
        row("201 responses", String.valueOf(v.booked()));
        v.examples().forEach(e -> row("overlap", e));
        OverlapVerifier.Verdict s = studio.verdict();
        row("studio appointment_view", s.viewLive() + " live bookings of the studio");
        row("studio event store replay", s.replayOverlaps() + " overlapping live bookings; " + s.replayLive() + " live bookings");
        row("occurrences booked (201)", s.booked() + " (warm-up included)");
        s.examples().forEach(e -> row("overlap", e));
        row("month closures", studio.check().passed() ? "no free slot inside a closure" : "FREE SLOTS INSIDE CLOSURES (or no slots)");
        boolean passed = v.passed() && s.passed() && studio.check().passed();
        row("result", passed ? "PASS" : "FAIL");
    }

    private void latencies(PhaseResult p) {
        row("latency p50/p99/max", String.format("%.2f / %.2f / %.2f ms", p.millisAt(0.5), p.millisAt(0.99), p.maxMillis()));
    }

    private static String others(Map<Integer, Long> unexpected, PhaseResult p) {
        if (unexpected.isEmpty()) {
            return "0";
        }
        StringJoiner joined = new StringJoiner(", ");
        unexpected.forEach((code, n) -> joined.add((code == Outcome.FAILED ? "failed" : code) + ": " + n));
        return joined + (p.firstFailure() == null ? "" : "  (first failure: " + p.firstFailure() + ")");
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }

    private static String percent(double share) {
        return String.format("%.1f %%", share * 100);
    }

    private static String seconds(double s) {
        return String.format("%.1f s", s);
    }

    private void heading(String title) {
        line("");
        line(title);
    }

    private void row(String label, String value) {
        line(String.format("  %-28s %s", label, value));
    }

    private void line(String s) {
        text.append(s).append(System.lineSeparator());
    }
}

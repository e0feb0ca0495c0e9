package dev.kairos.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Everything one run measured. */
record Results(Instant startedAt, Machine machine, Options options, Duration engineStart,
               Optional<EventPreloader.Result> preload, Optional<ProjectionReplay.Result> replay, long slotCapacity, PhaseResult booking, PhaseResult availability,
               PhaseResult baseline, OverlapVerifier.Verdict verdict, Studio studio) {

    /**
     * The series and month phases, against the studio.
     *
     * @param seriesStats what the measured series answers held
     * @param check       one month of free slots read fully and checked against the closures
     * @param verdict     the overlap verification of the studio's teachers, warm-up included
     */
    record Studio(int teachers, StudioSetup.Closures closures, PhaseResult series, SeriesLoad.Stats seriesStats,
                  PhaseResult month, MonthLoad.Check check, OverlapVerifier.Verdict verdict) {
    }

    /** Nothing double-booked in either business, and no free slot offered inside a closure. */
    boolean passed() {
        return verdict.passed() && studio.verdict().passed() && studio.check().passed();
    }

    /** Successful bookings per second relative to rows the baseline inserted per second. */
    double successRatio() {
        return ratio(booking.measured(Outcome.CREATED), baseline.measured(Outcome.CREATED));
    }

    /** Booking attempts per second relative to baseline insert attempts per second. */
    double attemptRatio() {
        return ratio(booking.attempts(), baseline.attempts());
    }

    /** Share of all bookable slots a phase had filled by its end. */
    double filled(PhaseResult phase) {
        return (double) phase.total(Outcome.CREATED) / slotCapacity;
    }

    private double ratio(long engineCount, long baselineCount) {
        double baselineRate = baseline.perSecond(baselineCount);
        return baselineRate == 0 ? 0 : booking.perSecond(engineCount) / baselineRate;
    }
}

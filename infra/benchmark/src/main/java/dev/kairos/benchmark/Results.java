package dev.kairos.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Everything one run measured. */
record Results(Instant startedAt, Machine machine, Options options, Duration engineStart,
               Optional<EventPreloader.Result> preload, long slotCapacity, PhaseResult booking, PhaseResult availability,
               PhaseResult baseline, OverlapVerifier.Verdict verdict) {

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

package dev.kairos.benchmark;

/** One request of a load phase, repeated by a client thread for as long as the phase runs. */
@FunctionalInterface
interface Action {
    Outcome perform() throws Exception;
}

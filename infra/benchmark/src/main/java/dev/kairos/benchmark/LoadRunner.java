package dev.kairos.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a load phase with {@code clients} threads. Either timed ({@link #run}): each thread repeats its action back
 * to back through a warm-up and then a measured window, and only requests started inside the window are
 * measured; or counted ({@link #runCount}): each thread performs a fixed number of actions, all measured.
 */
final class LoadRunner {
    private final int clients;
    private final Duration warmup;
    private final Duration duration;

    LoadRunner(int clients, Duration warmup, Duration duration) {
        this.clients = clients;
        this.warmup = warmup;
        this.duration = duration;
    }

    /** @param actions makes each client's action (called once per client, on the caller's thread) */
    PhaseResult run(String name, Supplier<Action> actions) throws InterruptedException {
        Window window = new Window();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Client> started = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client client = new Client(actions.get(), window, firstFailure);
            client.thread = new Thread(client, name + "-client-" + i);
            client.thread.start();
            started.add(client);
        }
        System.out.printf("  %s: %d clients, warm-up %ds, measuring %ds%n", name, clients, warmup.toSeconds(), duration.toSeconds());
        Thread.sleep(warmup.toMillis());
        long measuringFrom = window.open();
        Thread.sleep(duration.toMillis());
        long measuringTo = window.close();
        Tally measured = new Tally();
        Tally total = new Tally();
        for (Client client : started) {
            client.thread.join();
            measured.addAll(client.measured);
            total.addAll(client.total);
        }
        return new PhaseResult(name, (measuringTo - measuringFrom) / 1e9, measured.codes(), total.codes(),
                measured.sortedLatencies(), measured.quantity(), firstFailure.get());
    }

    /**
     * Every client performs exactly {@code attemptsPerClient} actions, all measured; the phase lasts from the first
     * start to the last finish. Two phases given the same actions in the same order are directly comparable.
     */
    PhaseResult runCount(String name, Supplier<Action> actions, int attemptsPerClient) throws InterruptedException {
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Action> perClient = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            perClient.add(actions.get());
        }
        List<Thread> threads = new ArrayList<>();
        List<Tally> tallies = new ArrayList<>();
        System.out.printf("  %s: %d clients × %d attempts%n", name, clients, attemptsPerClient);
        long from = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Action action = perClient.get(i);
            Tally tally = new Tally();
            tallies.add(tally);
            Thread thread = new Thread(() -> {
                for (int n = 0; n < attemptsPerClient; n++) {
                    long start = System.nanoTime();
                    Outcome outcome = Client.attempt(action, firstFailure);
                    tally.measure(outcome, System.nanoTime() - start);
                }
            }, name + "-client-" + i);
            threads.add(thread);
            thread.start();
        }
        Tally all = new Tally();
        for (int i = 0; i < clients; i++) {
            threads.get(i).join();
            all.addAll(tallies.get(i));
        }
        long to = System.nanoTime();
        return new PhaseResult(name, (to - from) / 1e9, all.codes(), all.codes(), all.sortedLatencies(), all.quantity(),
                firstFailure.get());
    }

    /** The measured window, in {@link System#nanoTime()}; 0 while not yet opened or closed. */
    private static final class Window {
        private volatile long from;
        private volatile long to;

        long open() {
            from = System.nanoTime();
            return from;
        }

        long close() {
            to = System.nanoTime();
            return to;
        }

        boolean closed() {
            return to != 0;
        }

        boolean contains(long start) {
            long f = from;
            long t = to;
            return f != 0 && start >= f && (t == 0 || start < t);
        }
    }

    private static final class Client implements Runnable {
        private final Action action;
        private final Window window;
        private final AtomicReference<String> firstFailure;
        private final Tally measured = new Tally();
        private final Tally total = new Tally();
        private Thread thread;

        Client(Action action, Window window, AtomicReference<String> firstFailure) {
            this.action = action;
            this.window = window;
            this.firstFailure = firstFailure;
        }

        @Override
        public void run() {
            while (!window.closed()) {
                long start = System.nanoTime();
                Outcome outcome = attempt(action, firstFailure);
                long latency = System.nanoTime() - start;
                total.count(outcome);
                if (window.contains(start)) {
                    measured.measure(outcome, latency);
                }
            }
        }

        static Outcome attempt(Action action, AtomicReference<String> firstFailure) {
            try {
                return action.perform();
            } catch (Exception e) {
                firstFailure.compareAndSet(null, e.toString().lines().findFirst().orElse(""));
                return Outcome.of(Outcome.FAILED);
            }
        }
    }
}

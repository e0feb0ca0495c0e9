package dev.kairos.edge;

import dev.kairos.booking.command.waitlist.Waitlist;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.edge.config.ConflictRetryScheduler;
import dev.kairos.infra.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Holds and waitlist offers under contention: two engine instances on one database, many threads placing holds and
 * booking overlapping starts through both, holds confirmed, released or left to expire by their persistent deadline,
 * and cancellations offered to a waitlist while others try to book the freed time directly. The invariants are proven
 * three ways: from the HTTP answers (with the moments they were sent and answered), from the read model, and by
 * replaying the event store row by row, its JSON read with Jackson independently of the engine's classes.
 */
class HoldAndWaitlistConcurrencyIntegrationTest {
    private static final int THREADS = 12;
    private static final Duration HOLD_FOR = Duration.ofSeconds(5);
    private static final String HOLD_FOR_ISO = "PT5S";
    private static final Duration CONTEST = Duration.ofSeconds(6);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static Api a;
    private static Api b;
    private static JdbcTemplate db;

    @BeforeAll
    static void startTwoNodes() {
        String url = LocalPostgres.freshDatabase();
        nodeA = node(url);
        nodeB = node(url);
        a = new Api(EngineNodes.port(nodeA));
        b = new Api(EngineNodes.port(nodeB));
        db = nodeA.getBean(JdbcTemplate.class);
    }

    private static ConfigurableApplicationContext node(String url) {
        return EngineNodes.start(url, "500ms", "--kairos.waitlist.offer-hold=" + HOLD_FOR_ISO, "--kairos.calendar.snapshot-threshold=20");
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
    }

    private static long conflictRetries() {
        return nodeA.getBean(ConflictRetryScheduler.class).retries() + nodeB.getBean(ConflictRetryScheduler.class).retries();
    }

    // ==== 0. each node decides on what the other wrote, even with the calendar in its cache

    @Test
    void aNodeThatCachedACalendarDecidesOnWhatTheOtherNodeWroteSince() {
        Scenario salon = Scenario.business(a, "Salon", "UTC");
        UUID cut = salon.service("Cut", 60, 0, 0, 60, 0);
        UUID mia = salon.staff("Mia", "UTC", List.of(cut), "09:00-12:00");
        Api.Response early = salon.bookVia(b, cut, mia, "2026-12-09T09:00:00Z", "Carl");
        assertThat(early.status()).as("node B now has Mia's calendar cached").isEqualTo(201);

        Api.Response held = a.post("/api/v1/businesses/" + salon.businessId + "/holds", """
                {"staffId":"%s","serviceId":"%s","start":"2026-12-09T10:00:00Z"}""".formatted(mia, cut));
        assertThat(held.status()).isEqualTo(201);
        Api.Response confirmed = b.post("/api/v1/holds/" + held.text("id") + "/confirm",
                "{\"customer\":{\"name\":\"Ada\",\"email\":\"ada@example.com\"}}", "X-Business-Id", salon.tenant());
        assertThat(confirmed.status()).as("a hold placed through node A is live for node B: " + confirmed.raw().body())
                .isEqualTo(201);

        assertThat(a.post("/api/v1/appointments/" + early.text("id") + "/cancel", "{}", "X-Business-Id", salon.tenant())
                .status()).isEqualTo(200);
        Api.Response rebooked = salon.bookVia(b, cut, mia, "2026-12-09T09:00:00Z", "Dora");
        assertThat(rebooked.status()).as("a slot freed through node A is free for node B: " + rebooked.raw().body())
                .isEqualTo(201);
        assertThat(salon.bookVia(b, cut, mia, "2026-12-09T10:00:00Z", "Emil").code()).isEqualTo("slot-unavailable");
    }

    // ==== 1. holds, confirmations, releases, expiries and direct bookings racing on the same time

    private static final int HOLD_STAFF = 3;
    private static final int BLOCKS = 6;
    private static final Instant HOLD_DAY = Instant.parse("2026-12-07T00:00:00Z");

    /** What becomes of the holds won in a block: every third block each. */
    enum Fate { CONFIRM, RELEASE, EXPIRE }

    /**
     * A candidate start. A block is two hours; its four candidates (:00, :15, :30, :45) of a 40-minute service with
     * 10 minutes of buffer on each side block an hour each, so they all overlap each other and nothing in another block.
     */
    record Candidate(int staff, int block, int offsetMinutes) {
        Instant start() {
            return HOLD_DAY.plus(Duration.ofHours(8 + 2L * block)).plus(Duration.ofMinutes(offsetMinutes));
        }

        String blockKey() {
            return staff + "/" + block;
        }

        Fate fate() {
            return Fate.values()[(staff + block) % 3];
        }
    }

    /** The block was taken by {@code id} from the answer that said so until {@code until} (nanoTime; MAX_VALUE: for good). */
    record Taken(String id, String block, long from, long until) {
    }

    /** A request that took a block: sent and answered at these moments (nanoTime). */
    record Won(String id, String block, long sent, long answered) {
    }

    @Test
    void holdsAndBookingsNeverOverlapAcrossTwoNodes() throws Exception {
        Scenario studio = Scenario.business(a, "Studio", "UTC");
        UUID service = studio.service("Session", 40, 10, 10, 15, 0);
        List<UUID> staff = new ArrayList<>();
        for (int i = 0; i < HOLD_STAFF; i++) {
            staff.add(studio.staff("Coach " + i, "UTC", List.of(service), "08:00-20:00"));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int s = 0; s < HOLD_STAFF; s++) {
            for (int block = 0; block < BLOCKS; block++) {
                for (int offset = 0; offset < 60; offset += 15) {
                    candidates.add(new Candidate(s, block, offset));
                }
            }
        }
        long retriesBefore = conflictRetries();

        Queue<Won> won = new ConcurrentLinkedQueue<>();
        Queue<Taken> taken = new ConcurrentLinkedQueue<>();
        Map<String, String> booked = new ConcurrentHashMap<>();          // appointment -> block, booked directly
        Map<String, String> heldFor = new ConcurrentHashMap<>();         // hold -> block
        Map<String, String> confirmedAs = new ConcurrentHashMap<>();     // hold -> appointment
        Map<String, String> holdEnding = new ConcurrentHashMap<>();      // hold -> how it should end (event type)
        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger bookingAttempts = new AtomicInteger();
        AtomicInteger holdAttempts = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();

        AtomicBoolean contestOver = new AtomicBoolean();
        ReadModelSampler sampler = new ReadModelSampler(studio.businessId, contestOver);
        Thread samplerThread = new Thread(sampler, "read-model-sampler");
        samplerThread.start();

        long end = System.nanoTime() + CONTEST.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Random random = new Random(thread);
            List<Candidate> mine = new ArrayList<>(candidates);
            Collections.shuffle(mine, random);
            done.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    Candidate c = mine.get(i % mine.size());
                    Api node = random.nextBoolean() ? a : b;
                    boolean direct = random.nextInt(5) == 0;
                    (direct ? bookingAttempts : holdAttempts).incrementAndGet();
                    long sent = System.nanoTime();
                    Api.Response r = direct
                            ? studio.bookVia(node, service, staff.get(c.staff()), c.start().toString(), "Walkin" + thread)
                            : node.post("/api/v1/businesses/" + studio.businessId + "/holds", """
                            {"staffId":"%s","serviceId":"%s","start":"%s","holdFor":"%s"}"""
                            .formatted(staff.get(c.staff()), service, c.start(), HOLD_FOR_ISO));
                    long answered = System.nanoTime();
                    if (r.status() == 409 && "slot-unavailable".equals(r.code())) {
                        refused.incrementAndGet();
                        pause(5);
                        continue;
                    }
                    if (r.status() != 201) {
                        unexpected.add((direct ? "booking " : "hold ") + r.status() + " " + r.raw().body());
                        continue;
                    }
                    String id = r.text("id");
                    won.add(new Won(id, c.blockKey(), sent, answered));
                    if (direct) {
                        booked.put(id, c.blockKey());
                        taken.add(new Taken(id, c.blockKey(), answered, Long.MAX_VALUE));
                        continue;
                    }
                    heldFor.put(id, c.blockKey());
                    settle(studio, id, c, answered, sent, random, taken, confirmedAs, holdEnding, unexpected);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        contestOver.set(true);
        samplerThread.join();
        long retries = conflictRetries() - retriesBefore;

        // (a) the HTTP answers
        assertThat(unexpected).as("answers other than won or slot-unavailable").isEmpty();
        Map<String, List<Taken>> takenByBlock = taken.stream().collect(Collectors.groupingBy(Taken::block));
        for (Won w : won) {
            for (Taken t : takenByBlock.getOrDefault(w.block(), List.of())) {
                assertThat(!t.id().equals(w.id()) && w.sent() >= t.from() && w.answered() <= t.until())
                        .as("%s took block %s while %s had it", w.id(), w.block(), t.id()).isFalse();
            }
        }
        Map<String, Long> appointmentsPerBlock = taken.stream().filter(t -> t.until() == Long.MAX_VALUE)
                .collect(Collectors.groupingBy(Taken::block, Collectors.counting()));
        assertThat(appointmentsPerBlock.values()).as("appointments per block").allMatch(n -> n == 1);
        assertThat(holdEnding.values()).as("every way a hold ends happened")
                .contains("HoldConfirmed", "HoldReleased", "HoldExpired");

        // (c) the event store, once every hold has ended
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> staff.stream().allMatch(s -> replayCalendar(s).openHolds().isEmpty()));
        Map<String, CalendarReplay> replays = new HashMap<>();
        Set<String> liveAppointments = new HashSet<>();
        for (UUID s : staff) {
            CalendarReplay replay = replayCalendar(s);
            assertThat(replay.violations()).as("calendar of " + s).isEmpty();
            replays.put(s.toString(), replay);
            liveAppointments.addAll(replay.live().keySet());
        }
        Map<String, String> holdEnded = new HashMap<>();
        Map<String, String> confirmedInStore = new HashMap<>();
        replays.values().forEach(r -> {
            holdEnded.putAll(r.holdEndings());
            confirmedInStore.putAll(r.confirmedAs());
        });
        assertThat(holdEnded.keySet()).as("holds placed and ended in the store").isEqualTo(heldFor.keySet());
        assertThat(holdEnded).as("how each hold ended").isEqualTo(holdEnding);
        assertThat(confirmedInStore).isEqualTo(confirmedAs);
        Set<String> appointments = new HashSet<>(booked.keySet());
        appointments.addAll(confirmedAs.values());
        assertThat(liveAppointments).isEqualTo(appointments);
        assertThat(retries).as("write races between the nodes were lost and decided again").isPositive();

        // (b) the read model: never an overlap while it ran, and the same appointments and holds at the end
        assertThat(sampler.violations).as("overlaps seen in the read model").isEmpty();
        assertThat(sampler.samples.get()).isPositive();
        assertThat(sampler.samplesWithHolds.get()).as("samples that saw placed holds").isPositive();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(new HashSet<>(db.queryForList("SELECT appointment_id::text FROM appointment_view WHERE business_id = ? "
                    + "AND status IN ('SCHEDULED', 'CONFIRMED')", String.class, studio.businessId))).isEqualTo(appointments);
            Map<String, String> states = new HashMap<>();
            db.query("SELECT hold_id::text, state FROM hold_view WHERE business_id = ?",
                    rs -> {
                        states.put(rs.getString(1), rs.getString(2));
                    }, studio.businessId);
            assertThat(states).isEqualTo(holdEnding.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> e.getValue().replace("Hold", "").toUpperCase())));
        });
        assertThat(sampler.check()).as("overlaps in the final read model").isEmpty();

        System.out.printf("[holds] %d requests (%d holds, %d direct bookings) over %d s on two nodes: %d won (%d holds, %d "
                        + "bookings), %d refused slot-unavailable; holds %d confirmed, %d released, %d expired; %d conflicts "
                        + "retried; %d appointments in %d blocks; read model sampled %d times (%d with placed holds)%n",
                holdAttempts.get() + bookingAttempts.get(), holdAttempts.get(), bookingAttempts.get(), CONTEST.toSeconds(),
                won.size(), heldFor.size(), booked.size(), refused.get(), count(holdEnding, "HoldConfirmed"),
                count(holdEnding, "HoldReleased"), count(holdEnding, "HoldExpired"), retries, appointments.size(),
                HOLD_STAFF * BLOCKS, sampler.samples.get(), sampler.samplesWithHolds.get());
    }

    /** Confirms, releases or leaves a hold just won, as its block's fate says, and records how long it took the block. */
    private static void settle(Scenario studio, String holdId, Candidate c, long answered, long sent, Random random,
                               Queue<Taken> taken, Map<String, String> confirmedAs, Map<String, String> holdEnding,
                               Queue<String> unexpected) {
        Api node = random.nextBoolean() ? a : b;
        // the expiry is due no earlier than HOLD_FOR after the request was sent
        long expiresNoEarlier = sent + HOLD_FOR.toNanos() - TimeUnit.MILLISECONDS.toNanos(100);
        switch (c.fate()) {
            case CONFIRM -> {
                Api.Response r = node.post("/api/v1/holds/" + holdId + "/confirm",
                        "{\"customer\":{\"name\":\"Guest\",\"email\":\"guest" + c.blockKey().replace('/', '-') + "@example.com\"}}",
                        "X-Business-Id", studio.tenant());
                if (r.status() == 201) {
                    confirmedAs.put(holdId, r.text("id"));
                    holdEnding.put(holdId, "HoldConfirmed");
                    taken.add(new Taken(holdId, c.blockKey(), answered, Long.MAX_VALUE));
                } else if ("hold-expired".equals(r.code())) {
                    holdEnding.put(holdId, "HoldExpired");
                    taken.add(new Taken(holdId, c.blockKey(), answered, expiresNoEarlier));
                } else {
                    unexpected.add("confirm " + r.status() + " " + r.raw().body());
                }
            }
            case RELEASE -> {
                pause(random.nextInt(200));
                long releasing = System.nanoTime();
                Api.Response r = node.send(HttpRequest.newBuilder(URI.create(base(node) + "/api/v1/holds/" + holdId)).DELETE()
                        .header("X-Business-Id", studio.tenant()));
                if (r.status() == 200) {
                    holdEnding.put(holdId, "HoldReleased");
                    taken.add(new Taken(holdId, c.blockKey(), answered, Math.max(answered, releasing)));
                } else {
                    unexpected.add("release " + r.status() + " " + r.raw().body());
                }
            }
            case EXPIRE -> {
                holdEnding.put(holdId, "HoldExpired");
                taken.add(new Taken(holdId, c.blockKey(), answered, expiresNoEarlier));
            }
        }
    }

    private static String base(Api node) {
        return "http://127.0.0.1:" + (node == a ? EngineNodes.port(nodeA) : EngineNodes.port(nodeB));
    }

    private static long count(Map<String, String> values, String value) {
        return values.values().stream().filter(value::equals).count();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the live appointments and placed holds of a business in one statement, every 100 ms: per staff member
     * the read model always shows a prefix of the calendar's stream, so they must never overlap.
     */
    private static final class ReadModelSampler implements Runnable {
        private final UUID businessId;
        private final AtomicBoolean over;
        final Queue<String> violations = new ConcurrentLinkedQueue<>();
        final AtomicInteger samples = new AtomicInteger();
        final AtomicInteger samplesWithHolds = new AtomicInteger();

        ReadModelSampler(UUID businessId, AtomicBoolean over) {
            this.businessId = businessId;
            this.over = over;
        }

        @Override
        public void run() {
            while (!over.get()) {
                violations.addAll(check());
                pause(100);
            }
        }

        List<String> check() {
            Map<String, List<Busy>> byStaff = new HashMap<>();
            db.query("SELECT staff_id::text, busy_from, busy_to, 'appointment ' || appointment_id FROM appointment_view "
                            + "WHERE business_id = ? AND status IN ('SCHEDULED', 'CONFIRMED') UNION ALL "
                            + "SELECT staff_id::text, busy_from, busy_to, 'hold ' || hold_id FROM hold_view "
                            + "WHERE business_id = ? AND state = 'PLACED'",
                    rs -> {
                        byStaff.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Busy(rs.getString(4),
                                new TimeSlot(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant())));
                    }, businessId, businessId);
            samples.incrementAndGet();
            if (byStaff.values().stream().flatMap(List::stream).anyMatch(busy -> busy.what().startsWith("hold"))) {
                samplesWithHolds.incrementAndGet();
            }
            List<String> found = new ArrayList<>();
            byStaff.forEach((s, busy) -> found.addAll(overlaps(busy)));
            return found;
        }
    }

    record Busy(String what, TimeSlot blocked) {
    }

    private static List<String> overlaps(List<Busy> busy) {
        List<Busy> sorted = busy.stream().sorted((x, y) -> x.blocked().compareTo(y.blocked())).toList();
        List<String> found = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).blocked().overlaps(sorted.get(i).blocked())) {
                found.add(sorted.get(i - 1) + " overlaps " + sorted.get(i));
            }
        }
        return found;
    }

    // ==== 2. cancellations offered to a waitlist while others book the freed time directly

    private static final Instant WAIT_DAY = Instant.parse("2026-12-08T00:00:00Z");
    private static final int WAIT_STAFF = 3;
    private static final Set<Integer> CANCELLED_HOURS = Set.of(8, 9, 10, 12, 13);

    /** A slot that will be freed by a cancellation. */
    record Freed(UUID staffId, Instant start) {
    }

    enum Answer { ACCEPT, ACCEPT_FROM_BOTH_NODES, DECLINE_THEN_ACCEPT, IGNORE_THEN_ACCEPT, DECLINE_ALWAYS, LEAVE }

    /** A customer on the waitlist: whom they wait for (null: anyone), from which hour to which, and how they answer offers. */
    record Waiter(String name, Integer staff, int fromHour, int toHour, Answer answer) {
    }

    private static final List<Waiter> LINE = List.of(
            new Waiter("Ada", null, 8, 16, Answer.ACCEPT_FROM_BOTH_NODES),
            new Waiter("Bob", null, 8, 16, Answer.DECLINE_THEN_ACCEPT),
            new Waiter("Cleo", 0, 8, 16, Answer.ACCEPT),
            new Waiter("Dan", null, 12, 16, Answer.IGNORE_THEN_ACCEPT),
            new Waiter("Eve", null, 8, 16, Answer.DECLINE_ALWAYS),
            new Waiter("Finn", null, 8, 16, Answer.LEAVE),
            new Waiter("Gus", 1, 8, 16, Answer.ACCEPT_FROM_BOTH_NODES),
            new Waiter("Hana", null, 8, 16, Answer.DECLINE_THEN_ACCEPT),
            new Waiter("Ivo", null, 8, 11, Answer.IGNORE_THEN_ACCEPT));

    @Test
    void freedTimeIsOfferedOnceAndInLineOrderAcrossTwoNodes() throws Exception {
        Scenario clinic = Scenario.business(a, "Clinic", "UTC");
        UUID service = clinic.service("Check-up", 60, 0, 0, 60, 0);
        List<UUID> staff = new ArrayList<>();
        for (int i = 0; i < WAIT_STAFF; i++) {
            staff.add(clinic.staff("Doctor " + i, "UTC", List.of(service), "08:00-16:00"));
        }
        List<String> toCancel = new ArrayList<>();
        List<Freed> freedSlots = new ArrayList<>();
        int initiallyBooked = 0;
        for (int s = 0; s < WAIT_STAFF; s++) {
            for (int hour = 8; hour < 16; hour++) {
                Instant start = WAIT_DAY.plus(Duration.ofHours(hour));
                Api.Response r = clinic.book(service, staff.get(s), start.toString(), "Regular" + s + "x" + hour);
                assertThat(r.status()).isEqualTo(201);
                initiallyBooked++;
                if (CANCELLED_HOURS.contains(hour)) {
                    toCancel.add(r.text("id"));
                    freedSlots.add(new Freed(staff.get(s), start));
                }
            }
        }
        Map<String, Waiter> waiters = new LinkedHashMap<>();
        for (Waiter w : LINE) {
            String staffJson = w.staff() == null ? "" : "\"staffId\":\"" + staff.get(w.staff()) + "\",";
            Api.Response joined = a.post("/api/v1/businesses/" + clinic.businessId + "/waitlist", """
                    {"serviceId":"%s",%s"from":"%s","to":"%s","customer":{"name":"%s","email":"%s@example.com"}}"""
                    .formatted(service, staffJson, WAIT_DAY.plus(Duration.ofHours(w.fromHour())),
                            WAIT_DAY.plus(Duration.ofHours(w.toHour())), w.name(), w.name().toLowerCase()));
            assertThat(joined.status()).as(joined.raw().body()).isEqualTo(201);
            waiters.put(joined.text("id"), w);
        }

        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        Map<String, Set<String>> acceptedAs = new ConcurrentHashMap<>();   // entry -> appointment ids answered 201
        Map<String, Set<String>> offersSeen = new ConcurrentHashMap<>();   // entry -> offer holds seen
        Set<String> bookedDirectly = ConcurrentHashMap.newKeySet();
        AtomicInteger directAttempts = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        AtomicInteger accepts = new AtomicInteger();
        AtomicInteger declines = new AtomicInteger();
        AtomicBoolean stopBooking = new AtomicBoolean();
        AtomicBoolean stopWaiting = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4 + 3 + waiters.size());

        List<Future<?>> waiting = new ArrayList<>();
        waiters.forEach((entry, w) -> waiting.add(pool.submit(() -> answerOffers(clinic, entry, w, go, stopWaiting,
                acceptedAs, offersSeen, accepts, declines, unexpected))));
        List<Future<?>> cancelling = new ArrayList<>();
        List<String> shuffled = new ArrayList<>(toCancel);
        Collections.shuffle(shuffled, new Random(7));
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Random random = new Random(100 + t);
            cancelling.add(pool.submit(() -> {
                awaitStart(go);
                for (int i = thread; i < shuffled.size(); i += 4) {
                    Api node = random.nextBoolean() ? a : b;
                    Api.Response r = node.post("/api/v1/appointments/" + shuffled.get(i) + "/cancel", "{}",
                            "X-Business-Id", clinic.tenant());
                    if (r.status() == 200) {
                        cancelled.incrementAndGet();
                    } else {
                        unexpected.add("cancel " + r.status() + " " + r.raw().body());
                    }
                    pause(random.nextInt(250));
                }
            }));
        }
        List<Future<?>> booking = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            Random random = new Random(200 + t);
            List<Freed> mine = new ArrayList<>(freedSlots);
            Collections.shuffle(mine, random);
            booking.add(pool.submit(() -> {
                awaitStart(go);
                for (int i = 0; !stopBooking.get(); i++) {
                    Freed slot = mine.get(i % mine.size());
                    Api node = random.nextBoolean() ? a : b;
                    directAttempts.incrementAndGet();
                    Api.Response r = clinic.bookVia(node, service, slot.staffId(), slot.start().toString(),
                            "Walkin" + thread);
                    if (r.status() == 201) {
                        bookedDirectly.add(r.text("id"));
                    } else if (r.status() != 409 || !"slot-unavailable".equals(r.code())) {
                        unexpected.add("booking " + r.status() + " " + r.raw().body());
                    }
                    pause(250 + random.nextInt(250));
                }
            }));
        }
        go.countDown();
        for (Future<?> f : cancelling) {
            f.get();
        }
        pause(2000);
        stopBooking.set(true);
        for (Future<?> f : booking) {
            f.get();
        }

        // quiet: the matcher has seen every event, no offer is open and every hold has ended
        String waitlistId = Waitlist.idOf(new BusinessId(clinic.businessId), new ServiceId(service));
        java.util.concurrent.Callable<Boolean> quiet = () -> matcherCaughtUp()
                && replayWaitlist(waitlistId).openOffers().isEmpty()
                && staff.stream().allMatch(s -> replayCalendar(s).openHolds().isEmpty());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(quiet);
        stopWaiting.set(true);
        for (Future<?> f : waiting) {
            f.get();
        }
        // the waiting customers may still have answered or joined until they stopped: quiet again before judging
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(quiet);
        pool.shutdown();
        assertThat(unexpected).as("unexpected answers").isEmpty();
        assertThat(cancelled.get()).isEqualTo(toCancel.size());

        // the event store: the waitlist's own stream, then the calendars that held the offers
        WaitlistReplay line = replayWaitlist(waitlistId);
        assertThat(line.violations()).as("waitlist stream").isEmpty();
        assertThat(line.order()).as("the order in line is the order of joining").containsExactlyElementsOf(waiters.keySet());
        assertThat(line.offers()).as("offers made").isNotEmpty();
        Map<String, CalendarReplay> calendars = new HashMap<>();
        Set<String> live = new HashSet<>();
        for (UUID s : staff) {
            CalendarReplay replay = replayCalendar(s);
            assertThat(replay.violations()).as("calendar of " + s).isEmpty();
            calendars.put(s.toString(), replay);
            live.addAll(replay.live().keySet());
        }
        Map<String, String> holdEndings = new HashMap<>();
        Map<String, String> confirmedAs = new HashMap<>();
        Map<String, Offer> placedHolds = new HashMap<>();
        Map<String, List<String>> fromWaitlistByCustomer = new HashMap<>();
        calendars.values().forEach(r -> {
            holdEndings.putAll(r.holdEndings());
            confirmedAs.putAll(r.confirmedAs());
            placedHolds.putAll(r.placed());
            r.waitlistBookings().forEach((customer, ids) -> fromWaitlistByCustomer.computeIfAbsent(customer, k -> new ArrayList<>()).addAll(ids));
        });
        for (Offer offer : line.offers()) {
            Offer held = placedHolds.get(offer.holdId());
            assertThat(held).as("the calendar holds offer " + offer).isNotNull();
            assertThat(held.slotKey()).isEqualTo(offer.slotKey());
            assertThat(holdEndings.get(offer.holdId())).as("how the hold of " + offer + " ended")
                    .isEqualTo(switch (line.outcomes().get(offer.holdId())) {
                        case "WaitlistOfferAccepted" -> "HoldConfirmed";
                        case "WaitlistOfferLapsed" -> "HoldExpired";
                        default -> "HoldReleased";
                    });
        }
        assertThat(placedHolds.keySet()).as("every hold in this business is an offer")
                .isEqualTo(line.offers().stream().map(Offer::holdId).collect(Collectors.toSet()));
        assertThat(line.accepted().values()).as("accepted offers became live appointments").allMatch(live::contains);
        fromWaitlistByCustomer.forEach((customer, ids) -> assertThat(ids).as("appointments of " + customer + " from offers").hasSize(1));
        assertThat(fromWaitlistByCustomer.values().stream().flatMap(List::stream).collect(Collectors.toSet()))
                .isEqualTo(new HashSet<>(line.accepted().values()));
        for (Map.Entry<String, String> accepted : line.accepted().entrySet()) {
            assertThat(confirmedAs).containsValue(accepted.getValue());
        }
        assertThat(live).as("the rest of the day, direct bookings and accepted offers").hasSize(
                initiallyBooked - toCancel.size() + bookedDirectly.size() + line.accepted().size());
        assertThat(live).containsAll(bookedDirectly);

        // the HTTP answers agree with the store
        waiters.keySet().forEach(entry -> {
            Set<String> answered = acceptedAs.getOrDefault(entry, Set.of());
            assertThat(answered).as("appointments answered to " + waiters.get(entry).name()).hasSizeLessThanOrEqualTo(1);
            assertThat(answered).isEqualTo(line.accepted().containsKey(entry) ? Set.of(line.accepted().get(entry)) : Set.of());
            assertThat(line.offers().stream().filter(o -> o.entryId().equals(entry)).map(Offer::holdId).collect(Collectors.toSet()))
                    .as("offers seen by " + waiters.get(entry).name()).containsAll(offersSeen.getOrDefault(entry, Set.of()));
        });

        // the read model agrees
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, String> states = new HashMap<>();
            Map<String, String> appointmentOf = new HashMap<>();
            db.query("SELECT entry_id::text, state, appointment_id::text FROM waitlist_view WHERE business_id = ?", rs -> {
                states.put(rs.getString(1), rs.getString(2));
                if (rs.getString(3) != null) {
                    appointmentOf.put(rs.getString(1), rs.getString(3));
                }
            }, clinic.businessId);
            assertThat(states).isEqualTo(line.states());
            assertThat(appointmentOf).isEqualTo(line.accepted());
            assertThat(new HashSet<>(db.queryForList("SELECT appointment_id::text FROM appointment_view WHERE business_id = ? "
                    + "AND status IN ('SCHEDULED', 'CONFIRMED')", String.class, clinic.businessId))).isEqualTo(live);
        });
        for (Map.Entry<String, String> accepted : line.accepted().entrySet()) {
            Offer offer = line.offers().stream().filter(o -> o.entryId().equals(accepted.getKey())
                    && "WaitlistOfferAccepted".equals(line.outcomes().get(o.holdId()))).findFirst().orElseThrow();
            Map<String, Object> row = db.queryForMap("SELECT staff_id::text AS staff, start_at, customer_name FROM appointment_view "
                    + "WHERE appointment_id = ?::uuid", accepted.getValue());
            assertThat(row.get("customer_name")).isEqualTo(waiters.get(accepted.getKey()).name());
            assertThat(row.get("staff") + "@" + ((java.sql.Timestamp) row.get("start_at")).toInstant()).isEqualTo(offer.slotKey());
        }
        ReadModelSampler appointments = new ReadModelSampler(clinic.businessId, new AtomicBoolean(true));
        assertThat(appointments.check()).as("overlaps in the read model").isEmpty();

        System.out.printf("[waitlist] %d waiting, %d appointments cancelled on two nodes, %d direct attempts on the freed "
                        + "time (%d won); %d offers made (%d accepted, %d declined, %d lapsed, %d withdrawn as the customer "
                        + "left); %d accept and %d decline requests; final line %s%n",
                waiters.size(), cancelled.get(), directAttempts.get(), bookedDirectly.size(), line.offers().size(),
                count(line.outcomes(), "WaitlistOfferAccepted"), count(line.outcomes(), "WaitlistOfferDeclined"),
                count(line.outcomes(), "WaitlistOfferLapsed"), count(line.outcomes(), "WaitlistLeft"),
                accepts.get(), declines.get(), line.states().values().stream()
                        .collect(Collectors.groupingBy(s -> s, java.util.TreeMap::new, Collectors.counting())));
    }

    /** A waiting customer watching their entry and answering each new offer the way they do. */
    private static void answerOffers(Scenario clinic, String entry, Waiter w, CountDownLatch go, AtomicBoolean stop,
                                     Map<String, Set<String>> acceptedAs, Map<String, Set<String>> offersSeen,
                                     AtomicInteger accepts, AtomicInteger declines, Queue<String> unexpected) {
        awaitStart(go);
        Random random = new Random(entry.hashCode());
        int offers = 0;
        Set<String> handled = new HashSet<>();
        while (!stop.get()) {
            Api node = random.nextBoolean() ? a : b;
            JsonNode view = node.get("/api/v1/waitlist/" + entry, "X-Business-Id", clinic.tenant()).json();
            String state = view.path("state").asString();
            if ("BOOKED".equals(state) || "LEFT".equals(state)) {
                return;
            }
            String hold = view.path("offer").path("holdId").asString();
            if ("OFFERED".equals(state) && !hold.isEmpty() && handled.add(hold)) {
                offersSeen.computeIfAbsent(entry, k -> ConcurrentHashMap.newKeySet()).add(hold);
                offers++;
                boolean first = offers == 1;
                switch (w.answer()) {
                    case ACCEPT -> accept(clinic, entry, List.of(node), acceptedAs, accepts, unexpected);
                    case ACCEPT_FROM_BOTH_NODES -> accept(clinic, entry, List.of(a, b), acceptedAs, accepts, unexpected);
                    case DECLINE_THEN_ACCEPT -> {
                        if (first) {
                            decline(clinic, entry, node, declines, unexpected);
                        } else {
                            accept(clinic, entry, List.of(node), acceptedAs, accepts, unexpected);
                        }
                    }
                    case IGNORE_THEN_ACCEPT -> {
                        if (!first) {
                            accept(clinic, entry, List.of(node), acceptedAs, accepts, unexpected);
                        }
                    }
                    case DECLINE_ALWAYS -> decline(clinic, entry, node, declines, unexpected);
                    case LEAVE -> {
                        Api.Response r = node.send(HttpRequest.newBuilder(URI.create(base(node) + "/api/v1/waitlist/" + entry))
                                .DELETE().header("X-Business-Id", clinic.tenant()));
                        if (r.status() != 200) {
                            unexpected.add("leave " + r.status() + " " + r.raw().body());
                        }
                    }
                }
            }
            pause(50);
        }
    }

    /** Accepts through each node at once: both answer with the one appointment the offer became. */
    private static void accept(Scenario clinic, String entry, List<Api> nodes, Map<String, Set<String>> acceptedAs,
                               AtomicInteger accepts, Queue<String> unexpected) {
        List<Thread> clicks = new ArrayList<>();
        for (Api node : nodes) {
            Thread click = new Thread(() -> {
                accepts.incrementAndGet();
                Api.Response r = node.post("/api/v1/waitlist/" + entry + "/accept", "", "X-Business-Id", clinic.tenant());
                if (r.status() == 201) {
                    acceptedAs.computeIfAbsent(entry, k -> ConcurrentHashMap.newKeySet()).add(r.text("id"));
                } else {
                    unexpected.add("accept " + r.status() + " " + r.raw().body());
                }
            });
            click.start();
            clicks.add(click);
        }
        for (Thread click : clicks) {
            try {
                click.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void decline(Scenario clinic, String entry, Api node, AtomicInteger declines, Queue<String> unexpected) {
        declines.incrementAndGet();
        Api.Response r = node.post("/api/v1/waitlist/" + entry + "/decline", "", "X-Business-Id", clinic.tenant());
        if (r.status() != 200) {
            unexpected.add("decline " + r.status() + " " + r.raw().body());
        }
    }

    private static void awaitStart(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the waitlist processor's token has reached the newest event in the store. */
    private static boolean matcherCaughtUp() {
        long newest = db.queryForObject("SELECT coalesce(max(global_index), 0) FROM domainevententry", Long.class);
        List<byte[]> tokens = db.queryForList("SELECT token FROM tokenentry WHERE processor_name = 'waitlist' AND token IS NOT NULL",
                byte[].class);
        return !tokens.isEmpty() && tokens.stream().allMatch(t -> {
            JsonNode index = JSON.readTree(t).findValue("index");
            return index != null && index.asLong() >= newest;
        });
    }

    // ==== replaying the event store

    /** One stored event: its position in its stream, its type's simple name and its payload as JSON. */
    record Stored(long sequence, String type, JsonNode payload) {
        String id(String field) {
            JsonNode value = payload.path(field);
            return value.isObject() ? value.path("id").asString() : value.asString();
        }

        Instant instant(String field) {
            return Instant.parse(payload.path(field).asString());
        }

        TimeSlot slot(String field) {
            JsonNode value = payload.path(field);
            return new TimeSlot(Instant.parse(value.path("start").asString()), Instant.parse(value.path("end").asString()));
        }
    }

    private static List<Stored> stream(String aggregateId) {
        return db.query("SELECT sequence_number, payload_type, payload FROM domainevententry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number",
                (rs, i) -> {
                    String type = rs.getString(2);
                    return new Stored(rs.getLong(1), type.substring(type.lastIndexOf('.') + 1), JSON.readTree(rs.getBytes(3)));
                }, aggregateId);
    }

    /** A hold or an offer: which hold, for which customer (offers only), on which slot. */
    record Offer(String holdId, String entryId, String staffId, Instant start) {
        String slotKey() {
            return staffId + "@" + start;
        }
    }

    /**
     * A calendar replayed: live appointments and holds at the end, the holds placed, how each ended, which became
     * which appointment, appointments booked from waitlist offers per customer, and every broken invariant.
     */
    record CalendarReplay(Map<String, TimeSlot> live, Map<String, TimeSlot> openHolds, Map<String, Offer> placed,
                          Map<String, String> holdEndings, Map<String, String> confirmedAs,
                          Map<String, List<String>> waitlistBookings, List<String> violations) {
    }

    /**
     * Replays one staff calendar in sequence order, keeping the blocked intervals of live appointments and of holds
     * not yet ended (and not past their expiry at the moment of a decision), and checks at each step that a new
     * interval overlaps none of them, that a hold ends at most once and that a confirmation is followed by exactly
     * one booking of the held slot.
     */
    private static CalendarReplay replayCalendar(UUID staffId) {
        List<Stored> events = stream(staffId.toString());
        Map<String, TimeSlot> live = new HashMap<>();
        Map<String, TimeSlot> holds = new HashMap<>();
        Map<String, Instant> expiries = new HashMap<>();
        Map<String, TimeSlot> heldSlots = new HashMap<>();
        Map<String, Offer> placed = new HashMap<>();
        Map<String, String> endings = new HashMap<>();
        Map<String, String> confirmedAs = new HashMap<>();
        Map<String, List<String>> waitlistBookings = new HashMap<>();
        Set<String> bookedEver = new HashSet<>();
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Stored e = events.get(i);
            if (i > 0 && e.sequence() != events.get(i - 1).sequence() + 1) {
                violations.add("gap in the stream before " + e.sequence());
            }
            switch (e.type()) {
                case "HoldPlaced" -> {
                    String hold = e.id("holdId");
                    TimeSlot blocked = e.slot("blocked");
                    checkFree(violations, e, blocked, live, holds, expiries, e.instant("placedAt"), null);
                    if (placed.containsKey(hold)) {
                        violations.add("hold " + hold + " placed twice");
                    }
                    holds.put(hold, blocked);
                    expiries.put(hold, e.instant("expiresAt"));
                    heldSlots.put(hold, e.slot("slot"));
                    placed.put(hold, new Offer(hold, null, staffId.toString(), e.slot("slot").start()));
                }
                case "HoldConfirmed", "HoldReleased", "HoldExpired" -> {
                    String hold = e.id("holdId");
                    if (endings.containsKey(hold)) {
                        violations.add("hold " + hold + " ended again by " + e.type() + " after " + endings.get(hold));
                    } else if (!placed.containsKey(hold)) {
                        violations.add("hold " + hold + " ended without being placed");
                    }
                    endings.put(hold, e.type());
                    holds.remove(hold);
                    if (e.type().equals("HoldConfirmed")) {
                        String appointment = e.id("appointmentId");
                        confirmedAs.put(hold, appointment);
                        Stored next = i + 1 < events.size() ? events.get(i + 1) : null;
                        if (next == null || !next.type().equals("AppointmentBooked") || !next.id("appointmentId").equals(appointment)
                                || !Objects.equals(next.slot("slot"), heldSlots.get(hold))) {
                            violations.add("confirmation of hold " + hold + " not followed by the booking of its slot as " + appointment);
                        }
                    }
                }
                case "AppointmentBooked" -> {
                    String appointment = e.id("appointmentId");
                    TimeSlot blocked = e.slot("blocked");
                    checkFree(violations, e, blocked, live, holds, expiries, e.instant("bookedAt"), null);
                    if (!bookedEver.add(appointment)) {
                        violations.add("appointment " + appointment + " booked twice");
                    }
                    live.put(appointment, blocked);
                    if ("waitlist".equals(e.payload().path("metadata").path("source").asString())) {
                        waitlistBookings.computeIfAbsent(e.id("customerId"), k -> new ArrayList<>()).add(appointment);
                    }
                }
                case "AppointmentRescheduled", "AppointmentTransferredIn" -> {
                    String appointment = e.id("appointmentId");
                    TimeSlot blocked = e.slot("blocked");
                    live.remove(appointment);
                    checkFree(violations, e, blocked, live, holds, expiries, null, appointment);
                    live.put(appointment, blocked);
                }
                case "AppointmentTransferredOut", "AppointmentCancelled", "AppointmentCompleted", "AppointmentMarkedNoShow" -> {
                    if (live.remove(e.id("appointmentId")) == null) {
                        violations.add(e.type() + " of an appointment that is not live: " + e.id("appointmentId"));
                    }
                }
                default -> {
                }
            }
        }
        return new CalendarReplay(live, holds, placed, endings, confirmedAs, waitlistBookings, violations);
    }

    private static void checkFree(List<String> violations, Stored e, TimeSlot blocked, Map<String, TimeSlot> live,
                                  Map<String, TimeSlot> holds, Map<String, Instant> expiries, Instant decidedAt, String except) {
        live.forEach((id, other) -> {
            if (!id.equals(except) && other.overlaps(blocked)) {
                violations.add(e.type() + " #" + e.sequence() + " " + blocked + " overlaps appointment " + id + " " + other);
            }
        });
        holds.forEach((id, other) -> {
            boolean stillHeld = decidedAt == null || decidedAt.isBefore(expiries.get(id));
            if (stillHeld && other.overlaps(blocked)) {
                violations.add(e.type() + " #" + e.sequence() + " " + blocked + " overlaps hold " + id + " " + other);
            }
        });
    }

    /**
     * The waitlist replayed: the order in line, every offer, how each offer ended (by the type of the event that closed
     * it), the accepted appointment per entry, each entry's final state, the offers still open, and every broken rule.
     */
    record WaitlistReplay(List<String> order, List<Offer> offers, Map<String, String> outcomes, Map<String, String> accepted,
                          Map<String, String> states, Map<String, Offer> openOffers, List<String> violations) {
    }

    /** A customer in line as the replay knows them. */
    private record InLine(String entryId, String staffId, Instant from, Instant to, Set<String> turnedDown) {
    }

    /**
     * Replays a waitlist in sequence order. At each offer it works out who should have had it: the earliest-joined
     * customer still in line with no open offer, waiting for this staff member or anyone, whose window contains the
     * start, and who has not declined or let lapse this slot before. It checks that the offer went to them, that no
     * slot is offered to two customers at once and no customer holds two offers, and that every answer closes the
     * offer that is open.
     */
    private static WaitlistReplay replayWaitlist(String waitlistId) {
        List<String> order = new ArrayList<>();
        Map<String, InLine> line = new LinkedHashMap<>();
        Map<String, Offer> open = new HashMap<>();          // entry -> open offer
        Map<String, String> openBySlot = new HashMap<>();   // slot -> entry
        List<Offer> offers = new ArrayList<>();
        Map<String, String> outcomes = new HashMap<>();
        Map<String, String> accepted = new HashMap<>();
        Map<String, String> states = new HashMap<>();
        Set<String> acceptedCustomers = new HashSet<>();
        Map<String, String> customerOf = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (Stored e : stream(waitlistId)) {
            String entry = e.id("entryId");
            switch (e.type()) {
                case "WaitlistJoined" -> {
                    order.add(entry);
                    String staff = e.payload().path("staffId").isNull() || e.payload().path("staffId").isMissingNode()
                            ? null : e.id("staffId");
                    TimeSlot window = e.slot("window");
                    line.put(entry, new InLine(entry, staff, window.start(), window.end(), new HashSet<>()));
                    customerOf.put(entry, e.id("customerId"));
                    states.put(entry, "WAITING");
                }
                case "WaitlistSlotOffered" -> {
                    Offer offer = new Offer(e.id("holdId"), entry, e.id("staffId"), e.slot("slot").start());
                    String first = line.values().stream()
                            .filter(c -> !open.containsKey(c.entryId()))
                            .filter(c -> c.staffId() == null || c.staffId().equals(offer.staffId()))
                            .filter(c -> !c.from().isAfter(offer.start()) && c.to().isAfter(offer.start()))
                            .filter(c -> c.to().isAfter(EngineTest.NOW))
                            .filter(c -> !c.turnedDown().contains(offer.slotKey()))
                            .map(InLine::entryId).findFirst().orElse(null);
                    if (!entry.equals(first)) {
                        violations.add("offer of " + offer.slotKey() + " went to " + entry + " but the first in line for it was " + first);
                    }
                    if (openBySlot.containsKey(offer.slotKey())) {
                        violations.add(offer.slotKey() + " offered to " + entry + " while offered to " + openBySlot.get(offer.slotKey()));
                    }
                    if (open.containsKey(entry)) {
                        violations.add(entry + " offered " + offer.slotKey() + " while holding an offer of " + open.get(entry).slotKey());
                    }
                    open.put(entry, offer);
                    openBySlot.put(offer.slotKey(), entry);
                    offers.add(offer);
                    states.put(entry, "OFFERED");
                }
                case "WaitlistOfferDeclined", "WaitlistOfferLapsed", "WaitlistOfferAccepted" -> {
                    Offer offer = open.remove(entry);
                    if (offer == null || !offer.holdId().equals(e.id("holdId"))) {
                        violations.add(e.type() + " of " + entry + " for hold " + e.id("holdId") + " but the open offer was " + offer);
                        continue;
                    }
                    openBySlot.remove(offer.slotKey());
                    outcomes.put(offer.holdId(), e.type());
                    if (e.type().equals("WaitlistOfferAccepted")) {
                        line.remove(entry);
                        accepted.put(entry, e.id("appointmentId"));
                        states.put(entry, "BOOKED");
                        if (!acceptedCustomers.add(customerOf.get(entry))) {
                            violations.add("customer " + customerOf.get(entry) + " accepted a second offer");
                        }
                    } else {
                        line.get(entry).turnedDown().add(offer.slotKey());
                        states.put(entry, "WAITING");
                    }
                }
                case "WaitlistLeft" -> {
                    Offer offer = open.remove(entry);
                    if (offer != null) {
                        openBySlot.remove(offer.slotKey());
                        outcomes.put(offer.holdId(), e.type());
                    }
                    if (line.remove(entry) == null) {
                        violations.add(entry + " left without being in line");
                    }
                    states.put(entry, "LEFT");
                }
                default -> violations.add("unknown waitlist event " + e.type());
            }
        }
        return new WaitlistReplay(order, offers, outcomes, accepted, states, open, violations);
    }
}

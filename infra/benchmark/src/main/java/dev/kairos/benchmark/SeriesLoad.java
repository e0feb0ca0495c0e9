package dev.kairos.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Phase "series": each client books weekly series of the studio's 60-minute lesson ({@value #RULE}, mode
 * {@value #MODE}), alternating between two kinds:
 * <ul>
 *   <li><b>distinct</b>: a staff member, weekday and whole hour no other request of the phase uses (the teachers after
 *       the contended ones, enumerated client by client; only when the enumeration wraps do they meet again). They can
 *       only lose occurrences to the studio's holidays, time off and overrides;</li>
 *   <li><b>contended</b>: a random one of the first {@code teachers / 4} teachers, a random day of the first three and
 *       a random half hour from 09:00 to 12:30, so concurrent series collide and partly overlap.</li>
 * </ul>
 * An occurrence that is not free is skipped (counted by its code); a series none of whose occurrences is free is
 * answered 409. The load counts every booked occurrence, warm-up included, for the verification.
 */
final class SeriesLoad {
    static final String RULE = "FREQ=WEEKLY;COUNT=8";
    static final String MODE = "FREE_ONES";
    private static final int WEEKDAYS = 7;
    private static final int HOURS = (int) (SlotPattern.CLOSES.getHour() - SlotPattern.OPENS.getHour());
    private static final int CONTENDED_DAYS = 3;
    private static final int CONTENDED_STARTS = 8;
    private static final LocalTime CONTENDED_FROM = LocalTime.of(9, 0);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the phase's answers held, beyond status and latency. */
    static final class Stats {
        final LongAdder distinct = new LongAdder();
        final LongAdder distinctRejected = new LongAdder();
        final LongAdder distinctOccurrences = new LongAdder();
        final LongAdder contended = new LongAdder();
        final LongAdder contendedRejected = new LongAdder();
        final LongAdder contendedOccurrences = new LongAdder();
        final LongAdder booked = new LongAdder();
        private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();

        /** Occurrences not booked, by code, over skipped occurrences of 201 answers and conflicts of 409 answers. */
        Map<String, Long> skipped() {
            Map<String, Long> copy = new TreeMap<>();
            skipped.forEach((code, n) -> copy.put(code, n.sum()));
            return copy;
        }
    }

    private final KairosApi api;
    private final Tenant tenant;
    private final List<UUID> contendedStaff;
    private final List<UUID> distinctStaff;
    private final LocalDate tomorrow;
    private final long seed;
    private final int clientCount;
    private final AtomicInteger clients = new AtomicInteger();
    private final Stats stats = new Stats();

    /**
     * @param staff       the teachers this load books; the first quarter (at least one) are contended
     * @param clientCount how many clients the phase runs, so that distinct series of different clients never meet
     */
    SeriesLoad(KairosApi api, Tenant tenant, List<UUID> staff, LocalDate today, long seed, int clientCount) {
        int contended = Math.max(1, staff.size() / 4);
        this.api = api;
        this.tenant = tenant;
        this.contendedStaff = staff.subList(0, contended);
        this.distinctStaff = staff.size() > contended ? staff.subList(contended, staff.size()) : staff;
        this.tomorrow = today.plusDays(1);
        this.seed = seed;
        this.clientCount = clientCount;
    }

    Stats stats() {
        return stats;
    }

    Action newClient() {
        int client = clients.getAndIncrement();
        SplittableRandom random = new SplittableRandom(seed + client);
        int[] made = {0};
        return () -> {
            int n = made[0]++;
            boolean distinct = n % 2 == 0;
            UUID staff;
            LocalDateTime start;
            if (distinct) {
                int k = Math.floorMod(client + clientCount * (n / 2), distinctStaff.size() * WEEKDAYS * HOURS);
                staff = distinctStaff.get(k % distinctStaff.size());
                int rest = k / distinctStaff.size();
                start = tomorrow.plusDays(rest % WEEKDAYS).atTime(SlotPattern.OPENS.plusHours(rest / WEEKDAYS));
            } else {
                staff = contendedStaff.get(random.nextInt(contendedStaff.size()));
                start = tomorrow.plusDays(random.nextInt(CONTENDED_DAYS))
                        .atTime(CONTENDED_FROM.plusMinutes(30L * random.nextInt(CONTENDED_STARTS)));
            }
            HttpResponse<String> response = api.bookSeries(tenant.businessId(), tenant.bookedService(), staff, start, RULE, MODE,
                    "series" + client + "-" + n + "@bench.example");
            return record(response, distinct);
        };
    }

    private Outcome record(HttpResponse<String> response, boolean distinct) throws Exception {
        int status = response.statusCode();
        (distinct ? stats.distinct : stats.contended).increment();
        if (status == Outcome.CREATED) {
            JsonNode body = JSON.readTree(response.body());
            int booked = body.path("booked").size();
            body.path("skipped").forEach(o -> skip(o.path("code").asText("none")));
            stats.booked.add(booked);
            (distinct ? stats.distinctOccurrences : stats.contendedOccurrences).add(booked);
            return new Outcome(status, booked);
        }
        if (status == Outcome.CONFLICT) {
            (distinct ? stats.distinctRejected : stats.contendedRejected).increment();
            JSON.readTree(response.body()).path("conflicts").forEach(o -> skip(o.path("code").asText("none")));
        }
        return Outcome.of(status);
    }

    private void skip(String code) {
        stats.skipped.computeIfAbsent(code, c -> new LongAdder()).increment();
    }
}

package dev.kairos.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Phase "month": each client asks for the free slots of the studio's lesson over {@value #RANGE_DAYS} days, starting
 * on a random day of the first week from tomorrow, so that every query spans the studio's holidays, time off and
 * overrides and the series booked before. {@link #check} reads one such month fully and finds every free slot
 * offered inside a closure.
 */
final class MonthLoad {
    static final int RANGE_DAYS = 30;
    private static final int FIRST_DAYS = 7;
    private static final int SHOWN_PROBLEMS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One month read fully: the slots, the days with at least one, the slots starting on holidays and the staff offers
     * inside a staff member's time off or outside an override's hours (all three must be 0).
     */
    record Check(int status, long slots, int daysWithSlots, int holidaySlots, int closedOffers, List<String> examples) {
        boolean passed() {
            return status == 200 && holidaySlots == 0 && closedOffers == 0 && slots > 0;
        }
    }

    private final KairosApi api;
    private final StudioSetup.Studio studio;
    private final LocalDate tomorrow;
    private final SplittableRandom seeds = new SplittableRandom(Benchmark.SEED);

    MonthLoad(KairosApi api, StudioSetup.Studio studio, LocalDate today) {
        this.api = api;
        this.studio = studio;
        this.tomorrow = today.plusDays(1);
    }

    Action newClient() {
        SplittableRandom random = seeds.split();
        return () -> {
            LocalDate from = tomorrow.plusDays(random.nextInt(FIRST_DAYS));
            HttpResponse<String> response = api.freeSlots(studio.tenant().businessId(), studio.lesson(), from,
                    from.plusDays(RANGE_DAYS - 1));
            return new Outcome(response.statusCode(), response.statusCode() == 200 ? AvailabilityLoad.slotsIn(response.body()) : 0);
        };
    }

    /** The month from tomorrow, parsed: no slot on a holiday, no staff member offered while closed. */
    Check check() throws Exception {
        HttpResponse<String> response = api.freeSlots(studio.tenant().businessId(), studio.lesson(), tomorrow,
                tomorrow.plusDays(RANGE_DAYS - 1));
        if (response.statusCode() != 200) {
            return new Check(response.statusCode(), 0, 0, 0, 0, List.of(response.body()));
        }
        StudioSetup.Closures closures = studio.closures();
        Set<LocalDate> holidays = new HashSet<>(closures.holidays());
        Set<LocalDate> days = new HashSet<>();
        List<String> examples = new ArrayList<>();
        long slots = 0;
        int holidaySlots = 0;
        int closedOffers = 0;
        for (JsonNode slot : JSON.readTree(response.body()).path("slots")) {
            slots++;
            Instant start = OffsetDateTime.parse(slot.path("start").asText()).toInstant();
            Instant end = OffsetDateTime.parse(slot.path("end").asText()).toInstant();
            LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
            days.add(day);
            if (holidays.contains(day)) {
                holidaySlots++;
                note(examples, "slot " + start + " on a holiday");
            }
            Set<UUID> offered = new HashSet<>();
            slot.path("staffIds").forEach(id -> offered.add(UUID.fromString(id.asText())));
            for (StudioSetup.Closed closed : closures.staffClosed()) {
                if (offered.contains(studio.tenant().staff().get(closed.staff()))
                        && start.isBefore(closed.to()) && closed.from().isBefore(end)) {
                    closedOffers++;
                    note(examples, "teacher " + (closed.staff() + 1) + " offered " + start + " during " + closed.why());
                }
            }
        }
        return new Check(200, slots, days.size(), holidaySlots, closedOffers, List.copyOf(examples));
    }

    private static void note(List<String> examples, String problem) {
        if (examples.size() < SHOWN_PROBLEMS) {
            examples.add(problem);
        }
    }
}

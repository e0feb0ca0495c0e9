package dev.kairos.benchmark;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Phase "availability": each client asks for the free slots of the queried service over 7 days, starting on a
 * random day among the next {@code days}.
 */
final class AvailabilityLoad {
    private static final int RANGE_DAYS = 7;
    private static final String SLOT_KEY = "\"start\"";

    private final KairosApi api;
    private final Tenant tenant;
    private final LocalDate tomorrow;
    private final int days;
    private final SplittableRandom seeds = new SplittableRandom();

    AvailabilityLoad(KairosApi api, Tenant tenant, LocalDate today, int days) {
        this.api = api;
        this.tenant = tenant;
        this.tomorrow = today.plusDays(1);
        this.days = days;
    }

    Action newClient() {
        SplittableRandom random = seeds.split();
        return () -> {
            LocalDate from = tomorrow.plusDays(random.nextInt(days));
            HttpResponse<String> response = api.freeSlots(tenant.businessId(), tenant.queriedService(), from,
                    from.plusDays(RANGE_DAYS - 1));
            return new Outcome(response.statusCode(), response.statusCode() == 200 ? slotsIn(response.body()) : 0);
        };
    }

    /** Every slot object has exactly one "start" key and nothing else in the answer does; cheaper than parsing. */
    static long slotsIn(String body) {
        long count = 0;
        for (int i = body.indexOf(SLOT_KEY); i >= 0; i = body.indexOf(SLOT_KEY, i + SLOT_KEY.length())) {
            count++;
        }
        return count;
    }
}

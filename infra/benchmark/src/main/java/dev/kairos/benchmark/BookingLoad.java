package dev.kairos.benchmark;

import java.util.SplittableRandom;

/** Phase "booking": each client books random slots of the 30-minute service back to back; many collide (409). */
final class BookingLoad {
    private static final int CUSTOMERS = 10_000;

    private final KairosApi api;
    private final Tenant tenant;
    private final SlotPattern pattern;
    private final SplittableRandom seeds = new SplittableRandom();

    BookingLoad(KairosApi api, Tenant tenant, SlotPattern pattern) {
        this.api = api;
        this.tenant = tenant;
        this.pattern = pattern;
    }

    Action newClient() {
        SplittableRandom random = seeds.split();
        return () -> {
            SlotPattern.Slot slot = pattern.next(random);
            String customer = "customer" + random.nextInt(CUSTOMERS) + "@bench.example";
            return Outcome.of(api.book(tenant.businessId(), tenant.bookedService(), tenant.staff().get(slot.staff()),
                    slot.start(), customer));
        };
    }
}

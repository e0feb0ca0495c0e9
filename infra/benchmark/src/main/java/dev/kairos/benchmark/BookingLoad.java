package dev.kairos.benchmark;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Phase "booking": each client books random slots of the 30-minute service back to back; many collide (409).
 * Client {@code i} draws its slots from a sequence seeded with {@code seed + i}: the baseline given the same seed
 * tries exactly the same slots.
 */
final class BookingLoad {
    private static final int CUSTOMERS = 10_000;

    private final KairosApi api;
    private final Tenant tenant;
    private final SlotPattern pattern;
    private final long seed;
    private final AtomicInteger clients = new AtomicInteger();

    BookingLoad(KairosApi api, Tenant tenant, SlotPattern pattern, long seed) {
        this.api = api;
        this.tenant = tenant;
        this.pattern = pattern;
        this.seed = seed;
    }

    Action newClient() {
        SplittableRandom random = new SplittableRandom(seed + clients.getAndIncrement());
        return () -> {
            SlotPattern.Slot slot = pattern.next(random);
            String customer = "customer" + Math.floorMod(slot.hashCode(), CUSTOMERS) + "@bench.example";
            return Outcome.of(api.book(tenant.businessId(), tenant.bookedService(), tenant.staff().get(slot.staff()),
                    slot.start(), customer));
        };
    }
}

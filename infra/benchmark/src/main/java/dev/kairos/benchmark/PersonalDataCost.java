package dev.kairos.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.calendar.Initiator;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.edge.privacy.PersonalData;
import dev.kairos.edge.privacy.PersonalDataSerializer;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What sealing personal data costs per stored event: an in-process engine (real PostgreSQL, real customer keys) and
 * its Axon event serializer, plain and wrapped by {@link PersonalDataSerializer}, writing and reading an
 * AppointmentBooked (personal data, keys cached as in steady state) and an AppointmentCancelled (none). Prints
 * nanoseconds per event, single-threaded.
 *
 * <pre>java -cp infra/benchmark/target/kairos-benchmark.jar -Dloader.main=dev.kairos.benchmark.PersonalDataCost \
 *   org.springframework.boot.loader.launch.PropertiesLauncher</pre>
 */
public final class PersonalDataCost {
    private static final int CUSTOMERS = 1_000;
    private static final int ROUNDS = 200_000;

    private PersonalDataCost() {
    }

    public static void main(String[] args) throws Exception {
        try (EngineUnderTest engine = EngineUnderTest.of(Options.parse("--fast-pg"))) {
            ConfigurableApplicationContext context = engine.context().orElseThrow();
            Serializer plain = context.getBean("eventSerializer", Serializer.class);
            Serializer sealing = new PersonalDataSerializer(plain, context.getBean(PersonalData.class),
                    context.getBean("defaultAxonObjectMapper", ObjectMapper.class));
            BusinessId business = new BusinessId(UUID.nameUUIDFromBytes("cost".getBytes()));
            Object[] booked = new Object[CUSTOMERS];
            Object[] cancelled = new Object[CUSTOMERS];
            Instant at = Instant.parse("2026-12-01T08:00:00Z");
            for (int i = 0; i < CUSTOMERS; i++) {
                String email = "customer" + i + "@cost.example";
                AppointmentId id = new AppointmentId(UUID.nameUUIDFromBytes(("a" + i).getBytes()));
                TimeSlot slot = new TimeSlot(at.plusSeconds(3600L * i), at.plusSeconds(3600L * i + 1800));
                booked[i] = new AppointmentBooked(id, business, new StaffId(UUID.nameUUIDFromBytes("s".getBytes())),
                        new ServiceId(UUID.nameUUIDFromBytes("v".getBytes())), CustomerId.forContact(business, email, null),
                        new CustomerDetails("Customer Number " + i, email, "+49305550" + String.format("%05d", i)),
                        slot, slot, "notes of visit " + i, Map.of(), at);
                cancelled[i] = new AppointmentCancelled(id, business, new StaffId(UUID.nameUUIDFromBytes("s".getBytes())),
                        "customer asked", 2, Initiator.BUSINESS, null, null);
            }
            System.out.println("warming up (keys for " + CUSTOMERS + " customers are created on first use)...");
            for (int pass = 0; pass < 3; pass++) {
                measure(plain, booked, ROUNDS / 4);
                measure(sealing, booked, ROUNDS / 4);
                measure(plain, cancelled, ROUNDS / 4);
                measure(sealing, cancelled, ROUNDS / 4);
            }
            System.out.println();
            System.out.println("event                  serializer          write ns/event   read ns/event   bytes");
            report("AppointmentBooked", "plain Jackson", plain, booked);
            report("AppointmentBooked", "personal data sealed", sealing, booked);
            report("AppointmentCancelled", "plain Jackson", plain, cancelled);
            report("AppointmentCancelled", "personal data sealed", sealing, cancelled);
        }
    }

    private static void report(String event, String name, Serializer serializer, Object[] events) {
        long[] ns = measure(serializer, events, ROUNDS);
        int bytes = serializer.serialize(events[0], byte[].class).getData().length;
        System.out.printf(Locale.ROOT, "%-22s %-20s %14d %15d %7d%n", event, name, ns[0], ns[1], bytes);
    }

    /** Mean nanoseconds to serialize and to deserialize one event, over {@code rounds}. */
    private static long[] measure(Serializer serializer, Object[] events, int rounds) {
        @SuppressWarnings("unchecked")
        SerializedObject<byte[]>[] stored = new SerializedObject[events.length];
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            stored[i % events.length] = serializer.serialize(events[i % events.length], byte[].class);
        }
        long wrote = System.nanoTime() - start;
        long sink = 0;
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            Object event = serializer.deserialize(stored[i % events.length]);
            sink += event.hashCode();
        }
        long read = System.nanoTime() - start;
        if (sink == 42) {
            System.out.print("");
        }
        return new long[]{wrote / rounds, read / rounds};
    }
}

package dev.kairos.benchmark;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.customers.CustomerProjector;
import dev.kairos.customers.CustomerQueries;
import dev.kairos.infra.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * How fast the customer read model takes bookings (profiles worked out on every one) and answers searches, on the
 * embedded PostgreSQL: {@code java -cp kairos-benchmark.jar -Dloader.main=dev.kairos.benchmark.CustomerSearchBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [customers]}. Prints the figures; asserts nothing.
 */
public final class CustomerSearchBenchmark {
    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Barbara", "Edsger", "Donald", "Frances", "Ken", "Margaret", "Niklaus"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Liskov", "Dijkstra", "Knuth", "Allen", "Thompson", "Hamilton", "Wirth"};

    private CustomerSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        String url = LocalPostgres.freshDatabase();
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration/customers").load().migrate();
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "postgres", "", true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        CustomerProjector projector = new CustomerProjector(jdbc);
        CustomerQueries queries = new CustomerQueries(jdbc);
        Method booked = CustomerProjector.class.getDeclaredMethod("on", AppointmentBooked.class);
        booked.setAccessible(true);
        Random random = new Random(42);
        BusinessId business = new BusinessId(id("business"));
        StaffId staff = new StaffId(id("staff"));
        ServiceId service = new ServiceId(id("service"));
        Instant start = Instant.parse("2026-12-02T09:00:00Z");

        // every customer books once with email and phone; one in five also once by phone only (linked into the profile);
        // applied in transactions of 50 bookings, as the engine's processor applies its batches
        java.sql.Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        int bookings = 0;
        long began = System.nanoTime();
        for (int c = 0; c < customers; c++) {
            String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)] + " " + c;
            String phone = "+49" + (1_000_000_000L + c);
            String email = "customer" + c + "@bench.test";
            booked.invoke(projector, booking(business, staff, service, start, bookings++, name, email, phone));
            if (c % 5 == 0) {
                booked.invoke(projector, booking(business, staff, service, start, bookings++, name, null, phone));
            }
            if (c % 50 == 49) {
                connection.commit();
            }
        }
        connection.commit();
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("projected %d bookings of %d new customers in %.1f s: %.0f bookings/s (transactions of 50)%n",
                bookings, customers, seconds, bookings / seconds);
        // then returning customers: as many bookings again, each of a customer already known, with the same details
        int returning = 0;
        began = System.nanoTime();
        for (int i = 0; i < customers; i++) {
            int c = random.nextInt(customers);
            booked.invoke(projector, booking(business, staff, service, start, bookings++, FIRST[c % FIRST.length] + " "
                    + LAST[c % LAST.length] + " " + c, "customer" + c + "@bench.test", "+49" + (1_000_000_000L + c)));
            returning++;
            if (i % 50 == 49) {
                connection.commit();
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
        seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("projected %d bookings of returning customers in %.1f s: %.0f bookings/s (transactions of 50)%n",
                returning, seconds, returning / seconds);
        System.out.printf("profiles: %d, linked ids: %d%n", jdbc.queryForObject("SELECT count(*) FROM customer_profile", Long.class),
                jdbc.queryForObject("SELECT count(*) FROM customer_view", Long.class));
        jdbc.execute("ANALYZE");

        measure("name fragment (e.g. 'lisk')", 500, i -> queries.search(business, LAST[i % LAST.length].substring(1, 5), null, null, null, 50));
        measure("rare name fragment (customer number)", 500, i -> queries.search(business, " " + random.nextInt(customers), null, null, null, 50));
        measure("email, any case", 500, i -> queries.search(business, null, "Customer" + random.nextInt(customers) + "@BENCH.test", null, null, 50));
        measure("phone prefix", 500, i -> queries.search(business, null, null, "+49" + (1_000_000_000L + random.nextInt(customers)), null, 50));
        measure("first page, no filter", 200, i -> queries.search(business, null, null, null, null, 50));
        measure("one profile", 500, i -> queries.customer(business, CustomerId.forContact(business, "customer" + random.nextInt(customers) + "@bench.test", null)));
        System.out.println("plan of a rare name search:");
        jdbc.queryForList("EXPLAIN SELECT profile_id FROM customer_profile WHERE business_id = ? AND lower(name) LIKE '%liskov 12%' "
                + "ORDER BY lower(name), profile_id LIMIT 51", String.class, business.id()).forEach(l -> System.out.println("  " + l));
        System.out.println("plan of a name search across businesses' profiles by trigram:");
        jdbc.queryForList("EXPLAIN SELECT profile_id FROM customer_profile WHERE lower(name) LIKE '%liskov 12%'", String.class)
                .forEach(l -> System.out.println("  " + l));
        dataSource.destroy();
    }

    private static void measure(String what, int times, IntConsumer query) {
        for (int i = 0; i < 50; i++) {
            query.accept(i);
        }
        long[] micros = new long[times];
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            query.accept(i);
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("%-40s p50 %6.2f ms   p99 %6.2f ms   (%d queries)%n", what, micros[times / 2] / 1000.0,
                micros[times * 99 / 100] / 1000.0, times);
    }

    private static AppointmentBooked booking(BusinessId business, StaffId staff, ServiceId service, Instant start, int n,
                                             String name, String email, String phone) {
        TimeSlot slot = TimeSlot.of(start.plus(Duration.ofMinutes(30L * n)), Duration.ofMinutes(30));
        return new AppointmentBooked(new AppointmentId(id("appointment " + n)), business, staff, service,
                CustomerId.forContact(business, email, phone), new CustomerDetails(name, email, phone), slot, slot, null, Map.of(),
                start.minus(Duration.ofDays(1)).plusSeconds(n));
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}

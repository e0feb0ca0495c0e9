package dev.kairos.customers;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.customer.ContactChannel;
import dev.kairos.booking.customer.CustomerErased;
import dev.kairos.booking.customer.CustomerPreferencesSet;
import dev.kairos.booking.customer.ErasureReason;
import dev.kairos.customers.CustomerQueries.CustomerSummary;
import dev.kairos.customers.CustomerQueries.CustomerView;
import dev.kairos.customers.CustomerQueries.Page;
import dev.kairos.infra.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Profiles (linked customer ids), search, preferences and erasure in the customer read model, on PostgreSQL. */
class CustomerProfilesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private static JdbcTemplate jdbc;
    private static CustomerProjector projector;
    private static CustomerQueries queries;

    private final BusinessId business = new BusinessId(id("business"));
    private final BusinessId otherBusiness = new BusinessId(id("other business"));
    private final StaffId ann = new StaffId(id("ann"));
    private final ServiceId cut = new ServiceId(id("cut"));

    @BeforeAll
    static void database() {
        String url = LocalPostgres.freshDatabase();
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration/customers").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "");
        dataSource.setDriverClassName("org.postgresql.Driver");
        jdbc = new JdbcTemplate(dataSource);
        projector = new CustomerProjector(jdbc);
        queries = new CustomerQueries(jdbc);
    }

    @BeforeEach
    void clean() {
        projector.reset();
    }

    @Test
    void aPhoneOnlyCustomerAndTheSameCustomerWithEmailAndPhoneAreOneProfile() {
        CustomerId byPhone = book(business, "Ada", null, "+4917012345678", NOW);
        CustomerId byEmail = book(business, "Ada Lovelace", "Ada@Example.com", "+4917012345678", NOW.plusSeconds(60));
        assertThat(byPhone).isNotEqualTo(byEmail);

        CustomerView viaPhone = queries.customer(business, byPhone).orElseThrow();
        CustomerView viaEmail = queries.customer(business, byEmail).orElseThrow();
        assertThat(viaPhone).isEqualTo(viaEmail);
        assertThat(viaPhone.id()).isEqualTo(smallest(byPhone, byEmail));
        assertThat(viaPhone.customerIds()).containsExactlyInAnyOrder(byPhone.id(), byEmail.id());
        assertThat(viaPhone.name()).as("the newest booking's name").isEqualTo("Ada Lovelace");
        assertThat(viaPhone.email()).isEqualTo("ada@example.com");
        assertThat(viaPhone.appointments()).hasSize(2);
        assertThat(count("customer_profile")).isEqualTo(1);
    }

    @Test
    void aReturningCustomerWithKnownContactsKeepsTheProfileWhichShowsTheirNewestDetails() {
        CustomerId byPhone = book(business, "Ada", null, "+4917012345678", NOW);
        CustomerId byEmail = book(business, "Ada Lovelace", "ada@example.com", "+4917012345678", NOW.plusSeconds(60));
        String before = dump();
        // the same contacts again, under a new name: no one new is linked, the newest name shows
        assertThat(book(business, "Ada King", "ada@example.com", "+4917012345678", NOW.plusSeconds(120))).isEqualTo(byEmail);
        CustomerView profile = queries.customer(business, byPhone).orElseThrow();
        assertThat(profile.id()).isEqualTo(smallest(byPhone, byEmail));
        assertThat(profile.customerIds()).containsExactlyInAnyOrder(byPhone.id(), byEmail.id());
        assertThat(profile.name()).isEqualTo("Ada King");
        assertThat(profile.appointments()).hasSize(3);
        assertThat(count("customer_profile")).isEqualTo(1);
        assertThat(dump()).isNotEqualTo(before);
        // an older booking of known contacts arriving late changes nothing the profile shows
        book(business, "Ada Byron", null, "+4917012345678", NOW.minusSeconds(60));
        assertThat(queries.customer(business, byPhone).orElseThrow().name()).isEqualTo("Ada King");
    }

    @Test
    void theSameProfileWhateverOrderTheBookingsArriveIn() {
        CustomerId byEmail = book(business, "Ada Lovelace", "ada@example.com", "+4917012345678", NOW.plusSeconds(60));
        CustomerId byPhone = book(business, "Ada", null, "+4917012345678", NOW);
        String forward = dump();
        projector.reset();
        book(business, "Ada", null, "+4917012345678", NOW);
        book(business, "Ada Lovelace", "ada@example.com", "+4917012345678", NOW.plusSeconds(60));
        assertThat(queries.customer(business, byPhone).orElseThrow().id()).isEqualTo(smallest(byPhone, byEmail));
        assertThat(dump()).isEqualTo(forward);
    }

    @Test
    void customersLinkedThroughAThirdAreOneProfileAndOthersStayApart() {
        CustomerId first = book(business, "Bea", "bea@example.com", "+4911111111", NOW);
        CustomerId second = book(business, "Bea B", "bea.work@example.com", "+4911111111", NOW.plusSeconds(1));
        book(business, "Bea B", "bea.work@example.com", "+4922222222", NOW.plusSeconds(2));
        CustomerId third = book(business, "Bea", null, "+4922222222", NOW.plusSeconds(2));
        CustomerId stranger = book(business, "Bea", "someone.else@example.com", null, NOW.plusSeconds(3));

        assertThat(queries.customer(business, third).orElseThrow().customerIds())
                .containsExactlyInAnyOrder(first.id(), second.id(), third.id());
        assertThat(queries.customer(business, stranger).orElseThrow().customerIds()).containsExactly(stranger.id());
    }

    @Test
    void theSameContactAtAnotherBusinessIsAnotherCustomerNeverFound() {
        CustomerId here = book(business, "Cleo", "cleo@example.com", "+4933333333", NOW);
        CustomerId there = book(otherBusiness, "Cleo", "cleo@example.com", "+4933333333", NOW);

        assertThat(queries.customer(business, here).orElseThrow().customerIds()).containsExactly(here.id());
        assertThat(queries.customer(business, there)).isEmpty();
        assertThat(queries.search(business, "cleo", null, null, null, 10).items()).extracting(CustomerSummary::id)
                .containsExactly(here.id());
        assertThat(queries.search(otherBusiness, null, "CLEO@example.com", null, null, 10).items()).extracting(CustomerSummary::id)
                .containsExactly(there.id());
    }

    @Test
    void searchFindsByNameFragmentEmailInAnyCaseAndPhonePrefix() {
        CustomerId ada = book(business, "Ada Lovelace", "ada@example.com", "+4917012345678", NOW);
        CustomerId grace = book(business, "Grace Hopper", "grace@example.com", "+4930111222", NOW);
        book(business, "Alan Turing", "alan@example.com", null, NOW);

        assertThat(queries.search(business, "LOVE", null, null, null, 10).items()).extracting(CustomerSummary::id).containsExactly(ada.id());
        assertThat(queries.search(business, "a", null, null, null, 10).items()).hasSize(3);
        assertThat(queries.search(business, null, " Grace@EXAMPLE.com ", null, null, 10).items()).extracting(CustomerSummary::id)
                .containsExactly(grace.id());
        assertThat(queries.search(business, null, "grace@example", null, null, 10).items()).as("email matches whole").isEmpty();
        assertThat(queries.search(business, null, null, "+49301", null, 10).items()).extracting(CustomerSummary::id)
                .containsExactly(grace.id());
        assertThat(queries.search(business, "100%", null, null, null, 10).items()).as("LIKE wildcards are literal").isEmpty();
    }

    @Test
    void searchPagesByNameWithACursorThatHoldsNoName() {
        List<String> names = List.of("Dora", "Anna", "Emil", "Carl", "Berta");
        for (String name : names) {
            book(business, name, name.toLowerCase() + "@example.com", null, NOW);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<CustomerSummary> page = queries.search(business, null, null, null, cursor, 2);
            page.items().forEach(c -> seen.add(c.name()));
            cursor = page.nextCursor();
            if (cursor != null) {
                String decoded = new String(java.util.Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                assertThat(decoded).doesNotContainIgnoringCase(page.items().get(1).name());
            }
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactly("Anna", "Berta", "Carl", "Dora", "Emil");
        assertThat(pages).isEqualTo(3);
        assertThatThrownBy(() -> queries.search(business, null, null, null, "not-a-cursor", 2)).isInstanceOf(BookingException.class);
    }

    @Test
    void theNewestPreferencesOfAnyLinkedIdAreTheProfiles() {
        CustomerId byPhone = book(business, "Ada", null, "+4917012345678", NOW);
        CustomerId byEmail = book(business, "Ada", "ada@example.com", "+4917012345678", NOW);
        projector.on(new CustomerPreferencesSet(byEmail, business, ZoneId.of("Europe/Vienna"), "de-AT", ContactChannel.SMS,
                NOW.plusSeconds(20)));
        // an older change read later leaves the newer one standing
        projector.on(new CustomerPreferencesSet(byPhone, business, ZoneId.of("Europe/Paris"), "fr", ContactChannel.EMAIL,
                NOW.plusSeconds(10)));
        projector.on(new CustomerPreferencesSet(byEmail, business, ZoneId.of("Europe/Berlin"), "de", ContactChannel.EMAIL,
                NOW.plusSeconds(5)));

        CustomerView view = queries.customer(business, byPhone).orElseThrow();
        assertThat(view.preferences()).isEqualTo(new CustomerQueries.Preferences("Europe/Vienna", "de-AT", "SMS"));
        assertThat(view.lastActivityAt()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z").plus(Duration.ofDays(0)));
    }

    @Test
    void erasureRedactsTheCustomerAndSplitsTheProfile() {
        CustomerId byPhone = book(business, "Ada", null, "+4917012345678", NOW);
        CustomerId byEmail = book(business, "Ada Lovelace", "ada@example.com", "+4917012345678", NOW.plusSeconds(60));
        projector.on(new CustomerPreferencesSet(byEmail, business, ZoneId.of("Europe/Vienna"), "de-AT", ContactChannel.SMS, NOW));

        projector.on(new CustomerErased(byEmail, business, ErasureReason.REQUESTED, NOW.plusSeconds(120)));

        assertThat(queries.customer(business, byEmail)).as("an erased customer is not found").isEmpty();
        CustomerView rest = queries.customer(business, byPhone).orElseThrow();
        assertThat(rest.customerIds()).containsExactly(byPhone.id());
        assertThat(rest.name()).isEqualTo("Ada");
        assertThat(rest.email()).isNull();
        assertThat(rest.preferences()).isEqualTo(new CustomerQueries.Preferences(null, null, null));
        assertThat(jdbc.queryForList("SELECT customer_name || coalesce(customer_email, '') || coalesce(customer_phone, '') "
                + "FROM customer_appointment WHERE customer_id = ?", String.class, byEmail.id())).containsExactly("[erased]");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_contact WHERE customer_id = ?", Integer.class, byEmail.id())).isZero();
        assertThat(jdbc.queryForObject("SELECT time_zone IS NULL AND language IS NULL AND channel IS NULL AND erased_at IS NOT NULL "
                + "FROM customer_view WHERE customer_id = ?", Boolean.class, byEmail.id())).isTrue();
        assertThat(queries.search(business, "lovelace", null, null, null, 10).items()).isEmpty();
        assertThat(queries.search(business, null, "ada@example.com", null, null, 10).items()).isEmpty();
    }

    @Test
    void anErasureAppliedBeforeTheBookingsItCoversLeavesTheSameRows() {
        CustomerId ada = CustomerId.forContact(business, "ada@example.com", null);
        CustomerErased erased = new CustomerErased(ada, business, ErasureReason.REQUESTED, NOW.plusSeconds(120));
        book(business, "Ada", "ada@example.com", "+4917012345678", NOW);
        projector.on(erased);
        String inOrder = dump();
        projector.reset();
        projector.on(erased);
        book(business, "Ada", "ada@example.com", "+4917012345678", NOW);
        assertThat(dump()).isEqualTo(inOrder);
        assertThat(dump()).doesNotContain("ada@example.com", "+4917012345678");
    }

    @Test
    void bookingsThatArriveErasedHoldNothingPersonal() {
        CustomerId ada = CustomerId.forContact(business, "ada@example.com", null);
        AppointmentId id = new AppointmentId(id("shredded"));
        TimeSlot slot = TimeSlot.of(Instant.parse("2026-12-07T09:00:00Z"), Duration.ofHours(1));
        projector.on(new AppointmentBooked(id, business, ann, cut, ada, CustomerDetails.erased(), slot, slot, null, Map.of(), NOW));

        assertThat(queries.customer(business, ada)).isEmpty();
        assertThat(count("customer_profile")).isZero();
        assertThat(count("customer_contact")).isZero();
        assertThat(jdbc.queryForObject("SELECT customer_name FROM customer_appointment", String.class)).isEqualTo("[erased]");
    }

    @Test
    void retentionFindsProfilesWithoutActivitySinceTheCutoffAndNoFutureAppointment() {
        Instant cutoff = NOW.minus(Duration.ofDays(3 * 365));
        // booked and ended long ago: inactive
        CustomerId old = bookAt(business, "Old", "old@example.com", null, cutoff.minus(Duration.ofDays(30)), cutoff.minus(Duration.ofDays(40)));
        // booked long ago for an appointment after the cutoff: active
        bookAt(business, "Kept", "kept@example.com", null, cutoff.plus(Duration.ofDays(1)), cutoff.minus(Duration.ofDays(40)));
        // long ago, but linked to a recent booking by phone: the whole profile stays
        bookAt(business, "Linked", "linked.old@example.com", "+4955555555", cutoff.minus(Duration.ofDays(30)), cutoff.minus(Duration.ofDays(40)));
        bookAt(business, "Linked", "linked.new@example.com", "+4955555555", NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(2)));
        // long ago, with a preference change after the cutoff
        CustomerId preferring = bookAt(business, "Pref", "pref@example.com", null, cutoff.minus(Duration.ofDays(30)), cutoff.minus(Duration.ofDays(40)));
        projector.on(new CustomerPreferencesSet(preferring, business, null, "en", null, cutoff.plusSeconds(1)));
        // a cancelled appointment in the future is no activity: booked long ago, cancelled
        AppointmentId cancelled = new AppointmentId(id("cancelled"));
        CustomerId cancelling = CustomerId.forContact(business, "cancel@example.com", null);
        TimeSlot future = TimeSlot.of(NOW.plus(Duration.ofDays(10)), Duration.ofHours(1));
        projector.on(new AppointmentBooked(cancelled, business, ann, cut, cancelling, new CustomerDetails("Cancel", "cancel@example.com", null),
                future, future, null, Map.of(), cutoff.minus(Duration.ofDays(40))));
        projector.on(new AppointmentCancelled(cancelled, business, ann, "moved away", 2));

        assertThat(queries.inactiveSince(cutoff, 100)).extracting(CustomerQueries.Inactive::customerId)
                .containsExactlyInAnyOrder(old.id(), cancelling.id());
        assertThat(queries.inactiveSince(cutoff, 1)).hasSize(1);
        projector.on(new CustomerErased(old, business, ErasureReason.RETENTION, NOW));
        assertThat(queries.inactiveSince(cutoff, 100)).extracting(CustomerQueries.Inactive::customerId).containsExactly(cancelling.id());
    }

    private CustomerId book(BusinessId at, String name, String email, String phone, Instant bookedAt) {
        return bookAt(at, name, email, phone, Instant.parse("2026-12-07T09:00:00Z"), bookedAt);
    }

    private CustomerId bookAt(BusinessId at, String name, String email, String phone, Instant start, Instant bookedAt) {
        CustomerId customer = CustomerId.forContact(at, email, phone);
        TimeSlot slot = TimeSlot.of(start, Duration.ofHours(1));
        AppointmentId appointment = new AppointmentId(id(at + " appointment " + email + phone + start + bookedAt));
        projector.on(new AppointmentBooked(appointment, at, ann, cut, customer, new CustomerDetails(name, email, phone), slot, slot,
                null, Map.of(), bookedAt));
        return customer;
    }

    private static UUID smallest(CustomerId a, CustomerId b) {
        return a.id().toString().compareTo(b.id().toString()) < 0 ? a.id() : b.id();
    }

    private static int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    private static String dump() {
        StringBuilder out = new StringBuilder();
        for (String table : List.of("customer_view", "customer_appointment", "customer_contact", "customer_profile")) {
            out.append(table).append('\n');
            jdbc.queryForList("SELECT t::text FROM " + table + " t ORDER BY t::text", String.class).forEach(r -> out.append(r).append('\n'));
        }
        return out.toString();
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}

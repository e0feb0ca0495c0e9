package dev.kairos.availability;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.customer.CustomerErased;
import dev.kairos.booking.customer.ErasureReason;
import dev.kairos.booking.waitlist.WaitlistEntryId;
import dev.kairos.booking.waitlist.WaitlistJoined;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kairos.availability.ScheduleDb.*;
import static org.assertj.core.api.Assertions.assertThat;

/** An erased customer's appointments and waitlist entries keep their times but nothing personal. */
class CustomerErasureViewsTest {
    private static JdbcTemplate jdbc;
    private static ScheduleProjector projector;
    private static ScheduleQueries queries;

    private final BusinessId business = businessId();
    private final ServiceId cut = serviceId();
    private final StaffId ann = staffId();
    private final CustomerDetails ada = new CustomerDetails("Ada Lovelace", "ada@example.com", "+4917012345678");
    private final CustomerId adaId = CustomerId.forContact(business, ada.email(), null);
    private final CustomerId grace = CustomerId.forContact(business, "grace@example.com", null);

    @BeforeAll
    static void database() {
        jdbc = migratedDatabase();
        projector = new ScheduleProjector(jdbc);
        queries = new ScheduleQueries(jdbc);
    }

    @BeforeEach
    void catalog() {
        projector.reset();
        projector.on(ScheduleDb.business(business, "Salon", BERLIN));
        projector.on(service(cut, business, terms("Cut", 60, 0, 0, 30, Duration.ZERO, 90)));
        projector.on(staff(ann, business, "Ann", BERLIN, everyDay("08:00-18:00"), cut));
    }

    @Test
    void erasureRedactsAppointmentsAndWaitlistEntriesOfThatCustomerOnly() {
        AppointmentId adas = appointmentId();
        AppointmentId graces = appointmentId();
        projector.on(booking(adas, adaId, ada, "2026-12-07T09:00:00Z"));
        projector.on(booking(graces, grace, new CustomerDetails("Grace", "grace@example.com", null), "2026-12-07T11:00:00Z"));
        WaitlistEntryId entry = new WaitlistEntryId(UUID.nameUUIDFromBytes("entry".getBytes()));
        projector.on(new WaitlistJoined(entry, business, cut, null, TimeSlot.of(at("2026-12-08T08:00:00Z"), Duration.ofHours(8)),
                adaId, ada, NOW), null);

        projector.on(new CustomerErased(adaId, business, ErasureReason.REQUESTED, NOW.plusSeconds(60)));

        assertThat(jdbc.queryForMap("SELECT customer_name, customer_email, customer_phone, notes, status, start_at "
                + "FROM appointment_view WHERE appointment_id = ?", adas.id()))
                .containsEntry("customer_name", "[erased]").containsEntry("customer_email", null)
                .containsEntry("customer_phone", null).containsEntry("notes", null).containsEntry("status", "SCHEDULED");
        assertThat(queries.appointment(business, adas).orElseThrow().customer().isErased()).isTrue();
        assertThat(jdbc.queryForObject("SELECT customer_name FROM waitlist_view WHERE entry_id = ?", String.class, entry.id()))
                .isEqualTo("[erased]");
        assertThat(queries.appointment(business, graces).orElseThrow().customer().name()).isEqualTo("Grace");
        assertThat(queries.appointmentsOf(business, List.of(adaId.id()), 10)).extracting(v -> v.id()).containsExactly(adas.id());
        assertThat(queries.waitlistOf(business, List.of(adaId.id()), 10)).extracting(v -> v.id()).containsExactly(entry.id());
        assertThat(everything()).doesNotContain("Ada Lovelace", "ada@example.com", "+4917012345678", "notes of " + adaId);
        assertThat(everything()).contains("notes of " + grace, "friend of " + grace).doesNotContain("friend of " + adaId);
    }

    @Test
    void anErasureAppliedFirstStillCoversTheBookingsMadeBeforeIt() {
        AppointmentId adas = appointmentId();
        projector.on(new CustomerErased(adaId, business, ErasureReason.REQUESTED, NOW.plusSeconds(60)));
        projector.on(booking(adas, adaId, ada, "2026-12-07T09:00:00Z"));
        // a booking after the erasure (the customer came back) is theirs again
        AppointmentId later = appointmentId();
        TimeSlot slot = TimeSlot.of(at("2026-12-09T09:00:00Z"), Duration.ofHours(1));
        projector.on(new AppointmentBooked(later, business, ann, cut, adaId, ada, slot, slot, null, Map.of(), NOW.plusSeconds(120)));

        assertThat(queries.appointment(business, adas).orElseThrow().customer().isErased()).isTrue();
        assertThat(queries.appointment(business, adas).orElseThrow().notes()).isNull();
        assertThat(queries.appointment(business, adas).orElseThrow().metadata()).isEmpty();
        assertThat(queries.appointment(business, later).orElseThrow().customer()).isEqualTo(ada);
    }

    @Test
    void bookingsThatArriveErasedAreStoredWithoutNotes() {
        AppointmentId adas = appointmentId();
        projector.on(booking(adas, adaId, CustomerDetails.erased(), "2026-12-07T09:00:00Z"));
        assertThat(queries.appointment(business, adas).orElseThrow().customer().isErased()).isTrue();
        assertThat(queries.appointment(business, adas).orElseThrow().notes()).isNull();
    }

    private AppointmentBooked booking(AppointmentId id, CustomerId customer, CustomerDetails details, String start) {
        TimeSlot slot = TimeSlot.of(Instant.parse(start), Duration.ofHours(1));
        return new AppointmentBooked(id, business, ann, cut, customer, details, slot, slot, "notes of " + customer, Map.of("referrer", "friend of " + customer), NOW);
    }

    private static String everything() {
        return String.join("\n", jdbc.queryForList("SELECT t::text FROM appointment_view t", String.class))
                + String.join("\n", jdbc.queryForList("SELECT t::text FROM waitlist_view t", String.class));
    }
}

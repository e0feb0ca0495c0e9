package dev.kairos.edge.feed;

import dev.kairos.booking.calendar.AppointmentBooked;
import dev.kairos.booking.calendar.AppointmentCancelled;
import dev.kairos.booking.calendar.AppointmentCompleted;
import dev.kairos.booking.calendar.AppointmentConfirmed;
import dev.kairos.booking.calendar.AppointmentMarkedNoShow;
import dev.kairos.booking.calendar.AppointmentRescheduled;
import dev.kairos.booking.calendar.AppointmentStatus;
import dev.kairos.booking.calendar.AppointmentTransferredIn;
import dev.kairos.booking.calendar.AppointmentTransferredOut;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.calendar.HoldConfirmed;
import dev.kairos.booking.calendar.HoldExpired;
import dev.kairos.booking.calendar.HoldPlaced;
import dev.kairos.booking.calendar.HoldReleased;
import dev.kairos.booking.calendar.Initiator;
import dev.kairos.booking.calendar.PolicyOverride;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.HoldId;
import dev.kairos.booking.common.Money;
import dev.kairos.booking.common.ServiceId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.booking.common.TimeSlot;
import dev.kairos.booking.series.OccurrenceOutcome;
import dev.kairos.booking.customer.CustomerErased;
import dev.kairos.booking.customer.ErasureReason;
import dev.kairos.booking.series.SeriesBooked;
import dev.kairos.booking.series.SeriesCancelled;
import dev.kairos.booking.series.SeriesId;
import dev.kairos.booking.series.SeriesMode;
import dev.kairos.booking.series.SeriesRescheduled;
import dev.kairos.booking.series.SeriesScope;
import dev.kairos.booking.waitlist.WaitlistEntryId;
import dev.kairos.booking.waitlist.WaitlistJoined;
import dev.kairos.booking.waitlist.WaitlistSlotOffered;
import dev.kairos.edge.EngineTest;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public event type from the internal events it is made of, stored the way the event store writes them: the
 * CloudEvents envelope, the data integrators see (ids, no personal data) and the published JSON Schema.
 */
class PublicEventsMappingIntegrationTest extends EngineTest {
    private static final BusinessId BUSINESS = new BusinessId(UUID.fromString("00000000-0000-0000-0000-00000000b001"));
    private static final AppointmentId APPOINTMENT = new AppointmentId(UUID.fromString("00000000-0000-0000-0000-00000000a001"));
    private static final StaffId MIA = new StaffId(UUID.fromString("00000000-0000-0000-0000-00000000c001"));
    private static final StaffId LEO = new StaffId(UUID.fromString("00000000-0000-0000-0000-00000000c002"));
    private static final ServiceId CUT = new ServiceId(UUID.fromString("00000000-0000-0000-0000-00000000d001"));
    private static final CustomerId ADA = new CustomerId(UUID.fromString("00000000-0000-0000-0000-00000000e001"));
    private static final HoldId HOLD = new HoldId(UUID.fromString("00000000-0000-0000-0000-00000000f001"));
    private static final SeriesId SERIES = new SeriesId(UUID.fromString("00000000-0000-0000-0000-00000000f101"));
    private static final WaitlistEntryId ENTRY = new WaitlistEntryId(UUID.fromString("00000000-0000-0000-0000-00000000f201"));
    private static final TimeSlot SLOT = new TimeSlot(Instant.parse("2026-12-07T10:00:00Z"), Instant.parse("2026-12-07T11:00:00Z"));
    private static final TimeSlot LATER = new TimeSlot(Instant.parse("2026-12-08T10:00:00Z"), Instant.parse("2026-12-08T11:00:00Z"));
    private static final CustomerDetails PERSONAL = new CustomerDetails("Ada Lovelace", "ada@example.com", "+442079460000");

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;
    @Autowired
    private PublicEvents publicEvents;
    private final Set<PublicEventType> seen = EnumSet.noneOf(PublicEventType.class);
    private long position;

    private ObjectNode map(Object internal, String type, String subject) {
        SerializedObject<byte[]> stored = serializer.serialize(internal, byte[].class);
        assertThat(stored.getType().getName()).isEqualTo(internal.getClass().getName());
        String eventId = UUID.nameUUIDFromBytes(stored.getData()).toString();
        PublicEvents.Published published = publicEvents.map(new PublicEvents.Stored(++position, eventId, stored.getType().getName(),
                "2026-12-01T08:00:00.123Z", BUSINESS.id(), stored.getData())).orElseThrow();
        ObjectNode event = published.cloudEvent();
        assertThat(published.type().type()).isEqualTo(type);
        assertThat(published.position()).isEqualTo(position);
        assertThat(event.path("specversion").asString()).isEqualTo("1.0");
        assertThat(event.path("id").asString()).isEqualTo(eventId);
        assertThat(event.path("source").asString()).isEqualTo("/businesses/" + BUSINESS);
        assertThat(event.path("type").asString()).isEqualTo(type);
        assertThat(event.path("subject").asString()).isEqualTo(subject);
        assertThat(event.path("time").asString()).isEqualTo("2026-12-01T08:00:00.123Z");
        assertThat(event.path("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(event.path("dataschema").asString()).isEqualTo("http://localhost:8080/api/v1/events/schemas/" + type);
        String text = event.toString();
        assertThat(text).doesNotContain("Ada Lovelace", "ada@example.com", "442079460000");
        Schemas.assertValid(published.type().schema("http://localhost:8080").toString(), text);
        seen.add(published.type());
        return (ObjectNode) event.path("data");
    }

    @Test
    void everyPublicTypeIsMadeFromItsInternalEventsWithIdsOnly() {
        ObjectNode booked = map(new AppointmentBooked(APPOINTMENT, BUSINESS, MIA, CUT, ADA, PERSONAL, SLOT, SLOT, "allergic to nuts",
                Map.of("source", "web"), Instant.parse("2026-12-01T08:00:00Z")), "kairos.appointment.booked.v1", "appointments/" + APPOINTMENT);
        assertThat(booked.toString()).isEqualTo("{\"appointmentId\":\"" + APPOINTMENT + "\",\"staffId\":\"" + MIA
                + "\",\"serviceId\":\"" + CUT + "\",\"customerId\":\"" + ADA + "\",\"seriesId\":null,"
                + "\"slot\":{\"start\":\"2026-12-07T10:00:00Z\",\"end\":\"2026-12-07T11:00:00Z\"},\"bookedAt\":\"2026-12-01T08:00:00Z\"}");
        assertThat(booked.toString()).doesNotContain("nuts");

        ObjectNode moved = map(new AppointmentRescheduled(APPOINTMENT, BUSINESS, MIA, SLOT, LATER, LATER, 2, Initiator.CUSTOMER,
                new Money(new BigDecimal("5.00"), "EUR"), null), "kairos.appointment.rescheduled.v1", "appointments/" + APPOINTMENT);
        assertThat(moved.path("previousSlot").path("start").asString()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(moved.path("slot").path("start").asString()).isEqualTo("2026-12-08T10:00:00Z");
        assertThat(moved.path("previousStaffId").isNull()).isTrue();
        assertThat(moved.path("initiatedBy").asString()).isEqualTo("CUSTOMER");
        assertThat(moved.path("feeDue").toString()).isEqualTo("{\"amount\":\"5.00\",\"currency\":\"EUR\"}");

        ObjectNode transferred = map(new AppointmentTransferredIn(APPOINTMENT, BUSINESS, LEO, MIA, CUT, ADA, PERSONAL, SLOT, LATER, LATER,
                AppointmentStatus.CONFIRMED, "notes", Map.of(), Instant.parse("2026-12-01T08:00:00Z"), 3, Initiator.BUSINESS, null,
                new PolicyOverride("owner", "late change agreed"), ZoneId.of("Europe/Paris")),
                "kairos.appointment.rescheduled.v1", "appointments/" + APPOINTMENT);
        assertThat(transferred.path("staffId").asString()).isEqualTo(LEO.toString());
        assertThat(transferred.path("previousStaffId").asString()).isEqualTo(MIA.toString());
        assertThat(transferred.path("feeDue").isNull()).isTrue();

        ObjectNode cancelled = map(new AppointmentCancelled(APPOINTMENT, BUSINESS, MIA, "feeling ill, call me on +442079460000", 4,
                Initiator.CUSTOMER, null, null), "kairos.appointment.cancelled.v1", "appointments/" + APPOINTMENT);
        assertThat(cancelled.path("initiatedBy").asString()).isEqualTo("CUSTOMER");
        assertThat(cancelled.toString()).doesNotContain("ill");

        for (var status : List.of(new Object[]{new AppointmentConfirmed(APPOINTMENT, BUSINESS, MIA, 1), "kairos.appointment.confirmed.v1"},
                new Object[]{new AppointmentCompleted(APPOINTMENT, BUSINESS, MIA, 2), "kairos.appointment.completed.v1"},
                new Object[]{new AppointmentMarkedNoShow(APPOINTMENT, BUSINESS, MIA, 2), "kairos.appointment.no-show.v1"})) {
            ObjectNode data = map(status[0], (String) status[1], "appointments/" + APPOINTMENT);
            assertThat(data.toString()).isEqualTo("{\"appointmentId\":\"" + APPOINTMENT + "\",\"staffId\":\"" + MIA + "\"}");
        }

        Instant expires = Instant.parse("2026-12-01T08:10:00Z");
        assertThat(map(new HoldPlaced(HOLD, BUSINESS, MIA, CUT, SLOT, SLOT, NOW, expires), "kairos.hold.placed.v1", "holds/" + HOLD)
                .path("expiresAt").asString()).isEqualTo("2026-12-01T08:10:00Z");
        assertThat(map(new HoldConfirmed(HOLD, BUSINESS, MIA, APPOINTMENT), "kairos.hold.confirmed.v1", "holds/" + HOLD)
                .path("appointmentId").asString()).isEqualTo(APPOINTMENT.toString());
        assertThat(map(new HoldReleased(HOLD, BUSINESS, MIA, CUT, SLOT), "kairos.hold.released.v1", "holds/" + HOLD)
                .path("slot").path("end").asString()).isEqualTo("2026-12-07T11:00:00Z");
        assertThat(map(new HoldExpired(HOLD, BUSINESS, MIA, CUT, SLOT, expires), "kairos.hold.expired.v1", "holds/" + HOLD)
                .path("expiredAt").asString()).isEqualTo("2026-12-01T08:10:00Z");

        ObjectNode offered = map(new WaitlistSlotOffered(ENTRY, BUSINESS, CUT, null, SLOT, HOLD, expires),
                "kairos.waitlist.offered.v1", "waitlist/" + ENTRY);
        assertThat(offered.path("staffId").isNull()).isTrue();
        assertThat(offered.path("holdId").asString()).isEqualTo(HOLD.toString());

        ObjectNode series = map(new SeriesBooked(SERIES, BUSINESS, MIA, CUT, ADA, "FREQ=WEEKLY;COUNT=2",
                LocalDateTime.parse("2026-12-07T10:00:00"), ZoneId.of("Europe/Paris"), SeriesMode.ALL_OR_NOTHING,
                List.of(new OccurrenceOutcome(0, APPOINTMENT, LocalDateTime.parse("2026-12-07T10:00:00"), SLOT.start(), null, null))),
                "kairos.series.booked.v1", "series/" + SERIES);
        assertThat(series.path("rule").asString()).isEqualTo("FREQ=WEEKLY;COUNT=2");
        assertThat(series.path("zone").asString()).isEqualTo("Europe/Paris");
        assertThat(series.path("mode").asString()).isEqualTo("ALL_OR_NOTHING");
        assertThat(map(new SeriesRescheduled(SERIES, BUSINESS, MIA, SeriesScope.ALL, null, LocalTime.of(16, 0), 0, ZoneId.of("UTC"),
                List.of(APPOINTMENT)), "kairos.series.rescheduled.v1", "series/" + SERIES).path("appointmentIds").toString())
                .isEqualTo("[\"" + APPOINTMENT + "\"]");
        assertThat(map(new SeriesCancelled(SERIES, BUSINESS, MIA, SeriesScope.ALL, null, List.of(APPOINTMENT), "closing"),
                "kairos.series.cancelled.v1", "series/" + SERIES).path("scope").asString()).isEqualTo("ALL");

        assertThat(map(new CustomerErased(ADA, BUSINESS, ErasureReason.RETENTION, expires), "kairos.customer.erased.v1",
                "customers/" + ADA).toString()).isEqualTo("{\"customerId\":\"" + ADA + "\",\"reason\":\"RETENTION\","
                + "\"erasedAt\":\"2026-12-01T08:10:00Z\"}");

        assertThat(seen).as("every public type has a mapping example").containsExactlyInAnyOrder(PublicEventType.values());
    }

    @Test
    void internalEventsWithoutPublicTypeAreSkipped() {
        for (Object internal : List.of(new AppointmentTransferredOut(APPOINTMENT, BUSINESS, MIA, LEO, 3),
                new WaitlistJoined(ENTRY, BUSINESS, CUT, null, SLOT, ADA, PERSONAL, NOW))) {
            SerializedObject<byte[]> stored = serializer.serialize(internal, byte[].class);
            Optional<PublicEvents.Published> mapped = publicEvents.map(new PublicEvents.Stored(1, "e", stored.getType().getName(),
                    "2026-12-01T08:00:00Z", BUSINESS.id(), stored.getData()));
            assertThat(mapped).as(internal.getClass().getSimpleName()).isEmpty();
        }
    }

    @Test
    void anEventThatBreaksItsSchemaIsCaughtByTheValidator() {
        String schema = PublicEventType.APPOINTMENT_CONFIRMED.schema("http://localhost:8080").toString();
        SerializedObject<byte[]> stored = serializer.serialize(new AppointmentConfirmed(APPOINTMENT, BUSINESS, MIA, 1), byte[].class);
        ObjectNode event = publicEvents.map(new PublicEvents.Stored(1, "e", stored.getType().getName(), "2026-12-01T08:00:00Z",
                BUSINESS.id(), stored.getData())).orElseThrow().cloudEvent();
        assertThat(Schemas.errors(schema, event.toString())).isEmpty();
        ObjectNode broken = event.deepCopy();
        ((ObjectNode) broken.path("data")).put("email", "ada@example.com");
        assertThat(Schemas.errors(schema, broken.toString())).isNotEmpty();
        ObjectNode wrongId = event.deepCopy();
        ((ObjectNode) wrongId.path("data")).put("staffId", "not-a-uuid");
        assertThat(Schemas.errors(schema, wrongId.toString())).isNotEmpty();
    }
}

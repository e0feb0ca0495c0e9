package dev.kairos.edge.feed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The business of a stored payload, as the feed index reads it: {@code businessId.id} at the top level only. */
class PublicEventsBusinessTest {
    private static final UUID BUSINESS = UUID.fromString("0b7c1c9e-5d0f-4c53-9a55-2f3c1f0f6a01");
    private final PublicEvents events = new PublicEvents(new FeedProperties("http://localhost:8080", Duration.ofMillis(200),
            Duration.ofSeconds(15), 5, Duration.ofHours(1), Duration.ofSeconds(1)));

    private Optional<UUID> businessOf(String json) {
        return events.businessOf(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theBusinessIsReadPastOtherFieldsAndNestedObjects() {
        assertThat(businessOf("""
                {"appointmentId":{"id":"a"},"slot":{"start":"x","nested":{"id":"n"}},"tags":[{"id":1},[2]],
                 "businessId":{"revision":3,"id":"%s"},"staffId":{"id":"s"}}""".formatted(BUSINESS))).contains(BUSINESS);
        assertThat(businessOf("{\"businessId\":{\"id\":\"%s\"}}".formatted(BUSINESS))).contains(BUSINESS);
    }

    @Test
    void noBusinessWhenItIsMissingNestedDeeperOrNotAnId() {
        assertThat(businessOf("{\"appointmentId\":{\"id\":\"a\"}}")).isEmpty();
        assertThat(businessOf("{\"owner\":{\"businessId\":{\"id\":\"%s\"}}}".formatted(BUSINESS))).isEmpty();
        assertThat(businessOf("{\"businessId\":\"%s\"}".formatted(BUSINESS))).isEmpty();
        assertThat(businessOf("{\"businessId\":{\"id\":null}}")).isEmpty();
        assertThat(businessOf("[]")).isEmpty();
    }

    @Test
    void aPublicEventOfNoBusinessIsNotPublished() {
        String type = "dev.kairos.booking.calendar.AppointmentConfirmed";
        assertThat(PublicEvents.isPublic(type)).isTrue();
        assertThat(PublicEvents.isPublic("dev.kairos.booking.catalog.BusinessRegistered")).isFalse();
        byte[] withoutBusiness = "{\"appointmentId\":{\"id\":\"%s\"},\"staffId\":{\"id\":\"%s\"}}"
                .formatted(UUID.randomUUID(), UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        assertThat(events.map(1, "e1", type, Instant.parse("2026-12-01T08:00:00Z"), withoutBusiness)).isEmpty();
        byte[] withBusiness = "{\"appointmentId\":{\"id\":\"%s\"},\"businessId\":{\"id\":\"%s\"},\"staffId\":{\"id\":\"%s\"}}"
                .formatted(UUID.randomUUID(), BUSINESS, UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        assertThat(events.map(7, "e2", type, Instant.parse("2026-12-01T08:00:00Z"), withBusiness)).hasValueSatisfying(p -> {
            assertThat(p.position()).isEqualTo(7);
            assertThat(p.cloudEvent().path("source").asString()).isEqualTo("/businesses/" + BUSINESS);
            assertThat(p.cloudEvent().path("id").asString()).isEqualTo("e2");
        });
    }
}

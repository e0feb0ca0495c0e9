package dev.kairos.edge.feed;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kairos.booking.calendar.AppointmentConfirmed;
import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.StaffId;
import dev.kairos.infra.LocalKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch's unit of work commits (and with it the token) only after the broker acknowledged its records: a record
 * the broker never takes fails the commit and rolls the batch back, so it is published again from the stored
 * position. On the real broker, stopped for the failing batch.
 */
class KafkaPublisherFailureIntegrationTest {
    private static final String TOPIC = "kairos.events.failure-test";
    private static final UUID BUSINESS = UUID.fromString("6f1d0c1e-7a4b-4bb0-9d0e-3c2a5e1f9a10");

    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()
                    .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                    .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
            .build();

    private static TrackedEventMessage<?> confirmed(long position) {
        AppointmentConfirmed payload = new AppointmentConfirmed(new AppointmentId(UUID.nameUUIDFromBytes(("a" + position).getBytes())),
                new BusinessId(BUSINESS), new StaffId(UUID.nameUUIDFromBytes("staff".getBytes())), 2);
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position), GenericEventMessage.asEventMessage(payload));
    }

    /** Handles {@code events} as one batch and commits it; answers whether it rolled back. */
    private static boolean handleBatch(KafkaPublisher publisher, List<TrackedEventMessage<?>> events) {
        AtomicBoolean rolledBack = new AtomicBoolean();
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(events.get(0));
        batch.onRollback(u -> rolledBack.set(true));
        try {
            events.forEach(event -> publisher.on(event, event.trackingToken()));
        } catch (RuntimeException e) {
            batch.rollback(e);
            throw e;
        }
        batch.commit();
        return rolledBack.get();
    }

    @Test
    void aRecordTheBrokerDoesNotAcknowledgeFailsTheBatchInsteadOfCommittingIt() {
        LocalKafka broker = TestBroker.shared();
        KafkaPublicationProperties properties = new KafkaPublicationProperties(true, broker.bootstrapServers(), TOPIC, 1, (short) -1,
                Duration.ofSeconds(2), 5, Duration.ofMillis(5), "lz4", Map.of(), new KafkaPublicationProperties.Embedded(null, 0));
        PublicEvents publicEvents = new PublicEvents(new FeedProperties("http://localhost:8080", Duration.ofMillis(200),
                Duration.ofSeconds(15), 5, Duration.ofHours(1), Duration.ofSeconds(1)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaPublicationConfiguration.producerSettings(properties),
                    new StringSerializer(), new ByteArraySerializer());
            KafkaPublisher publisher = new KafkaPublisher(producer, new KafkaTopic(admin, properties), publicEvents, serializer, properties);
            try {
                // acknowledged: the batch commits
                assertThat(handleBatch(publisher, List.of(confirmed(1), confirmed(2)))).isFalse();
                assertThat(PublishedRecords.readAll(broker.bootstrapServers(), TOPIC)).extracting(PublishedRecords.Received::position)
                        .containsExactly(1L, 2L);

                broker.stop();
                assertThatThrownBy(() -> handleBatch(publisher, List.of(confirmed(3), confirmed(4))))
                        .isInstanceOf(KafkaPublisher.KafkaPublicationFailed.class);
            } finally {
                broker.start();
                publisher.destroy();
            }
            // the failed batch is not in the topic as committed work: what the broker holds is the first batch only
            assertThat(PublishedRecords.readAll(broker.bootstrapServers(), TOPIC)).extracting(PublishedRecords.Received::position)
                    .containsExactly(1L, 2L);
        }
    }
}

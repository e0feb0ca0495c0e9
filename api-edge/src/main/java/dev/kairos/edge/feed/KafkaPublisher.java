package dev.kairos.edge.feed;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.DisposableBean;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every public event to Kafka, in the order of the event store, from the processing group
 * {@value #GROUP} (a pooled streaming processor: its token is the stored position, its token claim makes one node
 * publish). A record is a structured-mode CloudEvent keyed by business id, its id and type also in {@code ce_*}
 * headers, its position in the store in {@value #POSITION_HEADER}.
 * <p>
 * At least once: records are sent as the batch is handled and the batch's unit of work waits, before it commits the
 * token, until the broker has acknowledged every one of them. A record the broker did not take fails the batch, so
 * the token stays where it was and the whole batch is published again (duplicates of it, never a gap).
 */
@ProcessingGroup(KafkaPublisher.GROUP)
class KafkaPublisher implements DisposableBean {
    static final String GROUP = "kafka-publication";
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    static final String POSITION_HEADER = "kairos-position";
    private static final String ACKS = KafkaPublisher.class.getName() + ".acks";
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final Producer<String, byte[]> producer;
    private final KafkaTopic topic;
    private final PublicEvents publicEvents;
    private final Serializer eventSerializer;
    private final Duration ackWait;

    KafkaPublisher(Producer<String, byte[]> producer, KafkaTopic topic, PublicEvents publicEvents, Serializer eventSerializer,
                   KafkaPublicationProperties properties) {
        this.producer = producer;
        this.topic = topic;
        this.publicEvents = publicEvents;
        this.eventSerializer = eventSerializer;
        // the producer completes every send within its delivery timeout; the margin covers a slow close of a batch
        this.ackWait = properties.deliveryTimeout().plusSeconds(30);
    }

    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        // the stored payload as stored (no deserialisation for events that are not public)
        SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
        String payloadType = payload.getType().getName();
        if (!PublicEvents.isPublic(payloadType)) {
            return;
        }
        long position = token.position().orElse(-1);
        PublicEvents.Published published = publicEvents.map(position, event.getIdentifier(), payloadType, event.getTimestamp(),
                payload.getData()).orElse(null);
        if (published == null) {
            return;
        }
        topic.ensure(ackWait);
        Acks acks = acksOfThisBatch();
        acks.failIfAnyFailed();
        acks.add(producer.send(record(published), acks));
    }

    private ProducerRecord<String, byte[]> record(PublicEvents.Published published) {
        var event = published.cloudEvent();
        String source = event.path("source").asString();
        String business = source.substring(source.lastIndexOf('/') + 1);
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", bytes(CONTENT_TYPE));
        headers.add("ce_id", bytes(event.path("id").asString()));
        headers.add("ce_type", bytes(event.path("type").asString()));
        headers.add("ce_source", bytes(source));
        headers.add("ce_specversion", bytes(event.path("specversion").asString()));
        // the store's position: increasing along a key in store order, so a consumer can tell a repeat from a newer event
        headers.add(POSITION_HEADER, bytes(Long.toString(published.position())));
        return new ProducerRecord<>(topic.name(), null, business, bytes(event.toString()), headers);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The sends of the batch being handled, awaited once before its token commits. */
    private Acks acksOfThisBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(ACKS, key -> {
            Acks acks = new Acks();
            unitOfWork.onPrepareCommit(u -> acks.awaitAll(ackWait));
            return acks;
        });
    }

    @Override
    public void destroy() {
        producer.close(CLOSE_WAIT);
    }

    /** Records sent in one batch and the first failure the producer reported for any of them. */
    static final class Acks implements Callback {
        private final List<Future<RecordMetadata>> sent = new ArrayList<>();
        private volatile Exception failure;

        void add(Future<RecordMetadata> future) {
            sent.add(future);
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null && failure == null) {
                failure = exception;
            }
        }

        void failIfAnyFailed() {
            Exception failed = failure;
            if (failed != null) {
                throw new KafkaPublicationFailed("a record of this batch was not acknowledged", failed);
            }
        }

        void awaitAll(Duration bound) {
            long deadline = System.nanoTime() + bound.toNanos();
            for (Future<RecordMetadata> future : sent) {
                try {
                    future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    throw new KafkaPublicationFailed("a record of this batch was not acknowledged", e.getCause());
                } catch (TimeoutException e) {
                    throw new KafkaPublicationFailed("no acknowledgement within " + bound, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KafkaPublicationFailed("interrupted waiting for acknowledgements", e);
                }
            }
            failIfAnyFailed();
        }
    }

    /** A batch that must be published again from the stored position. */
    static final class KafkaPublicationFailed extends RuntimeException {
        KafkaPublicationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

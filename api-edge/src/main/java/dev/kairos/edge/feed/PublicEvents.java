package dev.kairos.edge.feed;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns stored internal events into public CloudEvents 1.0: the one place that decides which internal events are
 * public and what of them integrators see. Internal events without a public type are skipped. The feed, the live
 * stream and webhooks all send what it makes.
 */
@Component
public class PublicEvents {
    private static final Map<String, PublicEventType> BY_SOURCE = new HashMap<>();

    static {
        for (PublicEventType type : PublicEventType.values()) {
            type.sourceTypes().forEach(source -> BY_SOURCE.put(source, type));
        }
    }

    /** An event as the store holds it, with the business the feed index gives it. */
    public record Stored(long position, String eventId, String payloadType, String timeStamp, UUID businessId, byte[] payload) {
    }

    /** A public event at its position in the store. */
    public record Published(long position, PublicEventType type, ObjectNode cloudEvent) {
    }

    // amounts keep their scale ("5.00" stays "5.00")
    private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final String publicUrl;

    PublicEvents(FeedProperties properties) {
        this.publicUrl = properties.publicUrl();
    }

    /** The stored payload types behind the given public types (all public types when empty). */
    static List<String> sourceTypes(Collection<PublicEventType> types) {
        return (types.isEmpty() ? List.of(PublicEventType.values()) : List.copyOf(types)).stream()
                .flatMap(t -> t.sourceTypes().stream()).toList();
    }

    /** Whether events stored with this payload type are public. */
    public static boolean isPublic(String payloadType) {
        return BY_SOURCE.containsKey(payloadType);
    }

    /**
     * The business a stored payload belongs to, read as the feed index reads it ({@code businessId.id}); empty for
     * events of no business.
     */
    Optional<UUID> businessOf(byte[] payload) {
        // streamed, not read into a tree: a streaming processor asks this of every event it reads
        try (JsonParser parser = json.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("businessId".equals(name) && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String field = parser.currentName();
                        JsonToken inner = parser.nextToken();
                        if ("id".equals(field) && inner == JsonToken.VALUE_STRING) {
                            return Optional.of(UUID.fromString(parser.getString()));
                        }
                        parser.skipChildren();
                    }
                    return Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        }
    }

    private static Optional<UUID> businessOf(JsonNode payload) {
        JsonNode id = payload.path("businessId").path("id");
        return id.isString() ? Optional.of(UUID.fromString(id.asString())) : Optional.empty();
    }

    /**
     * As {@link #map(Stored)}, for an event as a streaming processor sees it: the business is read from the payload
     * the way the feed index reads it, and a public event of no business is not published.
     */
    Optional<Published> map(long position, String eventId, String payloadType, Instant time, byte[] payload) {
        PublicEventType type = BY_SOURCE.get(payloadType);
        if (type == null) {
            return Optional.empty();
        }
        JsonNode tree = json.readTree(payload);
        return businessOf(tree).map(business -> toCloudEvent(type, position, eventId, business, time.toString(), tree));
    }

    public Optional<Published> map(Stored stored) {
        PublicEventType type = BY_SOURCE.get(stored.payloadType());
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(toCloudEvent(type, stored.position(), stored.eventId(), stored.businessId(), stored.timeStamp(),
                json.readTree(stored.payload())));
    }

    private Published toCloudEvent(PublicEventType type, long position, String eventId, UUID businessId, String timeStamp,
                                   JsonNode payload) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode data = nodes.objectNode();
        type.fields().forEach(field -> data.set(field.name(), field.read(payload)));
        ObjectNode event = nodes.objectNode();
        event.put("specversion", PublicEventType.SPEC_VERSION);
        event.put("id", eventId);
        event.put("source", "/businesses/" + businessId);
        event.put("type", type.type());
        event.put("subject", type.subject(data));
        event.put("time", Instant.parse(timeStamp).toString());
        event.put("datacontenttype", "application/json");
        event.put("dataschema", publicUrl + PublicEventType.SCHEMAS + type.type());
        event.set("data", data);
        return new Published(position, type, event);
    }

    String publicUrl() {
        return publicUrl;
    }
}

package dev.kairos.edge.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.CustomerId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds personal data in a serialized message (a JSON tree) and seals or opens it. Personal data is the value of a
 * {@code customer}, {@code notes} or {@code ip} field of any object that also names a {@code customerId}: the customer
 * details of events, snapshots and whatever else is stored, and the client address in the metadata of what a customer
 * sent themselves (and in their authentication events). A client address is sealed only under a key the customer
 * already has: without one (never booked, or erased) it is dropped, never the reason for a new key. Each such value is
 * replaced by an envelope
 * {@code {"pii":"v1","key":"<customer key id>","data":"<base64 iv|ciphertext|tag>"}}, sealed with the customer's key
 * and bound (AAD) to the customer, the field and the key. An envelope whose key was destroyed opens as the erased
 * form: {@link CustomerDetails#erased()} for {@code customer}, null for anything else.
 */
public final class PersonalData {
    static final String VERSION = "v1";
    private static final List<String> FIELDS = List.of("customer", "notes", "ip");
    /** The field that is sealed only under a key the customer already has. */
    private static final String CLIENT_ADDRESS = "ip";
    private static final byte[] ENVELOPE_MARK = "\"pii\":\"v1\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CUSTOMER_ID_MARK = "\"customerId\":".getBytes(StandardCharsets.UTF_8);

    private final CustomerKeys keys;
    private final Aes256Gcm aes;
    private final ObjectMapper json = new ObjectMapper();

    PersonalData(CustomerKeys keys, Aes256Gcm aes) {
        this.keys = keys;
        this.aes = aes;
    }

    /**
     * How plaintext found in a tree is treated. Either way, personal data that is older than the customer's latest
     * erasure is written as the erased form, never sealed under a new key: an object dated by a {@code bookedAt} or
     * {@code joinedAt} at or before the erasure carries data from before it (a calendar cached in memory while its
     * customer was erased, say, writing a snapshot or moving the appointment), and must not bring it back.
     */
    enum Plaintext {
        /** Written now: sealed with the customer's live key (a new one if they have none). */
        SEAL,
        /** Written by an older engine, before any erasure: sealed, or the erased form if the customer was erased since. */
        SEAL_UNLESS_ERASED
    }

    /** Whether serialized JSON may hold personal data in the clear (a cheap test before parsing it). */
    static boolean mayHoldPlaintext(byte[] json) {
        return indexOf(json, CUSTOMER_ID_MARK) >= 0;
    }

    /** Whether serialized JSON holds sealed personal data. */
    static boolean holdsEnvelopes(byte[] json) {
        return indexOf(json, ENVELOPE_MARK) >= 0;
    }

    /** Seals the personal data in the clear in {@code tree}, in place; true when anything changed. */
    boolean seal(JsonNode tree, Plaintext plaintext) {
        boolean changed = false;
        for (ObjectNode holder : holders(tree)) {
            CustomerId customer = customerId(holder.get("customerId"));
            List<String> plain = customer == null ? List.of() : FIELDS.stream().filter(field -> {
                JsonNode value = holder.get(field);
                return value != null && !value.isNull() && !isEnvelope(value) && !isErasedForm(field, value);
            }).toList();
            if (plain.isEmpty()) {
                continue;
            }
            boolean erased = fromBeforeErasure(holder, customer, plaintext);
            CustomerKeys.DataKey key = erased ? null
                    : plain.equals(List.of(CLIENT_ADDRESS)) ? keys.live(customer).orElse(null) : keys.current(customer);
            for (String field : plain) {
                holder.set(field, key == null ? erasedForm(field) : envelope(key, customer, field, holder.get(field)));
            }
            changed = true;
        }
        return changed;
    }

    private boolean fromBeforeErasure(ObjectNode holder, CustomerId customer, Plaintext plaintext) {
        Optional<Instant> erased = keys.lastErasure(customer);
        if (erased.isEmpty()) {
            return false;
        }
        if (plaintext == Plaintext.SEAL_UNLESS_ERASED) {
            return true;
        }
        Instant dated = dated(holder);
        return dated != null && !dated.isAfter(erased.get());
    }

    private static Instant dated(ObjectNode holder) {
        for (String field : List.of("bookedAt", "joinedAt")) {
            JsonNode value = holder.get(field);
            if (value != null && value.isTextual()) {
                try {
                    return Instant.parse(value.asText());
                } catch (java.time.format.DateTimeParseException notAnInstant) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Opens the sealed personal data in {@code tree}, in place (erased form where the key is gone). */
    void open(JsonNode tree) {
        for (ObjectNode holder : holders(tree)) {
            CustomerId customer = customerId(holder.get("customerId"));
            for (String field : FIELDS) {
                JsonNode value = holder.get(field);
                if (value != null && isEnvelope(value)) {
                    if (customer == null) {
                        throw new IllegalStateException("sealed " + field + " without a customerId");
                    }
                    holder.set(field, opened(customer, field, value));
                }
            }
        }
    }

    /** {@code json} with its personal data opened; the same bytes when it holds none sealed. */
    public byte[] open(byte[] json) {
        if (!holdsEnvelopes(json)) {
            return json;
        }
        try {
            JsonNode tree = this.json.readTree(json);
            open(tree);
            return this.json.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A stored event payload for display, its personal data opened: {@code revision} is the stored payload revision
     * (null for what an older engine stored, read through {@link #openLegacy}).
     */
    public byte[] openStored(byte[] payload, String revision) {
        return revision == null ? openLegacy(payload) : open(payload);
    }

    /**
     * {@code json} as stored by an older engine (plaintext personal data, not yet rewritten) for display: the personal
     * data of customers erased since replaced by the erased form, the rest as it is. Creates no key.
     */
    public byte[] openLegacy(byte[] json) {
        if (!mayHoldPlaintext(json)) {
            return open(json);
        }
        try {
            JsonNode tree = this.json.readTree(json);
            for (ObjectNode holder : holders(tree)) {
                CustomerId customer = customerId(holder.get("customerId"));
                if (customer != null && keys.lastErasure(customer).isPresent()) {
                    for (String field : FIELDS) {
                        JsonNode value = holder.get(field);
                        if (value != null && !value.isNull() && !isEnvelope(value)) {
                            holder.set(field, erasedForm(field));
                        }
                    }
                }
            }
            open(tree);
            return this.json.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode envelope(CustomerKeys.DataKey key, CustomerId customer, String field, JsonNode value) {
        byte[] sealed;
        try {
            sealed = aes.seal(key.key(), json.writeValueAsBytes(value), aad(customer, field, key.keyId()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("pii", VERSION);
        envelope.put("key", key.keyId().toString());
        envelope.put("data", Base64.getEncoder().encodeToString(sealed));
        return envelope;
    }

    private JsonNode opened(CustomerId customer, String field, JsonNode envelope) {
        UUID keyId = UUID.fromString(envelope.path("key").asText());
        Optional<CustomerKeys.DataKey> key = keys.find(keyId);
        if (key.isEmpty()) {
            return erasedForm(field);
        }
        if (!key.get().customerId().equals(customer)) {
            throw new Aes256Gcm.TamperedException("key " + keyId + " is not the key of customer " + customer);
        }
        byte[] plain = aes.open(key.get().key(), Base64.getDecoder().decode(envelope.path("data").asText()),
                aad(customer, field, keyId));
        try {
            return json.readTree(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] aad(CustomerId customer, String field, UUID keyId) {
        return ("pii:" + VERSION + "|" + customer.id() + "|" + field + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode erasedForm(String field) {
        if ("customer".equals(field)) {
            CustomerDetails erased = CustomerDetails.erased();
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("name", erased.name());
            node.putNull("email");
            node.putNull("phone");
            return node;
        }
        return JsonNodeFactory.instance.nullNode();
    }

    private static boolean isErasedForm(String field, JsonNode value) {
        return "customer".equals(field) && value.isObject()
                && CustomerDetails.ERASED_NAME.equals(value.path("name").asText(null))
                && absent(value.get("email")) && absent(value.get("phone"));
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull();
    }

    private static boolean isEnvelope(JsonNode value) {
        return value.isObject() && VERSION.equals(value.path("pii").asText(null));
    }

    private static CustomerId customerId(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.isObject() ? node.path("id").asText(null) : node.asText(null);
        try {
            return text == null ? null : CustomerId.of(text);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** Every object of the tree that names a customer and may carry their personal data, envelopes not entered. */
    private static List<ObjectNode> holders(JsonNode tree) {
        List<ObjectNode> found = new ArrayList<>();
        collect(tree, found);
        return found;
    }

    private static void collect(JsonNode node, List<ObjectNode> found) {
        if (node.isObject()) {
            if (isEnvelope(node)) {
                return;
            }
            if (node.has("customerId") && FIELDS.stream().anyMatch(node::has)) {
                found.add((ObjectNode) node);
            }
            for (Map.Entry<String, JsonNode> child : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                collect(child.getValue(), found);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, found));
        }
    }

    private static int indexOf(byte[] data, byte[] mark) {
        outer:
        for (int i = 0; i <= data.length - mark.length; i++) {
            for (int j = 0; j < mark.length; j++) {
                if (data[i + j] != mark[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

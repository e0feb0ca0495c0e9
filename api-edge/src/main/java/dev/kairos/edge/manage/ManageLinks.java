package dev.kairos.edge.manage;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Signed, expiring capability tokens for one appointment. A token is the URL-safe base64 (no padding) of
 * {@code version (1) | appointment id (16) | business id (16) | expiry, epoch seconds (8) | HMAC-SHA256 (32)}, the
 * MAC taken over {@code purpose | 0x00 | the first 41 bytes}: a token made for one purpose never passes for another,
 * and no byte can change unnoticed. MACs are compared in constant time; every key (current and previous) is tried.
 */
public class ManageLinks {
    /** The purpose of links that let a customer see, cancel and reschedule their booking. */
    public static final String MANAGE_BOOKING = "manage-booking";
    static final byte VERSION = 1;
    static final int PAYLOAD_BYTES = 1 + 16 + 16 + 8;
    static final int MAC_BYTES = 32;
    static final int TOKEN_CHARS = 98;
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{" + TOKEN_CHARS + "}");

    private final ManageLinkKeys keys;
    private final ManageLinkProperties properties;

    ManageLinks(ManageLinkKeys keys, ManageLinkProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    /** A link as the API hands it out: the token, the path that takes it, and when it stops working. */
    public record Link(String token, String url, Instant expiresAt) {
    }

    /**
     * The customer's link to an appointment ending at {@code end}: it works until {@code validAfterEnd} after the
     * end, but at most {@code maxValidity} from now (whole seconds).
     */
    public Link manageLink(AppointmentId appointmentId, BusinessId businessId, Instant end, Instant now) {
        Instant afterEnd = end.plus(properties.validAfterEnd());
        Instant cap = now.plus(properties.maxValidity());
        Instant expiresAt = (afterEnd.isBefore(cap) ? afterEnd : cap).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = issue(appointmentId, businessId, expiresAt, MANAGE_BOOKING);
        return new Link(token, "/api/v1/manage/" + token, expiresAt);
    }

    /** What a valid token grants: acting on one appointment of one business until {@code expiresAt}. */
    public record Claims(AppointmentId appointmentId, BusinessId businessId, Instant expiresAt) {
    }

    public String issue(AppointmentId appointmentId, BusinessId businessId, Instant expiresAt, String purpose) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES + MAC_BYTES);
        payload.put(VERSION);
        putUuid(payload, appointmentId.id());
        putUuid(payload, businessId.id());
        payload.putLong(expiresAt.getEpochSecond());
        byte[] bytes = payload.array();
        System.arraycopy(mac(keys.current(), purpose, bytes), 0, bytes, PAYLOAD_BYTES, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The claims of a token made for {@code purpose}; a malformed, tampered or foreign token is
     * {@code manage-link-invalid}, an expired one {@code manage-link-expired}.
     */
    public Claims verify(String token, String purpose, Instant now) {
        BookingException.require(token != null && BASE64URL.matcher(token).matches(), ErrorCode.MANAGE_LINK_INVALID,
                "this manage link is not valid");
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        // the last character carries spare bits the decoder ignores: only the canonical spelling is accepted
        BookingException.require(bytes.length == PAYLOAD_BYTES + MAC_BYTES && bytes[0] == VERSION
                        && Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token),
                ErrorCode.MANAGE_LINK_INVALID, "this manage link is not valid");
        byte[] given = new byte[MAC_BYTES];
        System.arraycopy(bytes, PAYLOAD_BYTES, given, 0, MAC_BYTES);
        boolean valid = false;
        for (byte[] key : keys.all()) {
            // every key is tried, so the time taken does not tell which one matched
            valid |= MessageDigest.isEqual(mac(key, purpose, bytes), given);
        }
        BookingException.require(valid, ErrorCode.MANAGE_LINK_INVALID, "this manage link is not valid");
        ByteBuffer payload = ByteBuffer.wrap(bytes, 1, PAYLOAD_BYTES - 1);
        AppointmentId appointmentId = new AppointmentId(new UUID(payload.getLong(), payload.getLong()));
        BusinessId businessId = new BusinessId(new UUID(payload.getLong(), payload.getLong()));
        Instant expiresAt = Instant.ofEpochSecond(payload.getLong());
        BookingException.require(now.isBefore(expiresAt), ErrorCode.MANAGE_LINK_EXPIRED,
                () -> "this manage link expired at " + expiresAt);
        return new Claims(appointmentId, businessId, expiresAt);
    }

    private static byte[] mac(byte[] key, String purpose, byte[] token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(token, 0, PAYLOAD_BYTES);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static void putUuid(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits());
        buffer.putLong(id.getLeastSignificantBits());
    }
}

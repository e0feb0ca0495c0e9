package dev.kairos.edge.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * How an integrator verifies a delivery, written from the documented recipe only (docs/architecture.md, "Webhooks"):
 * split {@code Kairos-Signature} into {@code t} and the {@code v1} values, refuse a {@code t} further than the
 * tolerance from the receiver's clock, compute HMAC-SHA256 over {@code t + "." + body} with the secret's UTF-8 bytes,
 * and accept if any {@code v1} equals it (compared in constant time).
 */
final class ReferenceVerifier {
    private ReferenceVerifier() {
    }

    static boolean verify(String header, byte[] body, String secret, long nowEpochSeconds, long toleranceSeconds) {
        if (header == null) {
            return false;
        }
        Long t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                return false;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                try {
                    t = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (t == null || signatures.isEmpty() || Math.abs(nowEpochSeconds - t) > toleranceSeconds) {
            return false;
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] prefix = (t + ".").getBytes(StandardCharsets.UTF_8);
            byte[] signed = new byte[prefix.length + body.length];
            System.arraycopy(prefix, 0, signed, 0, prefix.length);
            System.arraycopy(body, 0, signed, prefix.length, body.length);
            expected = mac.doFinal(signed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : expected) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        byte[] want = hex.toString().getBytes(StandardCharsets.US_ASCII);
        return signatures.stream().anyMatch(s -> MessageDigest.isEqual(want, s.getBytes(StandardCharsets.US_ASCII)));
    }
}

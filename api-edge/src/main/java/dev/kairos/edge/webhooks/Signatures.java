package dev.kairos.edge.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@value #HEADER} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}, with one
 * {@code v1} per secret that signs (two for a while after a rotation). The key is the secret's UTF-8 bytes as shown
 * (with its {@code whsec_} prefix); the body is the exact bytes sent.
 */
final class Signatures {
    static final String HEADER = "Kairos-Signature";

    private Signatures() {
    }

    static String header(List<String> secrets, long timestamp, byte[] body) {
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        for (String secret : secrets) {
            header.append(",v1=").append(sign(secret, timestamp, body));
        }
        return header.toString();
    }

    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}

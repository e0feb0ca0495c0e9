package dev.kairos.edge.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;

/** Reads and mints JSON Web Tokens in tests, with the engine's stored signing keys or keys of the test's own. */
public final class Jwts {
    private Jwts() {
    }

    public static SignedJWT parse(String token) {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String kid(String token) {
        return parse(token).getHeader().getKeyID();
    }

    public static JWTClaimsSet claims(String token) {
        try {
            return parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The engine's private key {@code kid}, as stored in {@code signing_key}. */
    public static PrivateKey engineKey(JdbcTemplate jdbc, String kid) {
        byte[] encoded = jdbc.queryForObject("SELECT private_key FROM signing_key WHERE kid = ?", byte[].class, kid);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RS256 with {@code key}, naming {@code kid}, of type {@code typ} (none when {@code null}). */
    public static String rs256(PrivateKey key, String kid, String typ, JWTClaimsSet claims) {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid);
        if (typ != null) {
            header.type(new JOSEObjectType(typ));
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}

package dev.kairos.edge.identity;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Passwords are stored as Argon2id hashes (memory-hard and adaptive), tagged with their scheme so the parameters can
 * be raised later: a hash made with older parameters is still verified, and replaced at the next successful login.
 */
@Component
public class Passwords {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private final DelegatingPasswordEncoder encoder;
    /** Verified against when the email is unknown, so that the answer takes as long as for a known one. */
    private final String decoy;

    Passwords() {
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        this.encoder = new DelegatingPasswordEncoder("argon2", encoders);
        // a stored hash of no known scheme (untagged, or tagged {noop}) matches nothing rather than failing the login
        this.encoder.setDefaultPasswordEncoderForMatches(new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                throw new UnsupportedOperationException("only for matching hashes of unknown schemes");
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return false;
            }
        });
        this.decoy = encoder.encode("decoy password for unknown accounts");
    }

    /** A new password must be 12 to 128 characters and must not be the email itself. */
    public static void requireAcceptable(String password, String email) {
        BookingException.require(password != null && password.length() >= MIN_LENGTH && password.length() <= MAX_LENGTH,
                ErrorCode.WEAK_PASSWORD, "a password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        BookingException.require(email == null || !password.trim().toLowerCase(Locale.ROOT).contains(email.trim().toLowerCase(Locale.ROOT)),
                ErrorCode.WEAK_PASSWORD, "a password must not contain the email address");
        BookingException.require(password.chars().distinct().count() >= 5, ErrorCode.WEAK_PASSWORD,
                "a password needs at least 5 different characters");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** Whether {@code password} matches {@code hash}; a {@code null} hash (unknown or password-less account) never does. */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            encoder.matches(password == null ? "" : password, decoy);
            return false;
        }
        return password != null && encoder.matches(password, hash);
    }

    /** Whether a stored hash was made with older parameters and should be replaced. */
    public boolean outdated(String hash) {
        return encoder.upgradeEncoding(hash);
    }
}

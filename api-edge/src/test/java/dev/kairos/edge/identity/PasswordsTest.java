package dev.kairos.edge.identity;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordsTest {
    private static final Passwords PASSWORDS = new Passwords();

    private static void weak(String password, String email) {
        assertThatThrownBy(() -> Passwords.requireAcceptable(password, email))
                .isInstanceOfSatisfying(BookingException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.WEAK_PASSWORD));
    }

    private static void acceptable(String password, String email) {
        assertThatCode(() -> Passwords.requireAcceptable(password, email)).doesNotThrowAnyException();
    }

    @Test
    void aPasswordHasTwelveToOneHundredTwentyEightCharacters() {
        weak(null, "a@b.test");
        weak("", "a@b.test");
        weak("abcdefghijk", "a@b.test");
        acceptable("abcdefghijkl", "a@b.test");
        acceptable("abcde".repeat(25) + "abc", "a@b.test");
        weak("abcde".repeat(25) + "abcd", "a@b.test");
    }

    @Test
    void aPasswordMustNotContainTheEmailInAnyCase() {
        weak("mia@salon.test", "mia@salon.test");
        weak("my MIA@Salon.Test password", " mia@salon.test ");
        weak("xx mia@salon.test", "Mia@Salon.test");
        acceptable("mia salon test 2026", "mia@salon.test");
        acceptable("a long and varied secret", null);
    }

    @Test
    void aPasswordNeedsFiveDifferentCharacters() {
        weak("aaaaaaaaaaaaaaaa", null);
        weak("abababababababab", null);
        weak("abcdabcdabcdabcd", null);
        acceptable("abcdeabcdeabcde", null);
    }

    @Test
    void hashesAreTaggedArgon2idSaltedAndVerified() {
        String hash = PASSWORDS.hash("a long and varied secret");
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain("a long and varied secret");
        assertThat(PASSWORDS.hash("a long and varied secret")).isNotEqualTo(hash);
        assertThat(PASSWORDS.matches("a long and varied secret", hash)).isTrue();
        assertThat(PASSWORDS.matches("a long and varied secreT", hash)).isFalse();
        assertThat(PASSWORDS.matches(null, hash)).isFalse();
        assertThat(PASSWORDS.matches("a long and varied secret", null)).isFalse();
        assertThat(PASSWORDS.matches(null, null)).isFalse();
        assertThat(PASSWORDS.outdated(hash)).isFalse();
    }

    @Test
    void aHashOfWeakerParametersIsStillVerifiedAndMarkedForReplacement() {
        String weaker = "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 1 << 12, 1).encode("a long and varied secret");
        assertThat(PASSWORDS.matches("a long and varied secret", weaker)).isTrue();
        assertThat(PASSWORDS.outdated(weaker)).isTrue();
    }

    @Test
    void hashesOfAnotherSchemeAreNeverAccepted() {
        assertThat(PASSWORDS.matches("a long and varied secret", "{noop}a long and varied secret")).isFalse();
        assertThat(PASSWORDS.matches("a long and varied secret", "a long and varied secret")).isFalse();
    }
}

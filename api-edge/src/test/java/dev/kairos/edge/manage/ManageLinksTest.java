package dev.kairos.edge.manage;

import dev.kairos.booking.common.AppointmentId;
import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertAll;

/** Tokens of manage-booking links: what verifies, and every way one does not. */
class ManageLinksTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-12-08T11:00:00Z");
    private static final String SECRET = "0123456789abcdef0123456789abcdef-current";
    private static final String OLD_SECRET = "0123456789abcdef0123456789abcdef-previous";
    private static final AppointmentId APPOINTMENT = new AppointmentId(UUID.fromString("00000000-0000-0000-0000-00000000a001"));
    private static final AppointmentId OTHER_APPOINTMENT = new AppointmentId(UUID.fromString("00000000-0000-0000-0000-00000000a002"));
    private static final BusinessId BUSINESS = new BusinessId(UUID.fromString("00000000-0000-0000-0000-00000000b001"));

    private static ManageLinks links(String secret, String... previous) {
        ManageLinkProperties properties = new ManageLinkProperties(secret, List.of(previous), null, null);
        // a configured secret never touches the database
        return new ManageLinks(new ManageLinkKeys(properties, null, null, Clock.fixed(NOW, ZoneOffset.UTC)), properties);
    }

    private static void assertRejected(ErrorCode code, Executable verification) {
        assertThatThrownBy(verification::execute).isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode()).isEqualTo(code);
    }

    private static String issue(ManageLinks links) {
        return links.issue(APPOINTMENT, BUSINESS, EXPIRES, ManageLinks.MANAGE_BOOKING);
    }

    @Test
    void aTokenCarriesItsClaimsInUrlSafeCharacters() {
        ManageLinks links = links(SECRET);
        String token = issue(links);
        assertThat(token).hasSize(ManageLinks.TOKEN_CHARS).matches("[A-Za-z0-9_-]+");
        assertThat(links.verify(token, ManageLinks.MANAGE_BOOKING, NOW))
                .isEqualTo(new ManageLinks.Claims(APPOINTMENT, BUSINESS, EXPIRES));
    }

    @Test
    void changingAnyByteMakesItInvalid() {
        ManageLinks links = links(SECRET);
        byte[] bytes = Base64.getUrlDecoder().decode(issue(links));
        Executable[] checks = new Executable[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 0x01;
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            checks[i] = () -> assertRejected(ErrorCode.MANAGE_LINK_INVALID, () -> links.verify(token, ManageLinks.MANAGE_BOOKING, NOW));
        }
        assertAll(checks);
    }

    @Test
    void theSpareBitsOfTheLastCharacterCannotBeChangedEither() {
        ManageLinks links = links(SECRET);
        String token = issue(links);
        char last = token.charAt(token.length() - 1);
        String respelled = token.substring(0, token.length() - 1) + (char) (last + 1);
        assertThat(Base64.getUrlDecoder().decode(respelled)).isEqualTo(Base64.getUrlDecoder().decode(token));
        assertRejected(ErrorCode.MANAGE_LINK_INVALID, () -> links.verify(respelled, ManageLinks.MANAGE_BOOKING, NOW));
    }

    @Test
    void anotherAppointmentsIdCannotBeSplicedIn() {
        ManageLinks links = links(SECRET);
        byte[] mine = Base64.getUrlDecoder().decode(issue(links));
        byte[] other = Base64.getUrlDecoder().decode(links.issue(OTHER_APPOINTMENT, BUSINESS, EXPIRES, ManageLinks.MANAGE_BOOKING));
        System.arraycopy(other, 1, mine, 1, 16);
        String spliced = Base64.getUrlEncoder().withoutPadding().encodeToString(mine);
        assertRejected(ErrorCode.MANAGE_LINK_INVALID, () -> links.verify(spliced, ManageLinks.MANAGE_BOOKING, NOW));
    }

    @Test
    void expiresAtItsExpiryByTheInjectedClock() {
        ManageLinks links = links(SECRET);
        String token = issue(links);
        assertThat(links.verify(token, ManageLinks.MANAGE_BOOKING, EXPIRES.minusSeconds(1)).expiresAt()).isEqualTo(EXPIRES);
        assertRejected(ErrorCode.MANAGE_LINK_EXPIRED, () -> links.verify(token, ManageLinks.MANAGE_BOOKING, EXPIRES));
        assertRejected(ErrorCode.MANAGE_LINK_EXPIRED, () -> links.verify(token, ManageLinks.MANAGE_BOOKING, EXPIRES.plus(Duration.ofDays(30))));
    }

    @Test
    void aTokenMadeForAnotherPurposeIsInvalid() {
        ManageLinks links = links(SECRET);
        String feed = links.issue(APPOINTMENT, BUSINESS, EXPIRES, "calendar-feed");
        assertRejected(ErrorCode.MANAGE_LINK_INVALID, () -> links.verify(feed, ManageLinks.MANAGE_BOOKING, NOW));
    }

    @Test
    void anotherKeysTokenIsInvalid() {
        String foreign = issue(links("another-secret-of-at-least-32-bytes!!"));
        assertRejected(ErrorCode.MANAGE_LINK_INVALID, () -> links(SECRET).verify(foreign, ManageLinks.MANAGE_BOOKING, NOW));
    }

    @Test
    void aRotatedSecretStillVerifiesUntilItIsDropped() {
        String signedWithOld = issue(links(OLD_SECRET));
        ManageLinks rotated = links(SECRET, OLD_SECRET);
        assertThat(rotated.verify(signedWithOld, ManageLinks.MANAGE_BOOKING, NOW).appointmentId()).isEqualTo(APPOINTMENT);
        assertThat(issue(rotated)).as("new links are signed with the current secret").isEqualTo(issue(links(SECRET)));
        assertRejected(ErrorCode.MANAGE_LINK_INVALID, () -> links(SECRET).verify(signedWithOld, ManageLinks.MANAGE_BOOKING, NOW));
    }

    @Test
    void malformedTokensAreInvalid() {
        ManageLinks links = links(SECRET);
        String token = issue(links);
        for (String bad : new String[]{null, "", "abc", token + "A", token.substring(1), token.replace(token.charAt(5), '+'),
                token.substring(0, 97) + "=", "A".repeat(98)}) {
            assertRejected(ErrorCode.MANAGE_LINK_INVALID, () -> links.verify(bad, ManageLinks.MANAGE_BOOKING, NOW));
        }
    }

    @Test
    void linksLastUntilADayAfterTheEndButAtMostTheMaximumFromNow() {
        ManageLinks links = links(SECRET);
        Instant end = Instant.parse("2026-12-07T11:00:00Z");
        ManageLinks.Link link = links.manageLink(APPOINTMENT, BUSINESS, end, NOW);
        assertThat(link.expiresAt()).isEqualTo(end.plus(Duration.ofDays(1)));
        assertThat(link.url()).isEqualTo("/api/v1/manage/" + link.token());
        Instant farAway = Instant.parse("2030-01-01T10:00:00Z");
        assertThat(links.manageLink(APPOINTMENT, BUSINESS, farAway, NOW).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(400)));
    }

    @Test
    void secretsShorterThan32BytesAreRefused() {
        assertThatThrownBy(() -> new ManageLinkProperties("too short", List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new ManageLinkProperties(SECRET, List.of("short"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previous-secrets[0]");
        assertThat(new ManageLinkProperties(" ", null, null, null).secret()).as("blank means: generate one").isNull();
    }
}

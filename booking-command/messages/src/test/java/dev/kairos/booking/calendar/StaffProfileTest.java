package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffProfileTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static void assertRejected(String name, String email, String phone) {
        assertThatThrownBy(() -> new StaffProfile(name, email, phone, BERLIN))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void contactDetailsAreOptional() {
        StaffProfile profile = new StaffProfile("Grace", null, null, BERLIN);
        assertThat(profile.name()).isEqualTo("Grace");
        assertThat(profile.email()).isNull();
        assertThat(profile.phone()).isNull();
        assertThat(profile.zone()).isEqualTo(BERLIN);
    }

    @Test
    void keepsValidContactDetails() {
        StaffProfile profile = new StaffProfile("Grace", "grace@example.com", "+12125550100", ZoneId.of("America/New_York"));
        assertThat(profile.email()).isEqualTo("grace@example.com");
        assertThat(profile.phone()).isEqualTo("+12125550100");
        assertThat(profile.zone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void nameLengthBoundaries() {
        assertThat(new StaffProfile("x".repeat(200), null, null, BERLIN).name()).hasSize(200);
        assertRejected("x".repeat(201), null, null);
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void rejectsMissingName(String name) {
        assertRejected(name, null, null);
    }

    @ParameterizedTest(name = "email \"{0}\"")
    @ValueSource(strings = {"", "grace", "grace@example", "grace@@example.com", "gr ace@example.com", "@example.com"})
    void rejectsInvalidEmail(String email) {
        assertRejected("Grace", email, null);
    }

    @ParameterizedTest(name = "phone \"{0}\"")
    @ValueSource(strings = {"", "030123456", "+0301234567", "+49 30 123456", "+123456", "+1234567890123456"})
    void rejectsInvalidPhone(String phone) {
        assertRejected("Grace", null, phone);
    }

    @Test
    void zoneIsRequired() {
        assertThatThrownBy(() -> new StaffProfile("Grace", null, null, null)).isInstanceOf(NullPointerException.class);
    }
}

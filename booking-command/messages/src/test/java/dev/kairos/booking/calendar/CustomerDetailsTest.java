package dev.kairos.booking.calendar;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerDetailsTest {

    private static void assertRejected(String name, String email, String phone) {
        assertThatThrownBy(() -> new CustomerDetails(name, email, phone))
                .isInstanceOf(BookingException.class)
                .extracting(e -> ((BookingException) e).errorCode())
                .isEqualTo(ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void acceptsEmailOnlyPhoneOnlyAndBoth() {
        assertThat(new CustomerDetails("Ada", "ada@example.com", null).phone()).isNull();
        assertThat(new CustomerDetails("Ada", null, "+4930123456").email()).isNull();
        CustomerDetails both = new CustomerDetails("Ada Lovelace", "ada@example.com", "+4930123456");
        assertThat(both.name()).isEqualTo("Ada Lovelace");
        assertThat(both.email()).isEqualTo("ada@example.com");
        assertThat(both.phone()).isEqualTo("+4930123456");
    }

    @Test
    void normalisesEmailToLowerCase() {
        assertThat(new CustomerDetails("Ada", "Ada.Lovelace@Example.COM", null).email()).isEqualTo("ada.lovelace@example.com");
    }

    @Test
    void nameLengthBoundaries() {
        assertThat(new CustomerDetails("A", "a@b.cd", null).name()).isEqualTo("A");
        assertThat(new CustomerDetails("x".repeat(200), "a@b.cd", null).name()).hasSize(200);
        assertRejected("x".repeat(201), "a@b.cd", null);
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t\n"})
    void rejectsMissingName(String name) {
        assertRejected(name, "a@b.cd", null);
    }

    @Test
    void rejectsMissingContact() {
        assertRejected("Ada", null, null);
    }

    @ParameterizedTest(name = "email \"{0}\"")
    @ValueSource(strings = {"", " ", "ada", "ada@", "@example.com", "ada@example", "ada@example.c", "ada@@example.com",
            "ada@exa@mple.com", "a da@example.com", "ada@exa mple.com", " ada@ example.com", "\tada"})
    void rejectsInvalidEmail(String email) {
        assertRejected("Ada", email, null);
        assertRejected("Ada", email, "+4930123456");
    }

    @ParameterizedTest(name = "email \"{0}\"")
    @ValueSource(strings = {" ada@example.com", "ada@example.com ", "  ada@example.com\t", "\nADA@Example.com\n", " Ada@EXAMPLE.com "})
    void trimsAndLowerCasesEmailBeforeValidating(String email) {
        assertThat(new CustomerDetails("Ada", email, null).email()).isEqualTo("ada@example.com");
        assertThat(new CustomerDetails("Ada", email, "+4930123456").email()).isEqualTo("ada@example.com");
    }

    @Test
    void acceptsPaddedMixedCaseEmailAndPaddedPhone() {
        CustomerDetails ann = new CustomerDetails("Ann", " Ann@Example.com ", " +4930123456 ");
        assertThat(ann.email()).isEqualTo("ann@example.com");
        assertThat(ann.phone()).isEqualTo("+4930123456");
    }

    @Test
    void whitespaceOnlyContactIsStillInvalid() {
        assertRejected("Ada", "   ", null);
        assertRejected("Ada", null, "   ");
        assertRejected("Ada", "ada@example.com", " ");
    }

    @Test
    void lengthLimitsApplyToTheTrimmedEmail() {
        String local64 = "l".repeat(64);
        assertThat(new CustomerDetails("Ada", "  " + local64 + "@example.com  ", null).email()).isEqualTo(local64 + "@example.com");
        assertRejected("Ada", " " + "l".repeat(65) + "@example.com ", null);
    }

    @Test
    void emailLengthBoundaries() {
        String local64 = "l".repeat(64);
        assertThat(new CustomerDetails("Ada", local64 + "@example.com", null).email()).startsWith(local64);
        assertRejected("Ada", "l".repeat(65) + "@example.com", null);

        String domain = "d".repeat(254 - 2 - 4) + ".com"; // a@ + domain = 254 characters
        assertThat(("a@" + domain)).hasSize(254);
        assertThat(new CustomerDetails("Ada", "a@" + domain, null).email()).hasSize(254);
        assertRejected("Ada", "a@d" + domain, null);
    }

    @ParameterizedTest(name = "phone \"{0}\"")
    @ValueSource(strings = {"", "4930123456", "004930123456", "+04930123456", "+49 30 123456", "+49-30-123456",
            "+123456", "+1234567890123456", "+49301234a6", "++4930123456"})
    void rejectsInvalidPhone(String phone) {
        assertRejected("Ada", null, phone);
        assertRejected("Ada", "ada@example.com", phone);
    }

    @ParameterizedTest(name = "phone \"{0}\"")
    @ValueSource(strings = {"+1234567", "+123456789012345", "+4930123456", "+12125550100"})
    void acceptsE164Phones(String phone) {
        assertThat(new CustomerDetails("Ada", null, phone).phone()).isEqualTo(phone);
    }

    @Test
    void theErasedFormHasNoContactAndCannotBeBookedWithOne() {
        assertThat(CustomerDetails.erased().isErased()).isTrue();
        assertThat(CustomerDetails.erased().email()).isNull();
        assertThat(CustomerDetails.erased().phone()).isNull();
        assertThat(new CustomerDetails("Ada", "ada@example.com", null).isErased()).isFalse();
        assertRejected(CustomerDetails.ERASED_NAME, "ada@example.com", null);
        assertRejected(CustomerDetails.ERASED_NAME, null, "+4930123456");
    }
}

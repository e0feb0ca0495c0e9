package dev.kairos.booking.command.customer;

import dev.kairos.booking.command.support.BookingWorld;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.customer.ContactChannel;
import dev.kairos.booking.customer.CustomerErased;
import dev.kairos.booking.customer.CustomerPreferencesSet;
import dev.kairos.booking.customer.EraseCustomer;
import dev.kairos.booking.customer.ErasureReason;
import dev.kairos.booking.customer.SetCustomerPreferences;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

class CustomerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final BusinessId BUSINESS = new BusinessId(UUID.fromString("00000000-0000-0000-0000-00000000b001"));
    private static final BusinessId OTHER_BUSINESS = new BusinessId(UUID.fromString("00000000-0000-0000-0000-00000000b002"));
    private static final CustomerId ADA = CustomerId.forContact(BUSINESS, "ada@example.com", null);
    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

    private final BookingWorld world = new BookingWorld(NOW);

    private BookingWorld given(Object... events) {
        return world.given(Customer.class, ADA, events);
    }

    @Test
    void firstPreferencesCreateTheCustomerWithEveryField() {
        world.when(new SetCustomerPreferences(ADA, BUSINESS, VIENNA, "de-at", ContactChannel.SMS))
                .expectEvents(new CustomerPreferencesSet(ADA, BUSINESS, VIENNA, "de-AT", ContactChannel.SMS, NOW))
                .expectRevision(1);
    }

    @Test
    void aChangedFieldEmitsEveryFieldWithTheOthersKept() {
        given(new CustomerPreferencesSet(ADA, BUSINESS, VIENNA, "de-AT", ContactChannel.SMS, NOW.minusSeconds(60)))
                .when(new SetCustomerPreferences(ADA, BUSINESS, null, "en", null))
                .expectEvents(new CustomerPreferencesSet(ADA, BUSINESS, VIENNA, "en", ContactChannel.SMS, NOW))
                .expectRevision(2);
    }

    @Test
    void thePreferencesAlreadyHeldChangeNothing() {
        given(new CustomerPreferencesSet(ADA, BUSINESS, VIENNA, "de-AT", ContactChannel.EMAIL, NOW.minusSeconds(60)))
                .when(new SetCustomerPreferences(ADA, BUSINESS, VIENNA, "de-at", ContactChannel.EMAIL))
                .expectNoEvents()
                .expectRevision(1);
    }

    @Test
    void aMalformedLanguageTagIsRejected() {
        world.when(new SetCustomerPreferences(ADA, BUSINESS, null, "not a language", null))
                .expectException(ErrorCode.VALIDATION_FAILED);
        world.when(new SetCustomerPreferences(ADA, BUSINESS, null, "und", null))
                .expectException(ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void aFixedOffsetIsNoTimeZone() {
        world.when(new SetCustomerPreferences(ADA, BUSINESS, ZoneOffset.ofHours(2), null, null))
                .expectException(ErrorCode.INVALID_TIME_ZONE);
    }

    @Test
    void preferencesWithoutAnyFieldAreRejected() {
        world.when(new SetCustomerPreferences(ADA, BUSINESS, null, null, null))
                .expectException(ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void eraseEmitsCustomerErasedOnce() {
        world.when(new EraseCustomer(ADA, BUSINESS, ErasureReason.REQUESTED))
                .expectEvents(new CustomerErased(ADA, BUSINESS, ErasureReason.REQUESTED, NOW))
                .expectRevision(1);
        world.when(new EraseCustomer(ADA, BUSINESS, ErasureReason.RETENTION))
                .expectNoEvents()
                .expectRevision(1);
    }

    @Test
    void erasingACustomerWithPreferencesForgetsThem() {
        given(new CustomerPreferencesSet(ADA, BUSINESS, VIENNA, "de-AT", ContactChannel.EMAIL, NOW.minusSeconds(60)))
                .when(new EraseCustomer(ADA, BUSINESS, ErasureReason.RETENTION))
                .expectEvents(new CustomerErased(ADA, BUSINESS, ErasureReason.RETENTION, NOW))
                .expectRevision(2);
    }

    @Test
    void anErasedCustomerTakesNoPreferences() {
        given(new CustomerErased(ADA, BUSINESS, ErasureReason.REQUESTED, NOW.minusSeconds(60)))
                .when(new SetCustomerPreferences(ADA, BUSINESS, VIENNA, null, null))
                .expectException(ErrorCode.CUSTOMER_NOT_FOUND);
    }

    @Test
    void anotherBusinessNeverReachesTheCustomer() {
        given(new CustomerPreferencesSet(ADA, BUSINESS, VIENNA, "de-AT", ContactChannel.EMAIL, NOW.minusSeconds(60)));
        world.when(new SetCustomerPreferences(ADA, OTHER_BUSINESS, null, "en", null))
                .expectException(ErrorCode.CUSTOMER_NOT_FOUND);
        world.when(new EraseCustomer(ADA, OTHER_BUSINESS, ErasureReason.REQUESTED))
                .expectException(ErrorCode.CUSTOMER_NOT_FOUND);
    }
}

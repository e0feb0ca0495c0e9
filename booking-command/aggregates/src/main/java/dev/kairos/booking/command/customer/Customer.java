package dev.kairos.booking.command.customer;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.customer.ContactChannel;
import dev.kairos.booking.customer.CustomerErased;
import dev.kairos.booking.customer.CustomerPreferencesSet;
import dev.kairos.booking.customer.EraseCustomer;
import dev.kairos.booking.customer.SetCustomerPreferences;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer of a business as the command side knows them: their preferences and whether their personal data was
 * erased. It holds no personal data (name, email and phone live, encrypted, in the booking events). It comes to be
 * with the first command about the customer; an erased customer takes no more preferences, and erasing them again
 * changes nothing.
 */
@Aggregate
public class Customer {
    @AggregateIdentifier
    private String id;
    private BusinessId businessId;
    private Preferences preferences = Preferences.NONE;
    private boolean erased;
    private long revision;

    protected Customer() {
    }

    /** A new customer whose first command sets preferences. */
    static Customer preferring(SetCustomerPreferences command, Instant now) {
        Customer customer = new Customer();
        customer.setPreferences(command, now);
        return customer;
    }

    /** A new customer whose first command erases them (they only ever booked). */
    static Customer erasing(EraseCustomer command, Instant now) {
        Customer customer = new Customer();
        customer.erase(command, now);
        return customer;
    }

    void setPreferences(SetCustomerPreferences command, Instant now) {
        checkBusiness(command.businessId());
        BookingException.require(!erased, ErrorCode.CUSTOMER_NOT_FOUND,
                () -> "customer not found: " + command.customerId() + " (erased)");
        Preferences wanted = preferences.with(command.timeZone(), Preferences.language(command.language()), command.channel());
        if (!wanted.equals(preferences)) {
            apply(new CustomerPreferencesSet(command.customerId(), command.businessId(), wanted.timeZone(), wanted.language(),
                    wanted.channel(), now));
        }
    }

    void erase(EraseCustomer command, Instant now) {
        checkBusiness(command.businessId());
        if (!erased) {
            apply(new CustomerErased(command.customerId(), command.businessId(), command.reason(), now));
        }
    }

    long revision() {
        return revision;
    }

    /** A customer id belongs to one business (it is derived from it): another business never reaches it. */
    private void checkBusiness(BusinessId wanted) {
        BookingException.require(businessId == null || businessId.equals(wanted), ErrorCode.CUSTOMER_NOT_FOUND,
                () -> "customer not found: " + id);
    }

    @EventSourcingHandler
    void on(CustomerPreferencesSet event) {
        id = event.customerId().toString();
        businessId = event.businessId();
        preferences = new Preferences(event.timeZone(), event.language(), event.channel());
        revision++;
    }

    @EventSourcingHandler
    void on(CustomerErased event) {
        id = event.customerId().toString();
        businessId = event.businessId();
        preferences = Preferences.NONE;
        erased = true;
        revision++;
    }

    /** How the customer wants to be served; a field not set yet is {@code null}. */
    record Preferences(ZoneId timeZone, String language, ContactChannel channel) {
        static final Preferences NONE = new Preferences(null, null, null);

        Preferences {
            BookingException.require(timeZone == null || ZoneId.getAvailableZoneIds().contains(timeZone.getId()),
                    ErrorCode.INVALID_TIME_ZONE, () -> "unknown time zone " + timeZone + "; use an IANA zone name such as Europe/Berlin");
        }

        /** These preferences with every given field replaced; a {@code null} keeps the field as it is. */
        Preferences with(ZoneId zone, String lang, ContactChannel ch) {
            return new Preferences(zone != null ? zone : timeZone, lang != null ? lang : language, ch != null ? ch : channel);
        }

        /**
         * A well-formed IETF BCP 47 language tag in its canonical form ({@code de-at} becomes {@code de-AT});
         * {@code null} stays {@code null}. Rejects anything else, and the undetermined tag {@code und}.
         */
        static String language(String tag) {
            if (tag == null) {
                return null;
            }
            String canonical = java.util.Locale.forLanguageTag(tag.trim()).toLanguageTag();
            BookingException.require(!tag.isBlank() && tag.length() <= 35 && !"und".equals(canonical)
                            && canonical.equalsIgnoreCase(tag.trim()), ErrorCode.VALIDATION_FAILED,
                    () -> "language must be an IETF BCP 47 tag such as de-AT, not '" + tag + "'");
            return canonical;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Preferences p && Objects.equals(timeZone, p.timeZone) && Objects.equals(language, p.language)
                    && channel == p.channel;
        }

        @Override
        public int hashCode() {
            return Objects.hash(timeZone, language, channel);
        }
    }
}

package dev.kairos.booking.access;

import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.common.CustomerId;

import java.time.Instant;
import java.util.UUID;

/**
 * Something happened to who may reach a business: a login, a failed login, a refresh token used twice, a logout, a
 * role granted or taken away, an API key created, used or revoked, a signing key rotated. Kept for auditors.
 *
 * @param business the business concerned; {@code null} when none is known (a failed login for an unknown email)
 * @param user     the user concerned, if any
 * @param apiKey   the API key concerned, if any
 * @param type     what happened, one of {@link AuthenticationEventType}'s names in kebab case
 * @param detail   a short human-readable note; never a secret
 * @param ip       the client address the request came from, if there was a request
 * @param customerId for a customer's own account: the customer it is, whose personal data the client address is
 *                   (the store seals it with that customer's key, so erasing the customer erases it); null otherwise
 *                   and in events recorded before this field existed
 */
public record AuthenticationRecorded(UUID eventId, BusinessId business, UUID user, UUID apiKey, String type, String detail,
                                     String ip, Instant at, CustomerId customerId) {
}

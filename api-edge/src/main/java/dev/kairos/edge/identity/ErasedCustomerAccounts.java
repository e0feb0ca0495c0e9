package dev.kairos.edge.identity;

import dev.kairos.booking.calendar.CustomerDetails;
import dev.kairos.booking.common.BusinessId;
import dev.kairos.booking.customer.CustomerErased;
import dev.kairos.edge.access.Role;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the edge holds about a customer whose personal data was erased: their customer accounts in that business lose
 * the customer role and every session there; an account left with no role anywhere keeps only its id (email and name
 * replaced, password gone, so the address may sign up again); the authentication events of those accounts in the
 * business lose their client addresses and details; and stored idempotent answers of that business that name the
 * customer or their account (only answers of that business's scope are searched) lose their bodies, so a retry gets
 * the status without the data.
 * <p>
 * Runs with the customer read model, once per erasure: a rebuild of that read model does not run it again (an account
 * opened after the erasure stays).
 */
@Component
@ProcessingGroup("customers")
class ErasedCustomerAccounts {
    private final JdbcTemplate jdbc;
    private final Sessions sessions;

    ErasedCustomerAccounts(JdbcTemplate jdbc, Sessions sessions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
    }

    @EventHandler
    @DisallowReplay
    void on(CustomerErased event) {
        BusinessId business = event.businessId();
        UUID customer = event.customerId().id();
        List<byte[]> marks = new ArrayList<>(List.of(bytes(customer.toString())));
        List<String> scopes = new ArrayList<>();
        List<UUID> users = jdbc.queryForList("SELECT user_id FROM membership WHERE business_id = ? AND role = ? AND customer_id = ?",
                UUID.class, business.id(), Role.CUSTOMER.name(), customer);
        for (UUID user : users) {
            jdbc.queryForList("SELECT email FROM app_user WHERE user_id = ?", String.class, user).forEach(e -> marks.add(bytes(e)));
            marks.add(bytes(user.toString()));
            scopes.add(business.id() + "|user:" + user);
            sessions.revokeAll(user, business, "customer-erased");
            jdbc.update("DELETE FROM membership WHERE user_id = ? AND business_id = ? AND role = ?", user, business.id(), Role.CUSTOMER.name());
            jdbc.update("UPDATE auth_event_view SET ip = NULL, detail = NULL WHERE user_id = ? AND business_id = ?", user, business.id());
            boolean keeps = Boolean.TRUE.equals(jdbc.queryForObject("SELECT platform_admin OR EXISTS (SELECT 1 FROM membership m "
                    + "WHERE m.user_id = u.user_id) FROM app_user u WHERE u.user_id = ?", Boolean.class, user));
            if (!keeps) {
                jdbc.update("DELETE FROM refresh_token WHERE session_id IN (SELECT session_id FROM login_session WHERE user_id = ?)", user);
                jdbc.update("UPDATE app_user SET email = ?, name = ?, password_hash = NULL WHERE user_id = ?",
                        "erased-" + user + "@erased.invalid", CustomerDetails.ERASED_NAME, user);
            }
        }
        String prefix = business.id() + "|";
        for (byte[] mark : marks) {
            jdbc.update("UPDATE idempotency_record SET body = NULL WHERE starts_with(scope, ?) AND body IS NOT NULL "
                    + "AND position(? IN body) > 0", prefix, mark);
        }
        for (String scope : scopes) {
            jdbc.update("UPDATE idempotency_record SET body = NULL WHERE scope = ? AND body IS NOT NULL", scope);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

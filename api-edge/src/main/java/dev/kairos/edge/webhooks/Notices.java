package dev.kairos.edge.webhooks;

import dev.kairos.edge.access.Role;
import dev.kairos.edge.support.IdGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.kairos.edge.webhooks.Subscriptions.instant;

/**
 * What the business is told about its webhooks. A notice is always recorded (readable through the API) and logged;
 * when a mail server is configured ({@code spring.mail.host}) it is also emailed to the business's owners. A mail
 * that cannot be sent is recorded on the notice, never retried.
 */
@Component
class Notices {
    static final String SUBSCRIPTION_DISABLED = "subscription-disabled";
    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    record Notice(UUID id, UUID subscriptionId, String kind, String message, Instant createdAt, String emailedTo, String emailError) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final WebhookProperties properties;
    private final IdGenerator ids;
    private final Clock clock;

    Notices(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> mail, WebhookProperties properties, IdGenerator ids, Clock clock) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
    }

    /** Records, logs and (with a mail server) emails that {@code subscription} was disabled. */
    void subscriptionDisabled(Subscriptions.Subscription subscription, String reason) {
        UUID id = ids.next();
        String message = "The webhook " + subscription.id() + " to " + subscription.url() + " was disabled: " + reason
                + ". Events are not sent to it until it is enabled again (POST /api/v1/businesses/" + subscription.businessId()
                + "/webhooks/" + subscription.id() + "/enable); the events it missed can be read from the event feed.";
        jdbc.update("INSERT INTO webhook_notice (notice_id, business_id, subscription_id, kind, message, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, subscription.businessId(), subscription.id(), SUBSCRIPTION_DISABLED, message, Timestamp.from(clock.instant()));
        List<String> owners = jdbc.queryForList("SELECT u.email FROM membership m JOIN app_user u ON u.user_id = m.user_id "
                + "WHERE m.business_id = ? AND m.role = ? ORDER BY lower(u.email)", String.class, subscription.businessId(), Role.OWNER.name());
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || owners.isEmpty()) {
            log.warn("business {}: {} (not emailed: {})", subscription.businessId(), message,
                    sender == null ? "no mail server configured" : "the business has no owner");
            return;
        }
        SimpleMailMessage email = new SimpleMailMessage();
        email.setFrom(properties.mailFrom());
        email.setTo(owners.toArray(String[]::new));
        email.setSubject("Webhook disabled: " + subscription.url());
        email.setText(message + "\n\nReason: " + reason + "\n");
        try {
            sender.send(email);
            jdbc.update("UPDATE webhook_notice SET emailed_to = ? WHERE notice_id = ?", String.join(", ", owners), id);
            log.warn("business {}: {} (emailed to the owners)", subscription.businessId(), message);
        } catch (MailException e) {
            String error = String.valueOf(e.getMessage());
            jdbc.update("UPDATE webhook_notice SET email_error = ? WHERE notice_id = ?", error.substring(0, Math.min(500, error.length())), id);
            log.warn("business {}: {} (email failed: {})", subscription.businessId(), message, error);
        }
    }

    List<Notice> list(UUID businessId) {
        return jdbc.query("SELECT notice_id, subscription_id, kind, message, created_at, emailed_to, email_error FROM webhook_notice "
                        + "WHERE business_id = ? ORDER BY created_at DESC, notice_id LIMIT 100",
                (rs, i) -> new Notice(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5)), rs.getString(6), rs.getString(7)), businessId);
    }
}

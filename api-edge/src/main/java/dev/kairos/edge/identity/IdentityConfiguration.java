package dev.kairos.edge.identity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.kairos.booking.access.AuthenticationEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;

import java.time.Duration;

@Configuration
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    /** One node an hour: a new signing key when the newest is older than the rotation period; old keys forgotten. */
    @Bean
    RecurringTask<Void> rotateSigningKeys(SigningKeys keys, AuthEvents events, IdentityProperties properties) {
        return Tasks.recurring("rotate-signing-keys", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    if (keys.rotationDue()) {
                        String kid = keys.rotate(properties.publishAhead());
                        events.record(null, null, AuthenticationEventType.SIGNING_KEY_ROTATED, "scheduled, new key " + kid, null);
                    }
                    keys.purgeExpired();
                });
    }

    /** The first platform admin, from configuration, when no account has that email yet. */
    @Bean
    ApplicationRunner bootstrapAdmin(IdentityProperties properties, Accounts accounts, Passwords passwords) {
        return args -> {
            IdentityProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
            if (admin == null || !admin.configured() || accounts.byEmail(admin.email()).isPresent()) {
                return;
            }
            Passwords.requireAcceptable(admin.password(), admin.email());
            try {
                accounts.create(admin.email(), "Platform admin", passwords.hash(admin.password()), true);
                log.info("Platform admin {} created", admin.email());
            } catch (RuntimeException e) {
                if (!(e.getCause() instanceof DuplicateKeyException) && accounts.byEmail(admin.email()).isEmpty()) {
                    throw e;
                }
            }
        };
    }
}

package dev.kairos.edge.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Webhooks ({@code kairos.webhooks.*}).
 *
 * @param allowLoopback        whether subscriptions may name the engine's own host (tests, local set-ups)
 * @param allowedCidrs         internal address blocks that subscriptions may reach all the same (e.g. a company network)
 * @param httpHosts            hosts that may be called over plain http; every other URL needs https
 * @param maxSubscriptions     subscriptions per business
 * @param maxUrlLength         characters of a subscription's URL
 * @param connectTimeout       connecting to an endpoint
 * @param readTimeout          waiting for an endpoint's answer (its status line and headers)
 * @param pollInterval         how often a node looks for due deliveries
 * @param batchSize            deliveries a node claims at once
 * @param senders              deliveries a node sends at the same time
 * @param claimLease           how long a claimed delivery stays with its node before another may take it over (a
 *                             node that died mid-attempt); longer than connect plus read timeout
 * @param maxAttempts          attempts of the automatic schedule (the first and its retries)
 * @param retryBase            the first retry window; each next window doubles
 * @param retryCap             the widest retry window
 * @param responseSnippet      characters of an endpoint's answer kept in the delivery log
 * @param secretRotationGrace  how long the previous secret still signs after a rotation
 * @param mailFrom             the sender of the notices emailed to owners (when {@code spring.mail.host} is set)
 */
@ConfigurationProperties("kairos.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowLoopback,
                         @DefaultValue({}) List<String> allowedCidrs,
                         @DefaultValue({}) List<String> httpHosts,
                         @DefaultValue("10") int maxSubscriptions,
                         @DefaultValue("2048") int maxUrlLength,
                         @DefaultValue("3s") Duration connectTimeout,
                         @DefaultValue("10s") Duration readTimeout,
                         @DefaultValue("1s") Duration pollInterval,
                         @DefaultValue("20") int batchSize,
                         @DefaultValue("4") int senders,
                         @DefaultValue("2m") Duration claimLease,
                         @DefaultValue("15") int maxAttempts,
                         @DefaultValue("30s") Duration retryBase,
                         @DefaultValue("6h") Duration retryCap,
                         @DefaultValue("500") int responseSnippet,
                         @DefaultValue("24h") Duration secretRotationGrace,
                         @DefaultValue("kairos@localhost") String mailFrom) {
}

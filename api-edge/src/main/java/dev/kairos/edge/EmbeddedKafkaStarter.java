package dev.kairos.edge;

import dev.kairos.infra.LocalKafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * The local default for publication: when Kafka publication is on ({@code kairos.kafka.enabled}, default) and no
 * {@code kairos.kafka.bootstrap-servers} is configured, start a real Kafka broker from Maven artifacts in this JVM,
 * keeping its log in {@code kairos.kafka.embedded.data-dir} (default {@code ~/.kairos/kafka}), on
 * {@code kairos.kafka.embedded.port} (default 59092). The broker stops after every bean of the engine is gone, so
 * the publisher's last acknowledgements still reach it.
 */
class EmbeddedKafkaStarter implements ApplicationListener<SpringApplicationEvent> {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaStarter.class);
    private LocalKafka kafka;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            start(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent prepared && kafka != null) {
            // destroyed last: registered before any bean that uses it
            ((DefaultListableBeanFactory) prepared.getApplicationContext().getBeanFactory())
                    .registerDisposableBean("embeddedKafka", kafka::close);
        } else if (event instanceof ApplicationFailedEvent && kafka != null) {
            kafka.close();
        }
    }

    private void start(ConfigurableEnvironment env) {
        if (env.containsProperty("kairos.kafka.bootstrap-servers")
                || !env.getProperty("kairos.kafka.enabled", Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("kairos.kafka.embedded.data-dir",
                System.getProperty("user.home") + "/.kairos/kafka"));
        int port = env.getProperty("kairos.kafka.embedded.port", Integer.class, 59092);
        kafka = LocalKafka.start(dataDir, port);
        log.info("Embedded Kafka broker on {} with its log in {}", kafka.bootstrapServers(), dataDir);
        env.getPropertySources().addFirst(new MapPropertySource("embeddedKafka", Map.of(
                "kairos.kafka.bootstrap-servers", kafka.bootstrapServers())));
    }
}

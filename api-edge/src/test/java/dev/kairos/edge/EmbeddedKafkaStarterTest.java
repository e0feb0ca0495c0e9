package dev.kairos.edge;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runnable engine's local Kafka: started only when publication is on and no cluster is configured. */
class EmbeddedKafkaStarterTest {
    static {
        // the broker starts before any Spring logging configuration here
        for (String name : new String[]{"kafka", "org.apache.kafka", "state.change.logger"}) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                logger.setLevel(Level.WARN);
            }
        }
    }

    private final SpringApplication application = new SpringApplication(KairosApplication.class);

    private StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }

    private void prepare(EmbeddedKafkaStarter starter, StandardEnvironment environment) {
        starter.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), application, new String[0],
                environment));
    }

    @Test
    void noBrokerWhenAClusterIsConfiguredOrPublicationIsOff() {
        StandardEnvironment configured = environment(Map.of("kairos.kafka.bootstrap-servers", "kafka-1:9092"));
        prepare(new EmbeddedKafkaStarter(), configured);
        assertThat(configured.getPropertySources().contains("embeddedKafka")).isFalse();
        assertThat(configured.getProperty("kairos.kafka.bootstrap-servers")).isEqualTo("kafka-1:9092");

        StandardEnvironment off = environment(Map.of("kairos.kafka.enabled", "false"));
        prepare(new EmbeddedKafkaStarter(), off);
        assertThat(off.getProperty("kairos.kafka.bootstrap-servers")).isNull();
    }

    @Test
    void withoutAClusterARealBrokerStartsAndTheEngineIsPointedAtIt() throws Exception {
        Path dataDir = Files.createTempDirectory("embedded-kafka-starter").resolve("kafka");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StandardEnvironment environment = environment(Map.of("kairos.kafka.embedded.data-dir", dataDir.toString(),
                "kairos.kafka.embedded.port", port));
        EmbeddedKafkaStarter starter = new EmbeddedKafkaStarter();
        prepare(starter, environment);
        try {
            String servers = environment.getProperty("kairos.kafka.bootstrap-servers");
            assertThat(servers).isEqualTo("127.0.0.1:" + port);
            assertThat(dataDir.resolve("meta.properties")).exists();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
            }
        } finally {
            // an engine that fails to start takes its broker down with it
            starter.onApplicationEvent(new ApplicationFailedEvent(application, new String[0], null, new IllegalStateException("test")));
        }
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).isNotNull();
        }
        try (Stream<Path> paths = Files.walk(dataDir.getParent())) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

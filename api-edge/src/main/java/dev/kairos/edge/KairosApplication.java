package dev.kairos.edge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The booking engine. Without {@code spring.datasource.url} it starts its own embedded PostgreSQL, and without
 * {@code kairos.kafka.bootstrap-servers} its own embedded Kafka broker.
 */
@SpringBootApplication(scanBasePackages = "dev.kairos")
public class KairosApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(KairosApplication.class);
        app.addListeners(new EmbeddedPostgresStarter(), new EmbeddedKafkaStarter());
        app.run(args);
    }
}

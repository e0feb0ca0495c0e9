package dev.kairos.edge.feed;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.kairos.infra.LocalKafka;
import org.slf4j.LoggerFactory;

/** The one Kafka broker of this test JVM, started quietly (before Spring configures logging, the broker would log every step). */
final class TestBroker {
    private TestBroker() {
    }

    static LocalKafka shared() {
        for (String name : new String[]{"kafka", "org.apache.kafka", "state.change.logger"}) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                logger.setLevel(Level.WARN);
            }
        }
        return LocalKafka.shared();
    }
}

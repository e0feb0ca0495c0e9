package dev.kairos.benchmark;

import dev.kairos.edge.KairosApplication;
import dev.kairos.infra.LocalKafka;
import dev.kairos.infra.LocalPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kafka publication throughput: the engine in this JVM on a fresh PostgreSQL and a real Kafka broker (both from
 * Maven artifacts). With the publication group stopped, {@code --events} (default 100,000) events of a realistic
 * history are stored; the other streaming groups are stopped too, so the figure is publication's own. Then the group
 * is started and timed from its stored position until its committed token reaches the store's head, every record
 * acknowledged by the broker ({@code acks=all}, idempotent producer). The records in the topic are counted after.
 * <p>
 * {@code java -cp infra/benchmark/target/kairos-benchmark.jar -Dloader.main=dev.kairos.benchmark.KafkaPublicationBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [--events=N] [--batch-size=N] [--partitions=N]}
 */
public final class KafkaPublicationBenchmark {
    private static final String GROUP = "kafka-publication";
    private static final String TOPIC = "kairos.events";
    private static final int APPEND_BATCH = 5_000;

    private KafkaPublicationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = 100_000;
        int batchSize = 500;
        int partitions = 12;
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            switch (kv[0]) {
                case "events" -> events = Long.parseLong(kv[1]);
                case "batch-size" -> batchSize = Integer.parseInt(kv[1]);
                case "partitions" -> partitions = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("unknown option " + arg + " (--events, --batch-size, --partitions)");
            }
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        Path pgData = Files.createTempDirectory("kairos-kafka-bench-pg");
        try (LocalPostgres postgres = LocalPostgres.start(pgData, 0, false); LocalKafka kafka = LocalKafka.start(null, 0)) {
            postgres.createDatabase("kairos");
            Database database = new Database(postgres.jdbcUrl("kairos"), postgres.user(), "");
            try (ConfigurableApplicationContext engine = new SpringApplicationBuilder(KairosApplication.class).run(
                    "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                    "--spring.datasource.password=", "--server.port=0", "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN", "--kairos.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--kairos.kafka.topic=" + TOPIC, "--kairos.kafka.partitions=" + partitions,
                    "--kairos.privacy.master-key=" + EngineUnderTest.masterKey(), "--kairos.privacy.master-key-id=benchmark",
                    "--axon.eventhandling.processors." + GROUP + ".batch-size=" + batchSize)) {
                run(engine, database, kafka, events, batchSize, partitions);
            }
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext engine, Database database, LocalKafka kafka, long events, int batchSize,
                            int partitions) throws Exception {
        EventProcessingConfiguration processing = engine.getBean(EventProcessingConfiguration.class);
        StreamingEventProcessor publication = processing.eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
        processing.eventProcessors().values().forEach(p -> p.shutDown());
        long recordsBefore = records(kafka);
        long from = Math.max(0, position(database));

        System.out.printf("Storing %,d events with publication stopped%n", events);
        EventStorageEngine storage = engine.getBean(EventStorageEngine.class);
        TransactionTemplate transactions = new TransactionTemplate(engine.getBean(PlatformTransactionManager.class));
        FillerHistory history = new FillerHistory(events, SlotPattern.todayUtc());
        long appendStarted = System.nanoTime();
        while (history.hasNext()) {
            List<DomainEventMessage<?>> batch = new ArrayList<>(APPEND_BATCH);
            while (batch.size() < APPEND_BATCH && history.hasNext()) {
                batch.add(history.next());
            }
            transactions.executeWithoutResult(status -> storage.appendEvents(batch));
        }
        double appendSeconds = (System.nanoTime() - appendStarted) / 1e9;
        long head = database.queryLong("SELECT max(global_index) FROM domainevententry");
        long publicEvents = database.queryLong("SELECT count(*) FROM edge_event_feed WHERE global_index > " + from
                + " AND payload_type LIKE 'dev.kairos.booking.calendar.Appointment%'");
        System.out.printf("  stored %,d events in %.1f s; publishing from position %,d to %,d%n", head - from, appendSeconds, from, head);

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        publication.start();
        long lastReport = started;
        long at;
        while ((at = position(database)) < head) {
            Thread.sleep(20);
            if (System.nanoTime() - lastReport > Duration.ofSeconds(5).toNanos()) {
                lastReport = System.nanoTime();
                System.out.printf("  at %,d of %,d (%.0f s)%n", at, head, (lastReport - started) / 1e9);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        double load = os.getSystemLoadAverage();
        long published = records(kafka) - recordsBefore;
        System.out.println();
        System.out.println("Kafka publication (one segment, batch " + batchSize + ", " + partitions + " partitions, acks=all, idempotent)");
        System.out.printf("  stored events processed   %,12d%n", head - from);
        System.out.printf("  records published         %,12d  (appointment events stored: %,d)%n", published, publicEvents);
        System.out.printf("  from position to head    %12.2f s  (token committed at the head)%n", seconds);
        System.out.printf("  stored events/s           %,12.0f%n", (head - from) / seconds);
        System.out.printf("  published records/s       %,12.0f%n", published / seconds);
        System.out.printf("  JVM CPU (engine + broker) %12.2f s = %.0f µs per stored event; machine load average %.1f on %d cores%n",
                cpuSeconds, cpuSeconds * 1e6 / (head - from), load, os.getAvailableProcessors());
    }

    /** The committed position of the publication group (a replay token while it catches up). */
    private static long position(Database database) throws Exception {
        return database.queryLong("""
                SELECT coalesce(max(coalesce((t -> 'currentToken' ->> 'index')::bigint, (t ->> 'index')::bigint)), -1)
                FROM (SELECT convert_from(token, 'UTF8')::jsonb AS t FROM tokenentry
                      WHERE processor_name = '%s' AND token IS NOT NULL) tokens""".formatted(GROUP));
    }

    private static long records(LocalKafka kafka) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            return consumer.endOffsets(partitions, Duration.ofSeconds(30)).entrySet().stream()
                    .mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
        }
    }
}

package dev.kairos.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real Kafka broker (KRaft, one node acting as broker and controller) started from Maven artifacts in this JVM: no
 * installation needed. The log directory is formatted once with Kafka's {@code StorageTool} ({@code --standalone});
 * a broker stopped with {@link #stop()} starts again with {@link #start()} on the same ports and log directory, with
 * every acknowledged record still there. Used as the engine's local default, by the tests and by the benchmark.
 */
public final class LocalKafka implements AutoCloseable {
    private static final String CLIENT_PORT = "kairos.client.port";
    private static final String CONTROLLER_PORT = "kairos.controller.port";
    private static LocalKafka shared;

    private final Path logDirectory;
    private final Path configFile;
    private final int port;
    private final int controllerPort;
    private final Path throwAway;
    private KafkaRaftServer server;

    private LocalKafka(Path logDirectory, int port, int controllerPort, Path throwAway) {
        this.throwAway = throwAway;
        this.logDirectory = logDirectory;
        this.configFile = logDirectory.resolveSibling(logDirectory.getFileName() + ".properties");
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker, formatting its log directory first when it holds no broker yet.
     *
     * @param logDirectory where the broker keeps its logs; {@code null} for a throw-away directory (deleted by
     *                     {@link #close()})
     * @param port         the client port on 127.0.0.1, 0 for any free one
     */
    public static LocalKafka start(Path logDirectory, int port) {
        try {
            Path throwAway = logDirectory == null ? Files.createTempDirectory("kairos-kafka") : null;
            Path directory = logDirectory != null ? logDirectory : throwAway.resolve("logs");
            Files.createDirectories(directory);
            // the controller keeps its address in the formatted log: a broker on a kept directory keeps its ports
            Path configFile = directory.resolveSibling(directory.getFileName() + ".properties");
            Properties previous = new Properties();
            if (Files.exists(configFile) && Files.exists(directory.resolve("meta.properties"))) {
                try (var in = Files.newBufferedReader(configFile)) {
                    previous.load(in);
                }
            }
            int clientPort = port > 0 ? port : Integer.parseInt(previous.getProperty(CLIENT_PORT, String.valueOf(freePort())));
            int controllerPort = Integer.parseInt(previous.getProperty(CONTROLLER_PORT, String.valueOf(freePort())));
            LocalKafka kafka = new LocalKafka(directory, clientPort, controllerPort, throwAway);
            kafka.writeConfig();
            kafka.formatIfNew();
            kafka.start();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded Kafka broker", e);
        }
    }

    /** One throw-away broker per JVM, for tests. */
    public static synchronized LocalKafka shared() {
        if (shared == null) {
            shared = start(null, 0);
            LocalKafka started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-kafka-stop"));
        }
        return shared;
    }

    /** Starts the broker again after {@link #stop()}: same ports, same log directory. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(configFile)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.remove(CLIENT_PORT);
        properties.remove(CONTROLLER_PORT);
        KafkaRaftServer started = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
        try {
            started.startup();
        } catch (RuntimeException e) {
            started.shutdown();
            started.awaitShutdown();
            throw new IllegalStateException("the embedded Kafka broker did not start on port " + port, e);
        }
        server = started;
    }

    /** Stops the broker (clients see it gone until {@link #start()}); its log directory stays. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    /** Stops the broker for good; a throw-away log directory is deleted. */
    @Override
    public void close() {
        stop();
        if (throwAway != null) {
            try (Stream<Path> paths = Files.walk(throwAway)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void writeConfig() throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDirectory.toString());
        // one node: the internal topics cannot have more replicas than that
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // topics are created by whoever owns them, with the partitions they ask for
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        p.setProperty("log.cleaner.threads", "1");
        // as Kafka's defaults: the operating system flushes, acknowledged records survive a broker (process) restart
        p.setProperty(CLIENT_PORT, String.valueOf(port));
        p.setProperty(CONTROLLER_PORT, String.valueOf(controllerPort));
        try (Writer out = Files.newBufferedWriter(configFile)) {
            p.store(out, "embedded Kafka broker");
        }
    }

    private void formatIfNew() {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(new String[]{"format", "--cluster-id", Uuid.randomUuid().toString(),
                    "--config", configFile.toString(), "--standalone"}, print);
        }
        if (status != 0) {
            throw new IllegalStateException("could not format the Kafka log directory " + logDirectory + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}

package dev.kairos.edge.sso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Keycloak (the distribution the build unpacks from Maven Central into {@code target/keycloak}) run as a
 * separate process on loopback, with the realm of {@code sso/keycloak-realm.json}. Needs Java 21 or later: the JDK of
 * {@code keycloak.java.home}, else the newest such JDK under /usr/lib/jvm, else the one of {@code JAVA_HOME}.
 */
final class Keycloak implements AutoCloseable {
    static final String REALM = "kairos";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password";
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final long startMillis;

    private Keycloak(Process process, int port, long startMillis) {
        this.process = process;
        this.port = port;
        this.startMillis = startMillis;
    }

    static Keycloak start() throws Exception {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.4.2")).toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home + " (the build's process-test-resources phase does it)");
        }
        // a fresh realm every run: dev mode keeps its database under data/
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(data.resolve("import"));
        try (var realm = Keycloak.class.getResourceAsStream("/sso/keycloak-realm.json")) {
            Files.copy(realm, data.resolve("import/kairos-realm.json"));
        }
        int port = freePort();
        int management = freePort();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + management,
                "--hostname-strict=false", "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(home.getParent().resolve("keycloak.log").toFile());
        javaHome().ifPresent(jdk -> builder.environment().put("JAVA_HOME", jdk.toString()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
        builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        long started = System.nanoTime();
        Process process = builder.start();
        Keycloak keycloak = new Keycloak(process, port, 0);
        // never outlive the tests, even when they end abruptly
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close));
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!keycloak.ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped; see " + home.getParent().resolve("keycloak.log"));
            }
            if (System.nanoTime() > deadline) {
                keycloak.close();
                throw new IllegalStateException("Keycloak did not start within 180 s");
            }
            Thread.sleep(250);
        }
        return new Keycloak(process, port, (System.nanoTime() - started) / 1_000_000);
    }

    /** {@code keycloak.java.home}, else the newest JDK of 21 or later under /usr/lib/jvm; none: the inherited JAVA_HOME. */
    private static java.util.Optional<Path> javaHome() throws IOException {
        String configured = System.getProperty("keycloak.java.home");
        if (configured != null && !configured.isBlank()) {
            return java.util.Optional.of(Path.of(configured));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> jdks = Files.list(jvms)) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")) && feature(jdk) >= 21)
                    .max(Comparator.comparingInt(Keycloak::feature));
        }
    }

    /** The feature release of a JDK, from its {@code release} file (0 when unknown). */
    private static int feature(Path jdk) {
        try {
            Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(jdk.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/saml/descriptor")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String realmUrl() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    String entityId() {
        return realmUrl();
    }

    String ssoUrl() {
        return realmUrl() + "/protocol/saml";
    }

    /** The realm's signing certificate in PEM, from its SAML IdP metadata. */
    String signingCertificatePem() {
        String descriptor = send(HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/saml/descriptor")).GET()).body();
        Matcher m = Pattern.compile("<(?:ds:)?X509Certificate>([^<]+)</(?:ds:)?X509Certificate>").matcher(descriptor);
        if (!m.find()) {
            throw new IllegalStateException("no certificate in " + descriptor);
        }
        return "-----BEGIN CERTIFICATE-----\n" + m.group(1).trim() + "\n-----END CERTIFICATE-----\n";
    }

    /** Registers a SAML client (a service provider) through the admin REST API. */
    void registerSamlClient(String entityId, String acs, boolean signAssertions, boolean signDocuments) {
        String token = adminToken();
        String client = """
                {"clientId":"%s","protocol":"saml","enabled":true,"redirectUris":["%s"],"frontchannelLogout":false,
                 "attributes":{"saml.server.signature":"%s","saml.assertion.signature":"%s","saml.client.signature":"false",
                   "saml.encrypt":"false","saml.authnstatement":"true","saml.signature.algorithm":"RSA_SHA256",
                   "saml_signature_canonicalization_method":"http://www.w3.org/2001/10/xml-exc-c14n#",
                   "saml_name_id_format":"email","saml_force_name_id_format":"true",
                   "saml_assertion_consumer_url_post":"%s","saml.assertion.lifespan":"300"},
                 "protocolMappers":[%s,%s,%s]}"""
                .formatted(entityId, acs, signDocuments, signAssertions, acs,
                        mapper("email", "email"), mapper("firstName", "firstName"), mapper("lastName", "lastName"));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/realms/" + REALM + "/clients"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client)));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused the client: " + created.statusCode() + " " + created.body());
        }
    }

    private static String mapper(String property, String attribute) {
        return """
                {"name":"%s","protocol":"saml","protocolMapper":"saml-user-property-mapper",
                 "config":{"user.attribute":"%s","attribute.name":"%s","attribute.nameformat":"Basic","friendly.name":"%s"}}"""
                .formatted(attribute, property, attribute, attribute);
    }

    private String adminToken() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=" + ADMIN
                        + "&password=" + ADMIN_PASSWORD)));
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no admin token: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            process.waitFor();
            for (ProcessHandle child : children) {
                child.onExit().get();
            }
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}

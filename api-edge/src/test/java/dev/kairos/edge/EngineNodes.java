package dev.kairos.edge;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Engine instances of their own on one database, for tests with several nodes or restarts: each a whole engine with
 * the clock fixed at {@link EngineTest#NOW}, on a free port, quiet logs, deadlines polled every {@code pollEvery}.
 */
final class EngineNodes {
    private EngineNodes() {
    }

    /** Starts a node on {@code url}; {@code settings} are further {@code --name=value} arguments. */
    static ConfigurableApplicationContext start(String url, String pollEvery, String... settings) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--server.port=0", "--logging.level.root=WARN",
                "--db-scheduler.polling-interval=" + pollEvery,
                "--kairos.identity.bootstrap-admin.email=" + EngineTest.ADMIN_EMAIL,
                "--kairos.identity.bootstrap-admin.password=" + EngineTest.ADMIN_PASSWORD,
                "--kairos.rate-limits.per-ip.capacity=" + EngineTest.GENEROUS_BUDGET,
                "--kairos.rate-limits.per-user.capacity=" + EngineTest.GENEROUS_BUDGET,
                "--kairos.rate-limits.per-api-key.capacity=" + EngineTest.GENEROUS_BUDGET,
                "--kairos.privacy.master-key=" + EngineTest.MASTER_KEY, "--kairos.privacy.master-key-id=test-1"));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(KairosApplication.class, EngineTest.FixedClock.class).run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
    }
}

package dev.kairos.edge.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/permissions.md: written from {@link Permissions#all()}, and read back as rows by the tests that call every
 * endpoint as every role. Run {@link #main} (or {@code PermissionTableTest} with {@value #WRITE}) to rewrite it.
 */
public final class PermissionTable {
    /** The system property that makes {@code PermissionTableTest} rewrite the file instead of comparing it. */
    public static final String WRITE = "kairos.permissions.write";
    public static final String REGENERATE = "./mvnw -q -pl api-edge -am test -Dtest=PermissionTableTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true";
    static final String NO_KEY = "—";
    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) ([^`]+)` \\|(.*)\\|\\s*$");

    /** What a role (or an API key) may do at an endpoint. */
    public enum Access { YES, OWN, NO, OPEN;

        String cell() {
            return name().toLowerCase();
        }

        static Access of(String cell) {
            return Arrays.stream(values()).filter(a -> a.cell().equals(cell)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not an access: '" + cell + "'"));
        }
    }

    /**
     * One endpoint.
     *
     * @param scope what an API key needs; {@code null}: no API key may call it
     * @param roles by role, in the order of {@link Role}
     */
    public record Row(String method, String path, String scope, Map<Role, Access> roles) {
        public String endpoint() {
            return method + " " + path;
        }

        public boolean open() {
            return roles.values().stream().allMatch(a -> a == Access.OPEN);
        }

        /** Only platform admins may call it. */
        public boolean platformOnly() {
            return roles.entrySet().stream().allMatch(e -> (e.getKey() == Role.PLATFORM_ADMIN) == (e.getValue() == Access.YES));
        }

        public Access of(Role role) {
            return roles.get(role);
        }

        @Override
        public String toString() {
            return endpoint();
        }
    }

    private PermissionTable() {
    }

    public static void main(String[] args) {
        write(locate());
        System.out.println("wrote " + locate());
    }

    /** The table as the code has it. */
    public static String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Permissions\n\n")
                .append("Who may call each endpoint of the API. This file is generated from\n")
                .append("`api-edge/src/main/java/dev/kairos/edge/access/Permissions.java`, the one place access rules are written,\n")
                .append("and `PermissionTableTest` fails when the two differ. Regenerate it with\n\n")
                .append("    ").append(REGENERATE).append("\n\n")
                .append("The access matrix test calls every endpoint below as every role and checks the answer against this table;\n")
                .append("another test fails when the API has an endpoint without a row, or a row without an endpoint.\n\n")
                .append("- `yes`: on anything of the caller's business (a platform admin: of any business, named in the path or in the\n")
                .append("  `X-Business-Id` header).\n")
                .append("- `own`: only on the caller's own: a staff member's calendar with its appointments, holds, series, time off\n")
                .append("  and day overrides; a customer's own appointments and customer record. Someone else's is answered 404 as if it\n")
                .append("  did not exist, or 403 `access-denied` when the request names someone else in its body.\n")
                .append("- `no`: refused with 403 `access-denied`.\n")
                .append("- `open`: needs no authentication (signing in, discovery, customers' signed manage-booking links).\n")
                .append("- API key scope: what an API key must carry to call the endpoint; `").append(NO_KEY).append("`: no API key may.\n\n")
                .append("A business named in the path or in `X-Business-Id` that is not the caller's own is answered 404, whatever the\n")
                .append("role. An endpoint without a rule is refused to everyone but platform admins.\n\n");
        out.append("| Endpoint | API key scope |");
        for (Role role : Role.values()) {
            out.append(' ').append(role.claim()).append(" |");
        }
        out.append("\n|---|---|");
        out.append("---|".repeat(Role.values().length)).append('\n');
        Permissions.all().forEach((endpoint, rule) -> {
            out.append("| `").append(endpoint).append("` | ")
                    .append(rule.open() ? Access.OPEN.cell() : rule.scope() == null ? NO_KEY : "`" + rule.scope().value() + "`")
                    .append(" |");
            for (Role role : Role.values()) {
                out.append(' ').append(access(rule, role).cell()).append(" |");
            }
            out.append('\n');
        });
        return out.toString();
    }

    private static Access access(Permissions.Rule rule, Role role) {
        if (rule.open()) {
            return Access.OPEN;
        }
        if (role == Role.PLATFORM_ADMIN) {
            return Access.YES;
        }
        Permissions.Reach reach = rule.reach().get(role);
        return reach == null ? Access.NO : reach == Permissions.Reach.OWN ? Access.OWN : Access.YES;
    }

    /** The rows of a permission table in markdown, as {@link #render()} writes it. */
    public static List<Row> parse(String markdown) {
        List<Row> rows = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String[] cells = m.group(3).split("\\|", -1);
            if (cells.length != Role.values().length + 1) {
                throw new IllegalArgumentException("a row has a scope and one cell per role: " + line);
            }
            String scope = cells[0].trim();
            Map<Role, Access> roles = new LinkedHashMap<>();
            for (Role role : Role.values()) {
                roles.put(role, Access.of(cells[role.ordinal() + 1].trim()));
            }
            rows.add(new Row(m.group(1), m.group(2), scope.equals(NO_KEY) || scope.equals(Access.OPEN.cell())
                    ? null : scope.replace("`", ""), Map.copyOf(roles)));
        }
        return rows;
    }

    /** The rows of docs/permissions.md. */
    public static List<Row> documented() {
        return parse(read(locate()));
    }

    public static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path docs = dir.resolve("docs");
            if (Files.isRegularFile(docs.resolve("architecture.md"))) {
                return docs.resolve("permissions.md");
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no docs/ folder above " + Path.of("").toAbsolutePath());
    }

    static Optional<String> current(Path file) {
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    static void write(Path file) {
        try {
            Files.writeString(file, render());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

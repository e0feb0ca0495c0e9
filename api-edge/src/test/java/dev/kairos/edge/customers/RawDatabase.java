package dev.kairos.edge.customers;

import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Looks for strings in everything a database holds, two ways: every value of every column of every table as
 * PostgreSQL returns it (bytea as its raw bytes), and the bytes of the database's own files on disk after the
 * tables were rewritten (VACUUM FULL drops old row versions) and flushed (CHECKPOINT).
 */
final class RawDatabase {
    private final JdbcTemplate jdbc;

    RawDatabase(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where each needle occurs, as "table.column" (case-insensitive), over every stored value. */
    List<String> valuesContaining(List<String> needles) {
        List<String> found = new ArrayList<>();
        List<String[]> columns = jdbc.query("""
                        SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                        ORDER BY c.table_name, c.ordinal_position""",
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
        for (String[] column : columns) {
            String value = "bytea".equals(column[2])
                    ? "encode(\"%s\", 'escape')".formatted(column[1]) : "\"%s\"::text".formatted(column[1]);
            for (String needle : needles) {
                Long hits = jdbc.queryForObject("SELECT count(*) FROM \"%s\" WHERE strpos(lower(%s), ?) > 0"
                        .formatted(column[0], value), Long.class, needle.toLowerCase(Locale.ROOT));
                if (hits != null && hits > 0) {
                    found.add(column[0] + "." + column[1] + " contains " + needle);
                }
            }
        }
        return found;
    }

    /** Which of the database's files on disk hold any needle's bytes, after the tables are rewritten and flushed. */
    List<String> filesContaining(List<String> needles) {
        jdbc.execute("VACUUM FULL");
        jdbc.execute("CHECKPOINT");
        Path dataDirectory = Path.of(jdbc.queryForObject("SHOW data_directory", String.class));
        Long database = jdbc.queryForObject("SELECT oid FROM pg_database WHERE datname = current_database()", Long.class);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dataDirectory.resolve("base").resolve(String.valueOf(database)))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (String needle : needles) {
                    if (indexOf(bytes, needle.getBytes(StandardCharsets.UTF_8)) >= 0) {
                        found.add(file.getFileName() + " contains " + needle);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

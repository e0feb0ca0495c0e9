package dev.kairos.edge.support;

import dev.kairos.booking.common.ErrorCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The error-code table in docs/architecture.md lists every code of the catalogue under the status the edge answers. */
class ErrorCodesDocumentedTest {
    private static final Pattern ROW = Pattern.compile("^\\| (\\d{3}) \\| (.*) \\|$", Pattern.MULTILINE);

    @Test
    void everyCodeIsDocumentedUnderItsStatus() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "architecture.md"));
        String table = docs.substring(docs.indexOf("### Error codes"));
        java.util.Map<String, Integer> documented = new java.util.HashMap<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            Matcher code = Pattern.compile("`([a-z0-9-]+)`").matcher(row.group(2));
            while (code.find()) {
                documented.put(code.group(1), Integer.parseInt(row.group(1)));
            }
        }
        assertThat(Arrays.stream(ErrorCode.values()))
                .allSatisfy(code -> assertThat(documented.get(code.code()))
                        .as("status of `%s` in the error-code table of docs/architecture.md", code.code())
                        .isEqualTo(Problems.statusOf(code).value()));
    }
}

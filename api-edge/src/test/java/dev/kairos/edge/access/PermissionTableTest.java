package dev.kairos.edge.access;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/permissions.md is the code's table, and reads back as the same rules. */
class PermissionTableTest {
    @Test
    void theDocumentedTableIsTheCodesTable() {
        Path file = PermissionTable.locate();
        if (Boolean.getBoolean(PermissionTable.WRITE)) {
            PermissionTable.write(file);
        }
        assertThat(PermissionTable.current(file).orElse(""))
                .as("docs/permissions.md differs from Permissions.java; regenerate it with:\n    " + PermissionTable.REGENERATE)
                .isEqualTo(PermissionTable.render());
    }

    @Test
    void everyRuleReadsBackFromTheTable() {
        List<PermissionTable.Row> rows = PermissionTable.parse(PermissionTable.render());
        assertThat(rows).extracting(PermissionTable.Row::endpoint).containsExactlyElementsOf(Permissions.all().keySet());
        for (PermissionTable.Row row : rows) {
            Permissions.Rule rule = Permissions.all().get(row.endpoint());
            assertThat(row.open()).as(row.endpoint()).isEqualTo(rule.open());
            assertThat(row.scope()).as(row.endpoint()).isEqualTo(rule.scope() == null ? null : rule.scope().value());
            rule.reach().forEach((role, reach) -> assertThat(row.of(role)).as(row.endpoint() + " " + role)
                    .isEqualTo(reach == Permissions.Reach.OWN ? PermissionTable.Access.OWN : PermissionTable.Access.YES));
            row.roles().forEach((role, access) -> {
                if (access == PermissionTable.Access.NO) {
                    assertThat(rule.reach()).as(row.endpoint() + " " + role).doesNotContainKey(role);
                }
            });
        }
        PermissionTable.Row members = rows.stream().filter(r -> r.endpoint().equals("GET /api/v1/businesses/{businessId}/members"))
                .findFirst().orElseThrow();
        assertThat(members.scope()).isEqualTo("access:manage");
        assertThat(members.roles()).containsAllEntriesOf(Map.of(Role.PLATFORM_ADMIN, PermissionTable.Access.YES,
                Role.OWNER, PermissionTable.Access.YES, Role.STAFF, PermissionTable.Access.NO));
    }
}

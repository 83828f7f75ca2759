package org.nianbao.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.testsupport.PostgresTestResource;

/**
 * Migration V3_1 loads its own frozen copy of the catalogue; the rows it loaded must still be the
 * live catalogue's (the typed report tables' foreign keys and the rollup arrays' positions depend
 * on it).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class CatalogueMigrationTest {

  @Inject DataSource dataSource;

  @Test
  void theLoadedCellAndRowTablesAreTheLiveCatalogue() throws SQLException {
    for (FormatVersion version : FormatVersion.values()) {
      List<String> expectedCells = new ArrayList<>();
      Set<String> rowKeys = new LinkedHashSet<>();
      List<String> expectedRows = new ArrayList<>();
      for (CellDefinition c : Catalogue.of(version).cells()) {
        expectedCells.add(
            String.join(
                "|",
                c.key(),
                String.valueOf(c.index()),
                String.valueOf(c.section()),
                c.rowKey(),
                c.columnKey(),
                c.rowLabel(),
                c.columnLabel(),
                c.type().name(),
                c.total() ? "t" : "f",
                c.unit()));
        if (rowKeys.add(c.section() + "|" + c.rowKey())) {
          expectedRows.add(c.section() + "|" + c.rowKey() + "|" + expectedRows.size());
        }
      }
      assertThat(
              rows(
                  version,
                  """
          SELECT concat_ws('|', cell_key, position, section, row_key, column_key, row_label, column_label,
                           value_type, is_total, unit)
            FROM cell_def WHERE format_version = ? ORDER BY position"""))
          .as(version.name())
          .containsExactlyElementsOf(expectedCells);
      assertThat(
              rows(
                  version,
                  """
          SELECT concat_ws('|', section, row_key, position) FROM row_def WHERE format_version = ?
           ORDER BY position"""))
          .as(version.name())
          .containsExactlyElementsOf(expectedRows);
    }
  }

  private List<String> rows(FormatVersion version, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, version.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}

package db.migration;

import java.sql.PreparedStatement;
import java.util.LinkedHashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.FormatVersion;

/** Loads both cell catalogues into {@code cell_def} and their table rows into {@code row_def}. */
public class V3_1__load_cell_catalogue extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    try (PreparedStatement cell =
            context
                .getConnection()
                .prepareStatement(
                    "INSERT INTO cell_def (format_version, cell_key, position, section, row_key, column_key,"
                        + " row_label, column_label, value_type, is_total, unit)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement row =
            context
                .getConnection()
                .prepareStatement(
                    "INSERT INTO row_def (format_version, section, row_key, position) VALUES (?, ?, ?, ?)")) {
      for (FormatVersion version : FormatVersion.values()) {
        Set<String> rows = new LinkedHashSet<>();
        for (CellDefinition c : Catalogue.of(version).cells()) {
          cell.setString(1, version.name());
          cell.setString(2, c.key());
          cell.setInt(3, c.index());
          cell.setInt(4, c.section());
          cell.setString(5, c.rowKey());
          cell.setString(6, c.columnKey());
          cell.setString(7, c.rowLabel());
          cell.setString(8, c.columnLabel());
          cell.setString(9, c.type().name());
          cell.setBoolean(10, c.total());
          cell.setString(11, c.unit());
          cell.addBatch();
          if (rows.add(c.section() + "|" + c.rowKey())) {
            row.setString(1, version.name());
            row.setInt(2, c.section());
            row.setString(3, c.rowKey());
            row.setInt(4, rows.size() - 1);
            row.addBatch();
          }
        }
      }
      cell.executeBatch();
      row.executeBatch();
    }
  }
}

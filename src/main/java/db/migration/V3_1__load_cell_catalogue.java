package db.migration;

import java.sql.PreparedStatement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads both cell catalogues into {@code cell_def} and their table rows into {@code row_def}, from
 * this migration's frozen copies of the catalogue ({@code db/data/cells-2019.csv}, {@code
 * cells-2021.csv}). A cell is {@code section.row.column}; its position is its line in the file, a
 * row's position its first appearance.
 */
public class V3_1__load_cell_catalogue extends BaseJavaMigration {

  private static final List<String[]> FORMATS =
      List.of(
          new String[] {"FMT2019", "/db/data/cells-2019.csv"},
          new String[] {"FMT2021", "/db/data/cells-2021.csv"});

  @Override
  public void migrate(Context context) throws Exception {
    try (PreparedStatement cell =
            context
                .getConnection()
                .prepareStatement(
                    """
                    INSERT INTO cell_def (format_version, cell_key, position, section, row_key, column_key,
                                          row_label, column_label, value_type, is_total, unit)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        PreparedStatement row =
            context
                .getConnection()
                .prepareStatement(
                    "INSERT INTO row_def (format_version, section, row_key, position) VALUES (?, ?, ?, ?)")) {
      for (String[] format : FORMATS) {
        String version = format[0];
        Set<String> rows = new LinkedHashSet<>();
        int position = 0;
        for (String[] f : FrozenCsv.rows(format[1], 7)) {
          String key = f[0];
          int section = Integer.parseInt(f[1]);
          String rowKey = key.substring(key.indexOf('.') + 1, key.lastIndexOf('.'));
          String columnKey = key.substring(key.lastIndexOf('.') + 1);
          String unit = f[6].contains(" ") ? f[6].substring(0, f[6].indexOf(' ')) : f[6];
          cell.setString(1, version);
          cell.setString(2, key);
          cell.setInt(3, position++);
          cell.setInt(4, section);
          cell.setString(5, rowKey);
          cell.setString(6, columnKey);
          cell.setString(7, f[2]);
          cell.setString(8, f[3]);
          cell.setString(9, f[4]);
          cell.setBoolean(10, "Y".equals(f[5]));
          cell.setString(11, unit);
          cell.addBatch();
          if (rows.add(section + "|" + rowKey)) {
            row.setString(1, version);
            row.setInt(2, section);
            row.setString(3, rowKey);
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

package org.nianbao.rollup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.CellType;
import org.nianbao.catalogue.FormatVersion;

/**
 * Where each catalogue cell lives in the typed report tables: table, row key and SQL column (the last
 * segment of the key, except section 三's {@code natural}, stored as {@code natural_person}).
 */
final class ReportTableColumns {

  /** Section 二 columns of both formats, as in {@code report_s2_row}. */
  static final List<String> S2 =
      List.of("issued", "abolished", "in_force", "decisions", "amount", "new_made", "new_published",
          "total_published", "prev_year_items", "change", "projects", "total_amount");

  /** Section 三 columns, as in {@code report_s3_row}, in printed order. */
  static final List<String> S3 =
      List.of("natural_person", "business", "research", "nonprofit", "legal_service", "other_org", "total");

  /** Section 四 columns, as in {@code report_s4_row}, in printed order. */
  static final List<String> S4 = List.of("upheld", "corrected", "other", "pending", "total");

  private static final Map<String, CellDefinition> BY_LOCATION = new HashMap<>();

  static {
    for (FormatVersion version : FormatVersion.values()) {
      for (CellDefinition cell : Catalogue.of(version).cells()) {
        BY_LOCATION.put(location(version.name(), cell.section(), cell.rowKey(), sqlColumn(cell)), cell);
      }
    }
  }

  private ReportTableColumns() {}

  /** The table holding a section's rows. */
  static String table(int section) {
    return "report_s" + section + "_row";
  }

  /** The SQL columns of a section's table. */
  static List<String> columns(int section) {
    return switch (section) {
      case 2 -> S2;
      case 3 -> S3;
      case 4 -> S4;
      default -> throw new IllegalArgumentException("No table for section " + section);
    };
  }

  /** The SQL column of a cell. */
  static String sqlColumn(CellDefinition cell) {
    String column = cell.columnKey();
    return cell.section() == 3 && "natural".equals(column) ? "natural_person" : column;
  }

  /** The cell stored at this place, or null when the format has no such cell. */
  static CellDefinition cellAt(String format, int section, String rowKey, String sqlColumn) {
    return BY_LOCATION.get(location(format, section, rowKey, sqlColumn));
  }

  /**
   * The stored cells of one report version, key → Long, or BigDecimal in 万元 for amounts; every key of the
   * format is present, null where the cell is blank.
   */
  static Map<String, Object> readCells(java.sql.Connection c, long versionId, FormatVersion format)
      throws java.sql.SQLException {
    Map<String, Object> cells = new java.util.LinkedHashMap<>();
    for (CellDefinition cell : Catalogue.of(format).cells()) {
      cells.put(cell.key(), null);
    }
    for (int section = 2; section <= 4; section++) {
      List<String> columns = columns(section);
      try (java.sql.PreparedStatement ps =
          c.prepareStatement(
              "SELECT row_key, " + String.join(", ", columns) + " FROM " + table(section) + " WHERE version_id = ?")) {
        ps.setLong(1, versionId);
        try (java.sql.ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            for (int i = 0; i < columns.size(); i++) {
              CellDefinition cell = cellAt(format.name(), section, rs.getString(1), columns.get(i));
              java.math.BigDecimal v = rs.getBigDecimal(2 + i);
              if (cell != null && v != null) {
                cells.put(cell.key(), cell.type() == CellType.DEC
                    ? (v.signum() == 0 ? java.math.BigDecimal.ZERO : v.stripTrailingZeros())
                    : (Object) v.longValueExact());
              }
            }
          }
        }
      }
    }
    return cells;
  }

  private static String location(String format, int section, String rowKey, String column) {
    return format + '|' + section + '|' + rowKey + '|' + column;
  }
}

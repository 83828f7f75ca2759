package org.nianbao.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.report.ReportChange;
import org.nianbao.report.ReportChange.Snapshot;
import org.nianbao.tables.ReportTables;
import org.nianbao.validation.CellValues;
import org.nianbao.validation.Scope;

/**
 * Stores a new current version of a (unit, year) report straight into the report tables, as the
 * report service does, and returns the change the ledger must apply (test support until that
 * service lands).
 */
public final class ReportSeeder {

  private ReportSeeder() {}

  /** Inserts the version (superseding the current one) and returns before → after. */
  public static ReportChange store(
      Connection c, String unit, int year, FormatVersion format, Scope scope, Map<String, ?> cells)
      throws SQLException {
    Long reportId = null;
    int current = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, current_version FROM report WHERE unit_code = ? AND year = ? FOR UPDATE")) {
      ps.setString(1, unit);
      ps.setInt(2, year);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          reportId = rs.getLong(1);
          current = rs.getInt(2);
        }
      }
    }
    Snapshot before = null;
    if (reportId == null) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO report (unit_code, year, current_version) VALUES (?, ?, 1) RETURNING id")) {
        ps.setString(1, unit);
        ps.setInt(2, year);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          reportId = rs.getLong(1);
        }
      }
    } else {
      before = snapshot(c, reportId, current);
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE report_version SET status = 'SUPERSEDED' WHERE report_id = ? AND version = ?")) {
        ps.setLong(1, reportId);
        ps.setInt(2, current);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE report SET current_version = ?, updated_at = now() WHERE id = ?")) {
        ps.setInt(1, current + 1);
        ps.setLong(2, reportId);
        ps.executeUpdate();
      }
    }
    long versionId;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO report_version (report_id, version, format_version, scope, status, document_sha256,"
                + " submitted_by) VALUES (?, ?, ?, ?, 'ACCEPTED', ?, 'test') RETURNING id")) {
      ps.setLong(1, reportId);
      ps.setInt(2, current + 1);
      ps.setString(3, format.name());
      ps.setString(4, scope.name());
      ps.setString(5, Integer.toHexString(cells.hashCode()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        versionId = rs.getLong(1);
      }
    }
    insertRows(c, versionId, format, cells);
    CellValues values = SyntheticReport.values(cells, Catalogue.of(format));
    return new ReportChange(unit, year, before, new Snapshot(format, scope, values));
  }

  private static void insertRows(
      Connection c, long versionId, FormatVersion format, Map<String, ?> cells)
      throws SQLException {
    Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    for (CellDefinition cell : Catalogue.of(format).cells()) {
      rows.computeIfAbsent(cell.section() + "|" + cell.rowKey(), k -> new LinkedHashMap<>())
          .put(ReportTables.sqlColumn(cell), cells.get(cell.key()));
    }
    for (Map.Entry<String, Map<String, Object>> row : rows.entrySet()) {
      String[] sectionAndRow = row.getKey().split("\\|");
      int section = Integer.parseInt(sectionAndRow[0]);
      List<String> columns = List.copyOf(row.getValue().keySet());
      String sql =
          "INSERT INTO "
              + ReportTables.table(section)
              + " (version_id, format_version, row_key, "
              + String.join(", ", columns)
              + ") VALUES (?, ?, ?"
              + ", ?".repeat(columns.size())
              + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, versionId);
        ps.setString(2, format.name());
        ps.setString(3, sectionAndRow[1]);
        for (int i = 0; i < columns.size(); i++) {
          Object v = row.getValue().get(columns.get(i));
          if (v == null) {
            ps.setNull(4 + i, java.sql.Types.NUMERIC);
          } else if (v instanceof BigDecimal d) {
            ps.setBigDecimal(4 + i, d);
          } else {
            ps.setLong(4 + i, ((Number) v).longValue());
          }
        }
        ps.executeUpdate();
      }
    }
  }

  /** The stored cells of a version, read back from the typed tables. */
  static Snapshot snapshot(Connection c, long reportId, int version) throws SQLException {
    FormatVersion format;
    Scope scope;
    long versionId;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, format_version, scope FROM report_version WHERE report_id = ? AND version = ?")) {
      ps.setLong(1, reportId);
      ps.setInt(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        versionId = rs.getLong(1);
        format = FormatVersion.valueOf(rs.getString(2));
        scope = Scope.valueOf(rs.getString(3));
      }
    }
    Map<String, Object> cells = ReportTables.readCells(c, versionId, format);
    return new Snapshot(format, scope, SyntheticReport.values(cells, Catalogue.of(format)));
  }
}

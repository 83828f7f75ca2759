package org.nianbao.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.nianbao.catalogue.FormatVersion;

/**
 * Coverage the slow and obvious way, for tests: every expected unit of a region against the current
 * report versions in the report tables (not the summaries the service keeps).
 */
@ApplicationScoped
public class CoverageOracle {

  private final DataSource dataSource;

  public CoverageOracle(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * State letter (S summed, M missing, A aggregate only, X other format) → the unit codes in that
   * state, sorted; every letter present.
   */
  public Map<String, List<String>> states(String region, int year, boolean own, String kinds)
      throws SQLException {
    String sql =
        "SELECT u.code, CASE WHEN cur.scope IS NULL THEN 'M' WHEN cur.scope = 'AGGREGATE' THEN 'A'"
            + " WHEN cur.format_version <> ? THEN 'X' ELSE 'S' END"
            + " FROM unit u JOIN region g ON g.code = u.region_code"
            + " LEFT JOIN (SELECT r.unit_code, rv.scope, rv.format_version FROM report r"
            + "   JOIN report_version rv ON rv.report_id = r.id AND rv.version = r.current_version"
            + "   WHERE r.year = ? AND rv.status = 'ACCEPTED') cur ON cur.unit_code = u.code"
            + " WHERE "
            + (own ? "g.code = ?" : "g.path LIKE (SELECT path FROM region WHERE code = ?) || '%'")
            + (kinds == null ? "" : " AND u.kind = ANY (string_to_array(?, ','))")
            + " ORDER BY u.code";
    Map<String, List<String>> out = new TreeMap<>();
    for (String state : List.of("S", "M", "A", "X")) {
      out.put(state, new ArrayList<>());
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, FormatVersion.forYear(year).name());
      ps.setInt(2, year);
      ps.setString(3, region);
      if (kinds != null) {
        ps.setString(4, kinds);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.get(rs.getString(2)).add(rs.getString(1));
        }
      }
    }
    return out;
  }
}

package org.nianbao.checks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.nianbao.common.Page;
import org.nianbao.common.Paging;
import org.nianbao.unit.Region;
import org.nianbao.unit.RegionRepository;
import org.nianbao.unit.UnitKind;
import org.nianbao.unit.UnitViews.RegionRef;
import org.nianbao.validation.Scope;
import org.nianbao.validation.Severity;

/**
 * The findings stored with the current reports of a region's subtree for one year, counted per rule
 * and per report: which rules fire most, which units have errors or warnings. Read-only SQL.
 */
@ApplicationScoped
public class FindingStats {

  /** How often one rule fired: its findings and the reports it fired on. */
  public record RuleCount(String rule, Severity severity, long findings, long reports) {}

  /** A current report with at least one error or warning, and the rules that fired on it. */
  public record UnitFindings(
      String unit,
      String unitName,
      UnitKind unitKind,
      String regionCode,
      Scope scope,
      int version,
      int errors,
      int warnings,
      List<String> rules) {}

  /** The summary of a region and year. */
  public record Summary(
      RegionRef region,
      int year,
      long reports,
      long reportsWithErrors,
      long reportsWithWarnings,
      List<RuleCount> rules,
      Page<UnitFindings> units) {}

  private static final String CURRENT =
      """
      WITH cur AS (
        SELECT v.id, v.errors, v.warnings, v.scope, v.version, u.code, u.name, u.kind, u.region_code
        FROM report r
        JOIN report_version v ON v.report_id = r.id AND v.version = r.current_version
        JOIN unit u ON u.code = r.unit_code
        JOIN region g ON g.code = u.region_code
        WHERE r.year = ? AND g.path LIKE ?)
      """;

  private final DataSource dataSource;
  private final RegionRepository regions;

  public FindingStats(DataSource dataSource, RegionRepository regions) {
    this.dataSource = dataSource;
    this.regions = regions;
  }

  @Transactional
  public Summary summarize(String regionCode, int year, Paging paging) {
    Region region = regions.require(regionCode);
    String prefix = region.path + "%";
    try (Connection c = dataSource.getConnection()) {
      long[] counts = new long[4];
      try (PreparedStatement ps =
          c.prepareStatement(
              CURRENT
                  + """
                  SELECT count(*), count(*) FILTER (WHERE errors > 0), count(*) FILTER (WHERE warnings > 0),
                         count(*) FILTER (WHERE errors > 0 OR warnings > 0)
                  FROM cur
                  """)) {
        bind(ps, year, prefix);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          for (int i = 0; i < counts.length; i++) {
            counts[i] = rs.getLong(i + 1);
          }
        }
      }
      List<RuleCount> rules = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              CURRENT
                  + """
                  SELECT f.rule, f.severity, count(*), count(DISTINCT f.version_id)
                  FROM cur JOIN report_finding f ON f.version_id = cur.id
                  GROUP BY f.rule, f.severity
                  ORDER BY 4 DESC, 3 DESC, 1, 2
                  """)) {
        bind(ps, year, prefix);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rules.add(
                new RuleCount(
                    rs.getString(1),
                    Severity.valueOf(rs.getString(2)),
                    rs.getLong(3),
                    rs.getLong(4)));
          }
        }
      }
      List<UnitFindings> units = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              CURRENT
                  + """
                  SELECT code, name, kind, region_code, scope, version, errors, warnings,
                         (SELECT array_agg(DISTINCT f.rule ORDER BY f.rule) FROM report_finding f
                          WHERE f.version_id = cur.id)
                  FROM cur WHERE errors > 0 OR warnings > 0
                  ORDER BY errors DESC, warnings DESC, code
                  LIMIT ? OFFSET ?
                  """)) {
        bind(ps, year, prefix);
        ps.setInt(3, paging.size());
        ps.setLong(4, paging.offset());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Array fired = rs.getArray(9);
            units.add(
                new UnitFindings(
                    rs.getString(1),
                    rs.getString(2),
                    UnitKind.valueOf(rs.getString(3)),
                    rs.getString(4),
                    Scope.valueOf(rs.getString(5)),
                    rs.getInt(6),
                    rs.getInt(7),
                    rs.getInt(8),
                    fired == null ? List.of() : Arrays.asList((String[]) fired.getArray())));
          }
        }
      }
      return new Summary(
          new RegionRef(region.code, region.name, region.level),
          year,
          counts[0],
          counts[1],
          counts[2],
          rules,
          new Page<>(units, paging.page(), paging.size(), counts[3]));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Finding statistics failed for " + regionCode + "/" + year, e);
    }
  }

  private static void bind(PreparedStatement ps, int year, String prefix) throws SQLException {
    ps.setInt(1, year);
    ps.setString(2, prefix);
  }
}

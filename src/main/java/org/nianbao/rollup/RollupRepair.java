package org.nianbao.rollup;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.nianbao.common.Background;
import org.nianbao.security.AccessControl;

/**
 * Rebuilds the rollup summaries from the report tables: on request (ADMIN), and at start for every
 * year whose summaries disagree with the current report versions. Replaces the old migration that
 * called the ledger: migrations stand alone, and this is an operation on data, not on the schema.
 */
@ApplicationScoped
public class RollupRepair {

  /** What a rebuild did. */
  public record Rebuilt(List<Integer> years, long selfReports) {}

  private static final Logger LOG = Logger.getLogger(RollupRepair.class);

  /**
   * Blocks submissions (they write {@code report}) while the summaries are recomputed, and waits
   * for those in flight.
   */
  private static final String LOCK_REPORTS = "LOCK TABLE report, report_version IN SHARE MODE";

  private static final String CURRENT =
      """
      SELECT r.year, r.unit_code, rv.scope, rv.format_version
        FROM report r JOIN report_version rv ON rv.report_id = r.id AND rv.version = r.current_version
       WHERE rv.status = 'ACCEPTED'""";

  /**
   * The years where the summaries are not those of the report tables: a current version missing
   * from, or different in, the coverage table; or a national count of SELF or AGGREGATE reports per
   * format that differs.
   */
  private static final String DISAGREEING_YEARS =
      """
      WITH cur AS (%s),
      status_diff AS (
          (SELECT year, unit_code, scope, format_version FROM cur
           EXCEPT SELECT year, unit_code, scope, format_version FROM rollup_unit_status)
          UNION ALL
          (SELECT year, unit_code, scope, format_version FROM rollup_unit_status
           EXCEPT SELECT year, unit_code, scope, format_version FROM cur)),
      stored AS (
          SELECT year, format_version, sum(report_count) AS n, sum(aggregate_count) AS a FROM rollup_sum
           WHERE region_code = '000000' AND NOT own GROUP BY 1, 2),
      counted AS (
          SELECT year, format_version, count(*) FILTER (WHERE scope = 'SELF') AS n,
                 count(*) FILTER (WHERE scope = 'AGGREGATE') AS a FROM cur GROUP BY 1, 2)
      SELECT year FROM status_diff
      UNION
      SELECT year FROM stored FULL JOIN counted USING (year, format_version)
       WHERE coalesce(stored.n, 0) <> coalesce(counted.n, 0) OR coalesce(stored.a, 0) <> coalesce(counted.a, 0)
      ORDER BY 1"""
          .formatted(CURRENT);

  private static final String ALL_YEARS =
      "SELECT year FROM report UNION SELECT year FROM rollup_sum UNION SELECT year FROM rollup_unit_status ORDER BY 1";

  private static final String SELF_REPORTS =
      "SELECT count(*) FROM (%s) cur WHERE scope = 'SELF'".formatted(CURRENT);

  private final DataSource dataSource;
  private final RollupLedger ledger;
  private final AccessControl access;

  public RollupRepair(DataSource dataSource, RollupLedger ledger, AccessControl access) {
    this.dataSource = dataSource;
    this.ledger = ledger;
    this.access = access;
  }

  /** {@code POST /api/v1/admin/rollups/rebuild}: every summary recomputed (ADMIN). */
  @Transactional
  public Rebuilt rebuildAll() {
    access.requireAdmin();
    try (Connection c = dataSource.getConnection()) {
      lockReports(c);
      List<Integer> years = years(c, ALL_YEARS);
      ledger.rebuild(null);
      return new Rebuilt(years, selfReports(c));
    } catch (SQLException e) {
      throw new IllegalStateException("Rollup rebuild failed / 汇总数据重建失败: " + e.getMessage(), e);
    }
  }

  /**
   * The check after a start, in the background: it reads every current version (0.6 s for 130,000
   * reports), and the ledger keeps the summaries exact in each submitting transaction anyway, so
   * the check only catches what was changed outside the service (a bulk load, an upgrade).
   */
  void checkAtStart(@Observes StartupEvent event) {
    Background.run(
        "rollup-check",
        () -> {
          List<Integer> repaired = repairDisagreeingYears();
          if (!repaired.isEmpty()) {
            LOG.warnf(
                "Rollup summaries disagreed with the report tables for %s; rebuilt them", repaired);
          }
        });
  }

  /** Rebuilds each year whose summaries disagree with the report tables; the years it rebuilt. */
  @Transactional
  public List<Integer> repairDisagreeingYears() {
    try (Connection c = dataSource.getConnection()) {
      List<Integer> years = years(c, DISAGREEING_YEARS);
      if (years.isEmpty()) {
        return years;
      }
      lockReports(c);
      years = years(c, DISAGREEING_YEARS);
      for (int year : years) {
        ledger.rebuild(year);
      }
      return years;
    } catch (SQLException e) {
      throw new IllegalStateException("Rollup check failed / 汇总数据检查失败: " + e.getMessage(), e);
    }
  }

  private static void lockReports(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(LOCK_REPORTS);
    }
  }

  private static List<Integer> years(Connection c, String sql) throws SQLException {
    List<Integer> years = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        years.add(rs.getInt(1));
      }
    }
    return years;
  }

  private static long selfReports(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELF_REPORTS);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

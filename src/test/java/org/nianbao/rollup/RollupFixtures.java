package org.nianbao.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.validation.Scope;

/**
 * Mimics the report service for rollup tests: stores a version and applies it to the ledger in one
 * transaction.
 */
@ApplicationScoped
public class RollupFixtures {

  private final DataSource dataSource;
  private final RollupLedger ledger;

  public RollupFixtures(DataSource dataSource, RollupLedger ledger) {
    this.dataSource = dataSource;
    this.ledger = ledger;
  }

  @Transactional
  public void submit(
      String unit, int year, FormatVersion format, Scope scope, Map<String, ?> cells) {
    try (Connection c = dataSource.getConnection()) {
      ledger.apply(ReportSeeder.store(c, unit, year, format, scope, cells));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Transactional
  public void registerDepartment(String code, String name, String region) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO unit (code, name, kind, region_code) VALUES (?, ?, 'DEPARTMENT', ?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, code);
      ps.setString(2, name);
      ps.setString(3, region);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Transactional
  public void rebuild(int year) {
    ledger.rebuild(year);
  }

  /**
   * An independent sum straight from the report tables: every current SELF FMT2021 version of a
   * unit in the subtree of {@code region} (whoever stored it), cell by cell, blanks as 0.
   */
  @jakarta.transaction.Transactional
  public Map<String, java.math.BigDecimal> databaseSums(int year, String region) {
    Map<String, java.math.BigDecimal> sums = new java.util.LinkedHashMap<>();
    for (var cell : org.nianbao.catalogue.Catalogue.of(FormatVersion.FMT2021).cells()) {
      sums.put(cell.key(), java.math.BigDecimal.ZERO);
    }
    try (var c = dataSource.getConnection();
        var ps =
            c.prepareStatement(
                "SELECT v.id FROM report r JOIN report_version v ON v.report_id = r.id AND v.version = r.current_version"
                    + " JOIN unit u ON u.code = r.unit_code JOIN region g ON g.code = u.region_code"
                    + " WHERE r.year = ? AND v.scope = 'SELF' AND v.format_version = 'FMT2021' AND g.path LIKE ?")) {
      ps.setInt(1, year);
      ps.setString(2, "%/" + region + "/%");
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          org.nianbao.tables.ReportTables.readCells(c, rs.getLong(1), FormatVersion.FMT2021)
              .forEach(
                  (k, v) -> {
                    if (v != null) {
                      sums.merge(
                          k, new java.math.BigDecimal(v.toString()), java.math.BigDecimal::add);
                    }
                  });
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return sums;
  }
}

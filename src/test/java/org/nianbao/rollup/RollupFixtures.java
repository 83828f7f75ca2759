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

/** Mimics the report service for rollup tests: stores a version and applies it to the ledger in one transaction. */
@ApplicationScoped
public class RollupFixtures {

  private final DataSource dataSource;
  private final RollupLedger ledger;

  public RollupFixtures(DataSource dataSource, RollupLedger ledger) {
    this.dataSource = dataSource;
    this.ledger = ledger;
  }

  @Transactional
  public void submit(String unit, int year, FormatVersion format, Scope scope, Map<String, ?> cells) {
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
}

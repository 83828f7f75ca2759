package org.nianbao.rollup.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.database.EmbeddedDatabase;
import org.nianbao.rollup.RollupFilter;
import org.nianbao.rollup.RollupService;
import org.nianbao.rollup.RollupViews.Rollup;
import org.nianbao.testsupport.Latency;
import org.nianbao.testsupport.SingleConnection;

/**
 * Loads the national dataset into a fresh embedded PostgreSQL and measures the province (410000)
 * and national rollups through {@link RollupService}, next to hand-written SQL summing the report
 * tables. Run: {@code ./mvnw -B -o test -Dgroups=benchmark -Dtest=RollupBenchmark
 * -DexcludedGroups=none}.
 */
@Tag("benchmark")
class RollupBenchmark {

  private static final int YEAR = 2024;
  private static final int REQUESTS = Integer.getInteger("rollup.bench.requests", 200);
  private static final String DIRECT =
      "SELECT t.row_key, %s FROM report r"
          + " JOIN report_version rv ON rv.report_id = r.id AND rv.version = r.current_version"
          + " JOIN %s t ON t.version_id = rv.id JOIN unit u ON u.code = r.unit_code"
          + " JOIN region g ON g.code = u.region_code"
          + " WHERE r.year = ? AND rv.scope = 'SELF' AND rv.status = 'ACCEPTED' AND rv.format_version = 'FMT2021'"
          + " AND g.path LIKE ? GROUP BY t.row_key";

  @Test
  void provinceAndNationalRollups() throws Exception {
    try (EmbeddedPostgres pg =
        EmbeddedDatabase.start(Files.createTempDirectory("nianbao-bench-pg"), 0, false)) {
      Flyway.configure()
          .dataSource(pg.getPostgresDatabase())
          .locations("classpath:db/migration")
          .load()
          .migrate();
      try (Connection c = pg.getPostgresDatabase().getConnection()) {
        NationalDataset.Stats stats = NationalDataset.load(c);
        System.out.printf("%n== Rollup benchmark (2 cores, embedded PostgreSQL 17) ==%n");
        System.out.printf(
            "generation + load + rebuild: %,d ms; units %,d, reports %,d (AGGREGATE %,d, missing %,d),"
                + " table rows %,d%n",
            stats.millis(),
            stats.units(),
            stats.reports(),
            stats.aggregateReports(),
            stats.missing(),
            stats.tableRows());
        c.setAutoCommit(false);
        long rebuildStart = System.nanoTime();
        org.nianbao.rollup.RollupLedger.rebuild(c, null);
        c.commit();
        System.out.printf(
            "rebuild alone: %,d ms%n", (System.nanoTime() - rebuildStart) / 1_000_000);
        c.setAutoCommit(true);
        RollupService service =
            new RollupService(
                SingleConnection.of(c), new org.nianbao.unit.RegionTree(SingleConnection.of(c)));
        for (String region : new String[] {"410000", "000000"}) {
          Rollup r = service.rollup(region, YEAR, RollupFilter.ALL);
          Map<String, Long> direct = direct(c, region);
          assertThat(r.cells().get("s3.new.total")).isEqualTo(direct.get("s3.new.total"));
          assertThat(r.cells().get("s4.review.total")).isEqualTo(direct.get("s4.review.total"));
          System.out.printf(
              "%s: s3.new.total %s, expected %,d, reporting %,d, missing %,d, aggregateOnly %,d,"
                  + " children %d%n",
              region,
              r.cells().get("s3.new.total"),
              r.coverage().expectedUnits(),
              r.coverage().reportingUnits(),
              r.coverage().missingTotal(),
              r.coverage().aggregateOnlyTotal(),
              r.children().size());
          measure(
              region + " service (sums+coverage+children+declared)",
              () -> service.rollup(region, YEAR, RollupFilter.ALL));
          measure(region + " hand-written SQL (sums only, s2+s3+s4)", () -> direct(c, region));
        }
      }
    }
  }

  private static Map<String, Long> direct(Connection c, String region) {
    try {
      Map<String, Long> out = new java.util.HashMap<>();
      String path = region.equals("000000") ? "/000000/%" : "/000000/" + region + "/%";
      for (int section = 2; section <= 4; section++) {
        String[] columns =
            switch (section) {
              case 2 -> new String[] {"issued", "abolished", "in_force", "decisions", "amount"};
              case 3 ->
                  new String[] {
                    "natural_person",
                    "business",
                    "research",
                    "nonprofit",
                    "legal_service",
                    "other_org",
                    "total"
                  };
              default -> new String[] {"upheld", "corrected", "other", "pending", "total"};
            };
        String sums =
            String.join(", ", Arrays.stream(columns).map(col -> "sum(t." + col + ")").toList());
        try (PreparedStatement ps =
            c.prepareStatement(String.format(DIRECT, sums, "report_s" + section + "_row"))) {
          ps.setInt(1, YEAR);
          ps.setString(2, path);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              for (int i = 0; i < columns.length; i++) {
                java.math.BigDecimal v = rs.getBigDecimal(2 + i);
                if (v != null && v.scale() <= 0) {
                  out.put("s" + section + "." + rs.getString(1) + "." + columns[i], v.longValue());
                }
              }
            }
          }
        }
      }
      return out;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void measure(String name, Supplier<?> call) {
    Latency.measure(name, 20, REQUESTS, call);
  }
}

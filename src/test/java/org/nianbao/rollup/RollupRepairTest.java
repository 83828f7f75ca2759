package org.nianbao.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.nianbao.testsupport.Contract.CONTRACT;
import static org.nianbao.testsupport.Contract.RESPONSE_ONLY;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.Tokens;
import org.nianbao.validation.Scope;

/**
 * The rollup summaries repaired at start when they disagree with the report tables, and rebuilt on
 * request.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RollupRepairTest {

  /** 新疆 (650000) in 2017 and 2018 belongs to this test class only. */
  private static final int YEAR = 2017;

  private static final int REBUILD_YEAR = 2018;

  @Inject RollupFixtures fixtures;
  @Inject RollupRepair repair;
  @Inject DataSource dataSource;

  @Test
  void aSummaryThatDisagreesWithTheReportTablesIsRebuilt() throws SQLException {
    Map<String, Object> fives = new LinkedHashMap<>();
    Catalogue.of(FormatVersion.FMT2019).cells().forEach(c -> fives.put(c.key(), 5L));
    fixtures.submit("650102", YEAR, FormatVersion.FMT2019, Scope.SELF, fives);
    fixtures.submit("650103", YEAR, FormatVersion.FMT2019, Scope.SELF, fives);
    assertThat(newTotal("650100", YEAR)).isEqualTo(10);

    execute("DELETE FROM rollup_sum WHERE year = " + YEAR);
    execute("DELETE FROM rollup_unit_status WHERE year = " + YEAR + " AND unit_code = '650103'");
    assertThat(newTotal("650100", YEAR)).isEqualTo(0);

    assertThat(repair.repairDisagreeingYears()).containsExactly(YEAR);
    assertThat(newTotal("650100", YEAR)).isEqualTo(10);
    assertThat(repair.repairDisagreeingYears()).isEmpty();
  }

  @Test
  void theRebuildIsAnAdminOperation() throws SQLException {
    given()
        .filter(RESPONSE_ONLY) // the contract requires the token this request leaves out
        .when()
        .post("/api/v1/admin/rollups/rebuild")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    Map<String, Object> fives = new LinkedHashMap<>();
    Catalogue.of(FormatVersion.FMT2019).cells().forEach(c -> fives.put(c.key(), 5L));
    fixtures.submit("650104", REBUILD_YEAR, FormatVersion.FMT2019, Scope.SELF, fives);
    execute(
        "UPDATE rollup_sum SET report_count = 0, counts = array_fill(0::bigint, ARRAY[198]) WHERE year = "
            + REBUILD_YEAR);
    given()
        .filter(CONTRACT)
        .header(Tokens.admin())
        .when()
        .post("/api/v1/admin/rollups/rebuild")
        .then()
        .statusCode(200)
        .body("years", hasItem(REBUILD_YEAR))
        .body(
            "selfReports",
            equalTo(
                (int)
                    count(
                        "SELECT count(*) FROM report r JOIN report_version v"
                            + " ON v.report_id = r.id AND v.version = r.current_version WHERE v.scope = 'SELF'")));
    assertThat(newTotal("650100", REBUILD_YEAR)).isEqualTo(5);
  }

  private static long newTotal(String region, int year) {
    return given()
        .when()
        .get("/api/v1/rollups/{r}/{y}", region, year)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("cells.'s3.new.total'");
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate(sql);
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

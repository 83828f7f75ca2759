package org.nianbao.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.testsupport.Api.asAdmin;
import static org.nianbao.testsupport.Contract.CONTRACT;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.Scope;

/** Rollups follow the real submission path: PUT, amendment with If-Match, and AGGREGATE reports. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RollupAfterSubmissionsTest {

  private static final int YEAR = 2022;

  @Inject RollupFixtures fixtures;
  @Inject RollupCompactor compactor;
  @Inject javax.sql.DataSource dataSource;

  private long stripeRows(String region) throws java.sql.SQLException {
    try (var c = dataSource.getConnection();
        var ps =
            c.prepareStatement(
                "SELECT count(*) FROM rollup_sum WHERE region_code = ? AND stripe <> 0")) {
      ps.setString(1, region);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String put(String unit, String json, String ifMatch) {
    var request = asAdmin().contentType(ContentType.JSON).body(json);
    if (ifMatch != null) {
      request = request.header("If-Match", ifMatch);
    }
    var response = request.when().put("/api/v1/units/{u}/reports/{y}", unit, YEAR);
    assertThat(response.statusCode()).as(response.asString()).isIn(200, 201);
    return response.header("ETag");
  }

  private static Map<String, Object> cells(String region) {
    JsonPath r =
        given()
            .filter(CONTRACT)
            .when()
            .get("/api/v1/rollups/{r}/{y}", region, YEAR)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    return r.getMap("cells");
  }

  private void assertEqualsDatabase(String region) {
    Map<String, Object> actual = cells(region);
    fixtures
        .databaseSums(YEAR, region)
        .forEach(
            (k, v) ->
                assertThat(new BigDecimal(actual.get(k).toString()))
                    .as(region + " " + k)
                    .isEqualByComparingTo(v));
  }

  @Test
  void concurrentSubmissionsAcrossAProvinceKeepTheSummariesExact() throws Exception {
    List<String> counties =
        List.of(
            "630104", "630105", "630106", "630121", "630123", "630202", "630203", "630222",
            "630223", "630224", "630225", "632221", "632222", "632223", "632224", "632301");
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Callable<String>> jobs = new java.util.ArrayList<>();
      for (String county : counties) {
        String json =
            ReportDocuments.random(FormatVersion.FMT2021, new Random(county.hashCode())).json();
        jobs.add(() -> put(county, json, null));
      }
      for (var f : pool.invokeAll(jobs)) {
        assertThat(f.get()).startsWith("\"1-");
      }
    } finally {
      pool.shutdownNow();
    }
    assertEqualsDatabase("630000");
    assertEqualsDatabase("000000");
    // each writer updated the province's rows in place or, while another held them, its own stripe
    // (which of the two depends on timing; aWriterUpdatesFreeRowsInPlace… tests both): folding the
    // stripes (compaction is off in tests) changes no sum
    compactor.compact();
    assertThat(stripeRows("630000")).isZero();
    assertThat(stripeRows("000000")).isZero();
    assertEqualsDatabase("630000");
    assertEqualsDatabase("000000");
  }

  @Test
  void aWriterUpdatesFreeRowsInPlaceAndNeverWaitsForAHeldOne() throws Exception {
    put("650102", ReportDocuments.random(FormatVersion.FMT2021, new Random(650102)).json(), null);
    // no row of the city in stripe 0 yet: the writer's own stripe, until the compactor folds it
    assertThat(stripeRows("650100")).isPositive();
    compactor.compact();
    assertThat(stripeRows("650100")).isZero();

    // the city's rows are in stripe 0 and free: updated in place; the new county's are not there
    put("650103", ReportDocuments.random(FormatVersion.FMT2021, new Random(650103)).json(), null);
    assertThat(stripeRows("650100")).isZero();
    assertThat(stripeRows("650103")).isPositive();
    assertEqualsDatabase("650100");

    // another transaction holds the city's rows: the writer goes to its stripe, without waiting
    // (a wait would end in the service's lock timeout, and the PUT in an error)
    try (var c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (var st = c.createStatement()) {
        st.execute(
            "SELECT 1 FROM rollup_sum WHERE region_code = '650100' AND stripe = 0 FOR UPDATE");
      }
      put("650104", ReportDocuments.random(FormatVersion.FMT2021, new Random(650104)).json(), null);
      assertThat(stripeRows("650100")).isPositive();
      c.rollback();
    }
    assertEqualsDatabase("650100");
    assertEqualsDatabase("650000");
    assertEqualsDatabase("000000");
  }

  @Test
  void submittedAndAmendedReportsAreSummedAndAggregatesNever() {
    Random random = new Random(630100);
    String etag = put("630102", ReportDocuments.random(FormatVersion.FMT2021, random).json(), null);
    put("630103", ReportDocuments.random(FormatVersion.FMT2021, random).json(), null);
    assertEqualsDatabase("630100");
    assertEqualsDatabase("630000");
    Map<String, Object> beforeAmendment = cells("630100");

    put("630102", ReportDocuments.random(FormatVersion.FMT2021, random).json(), etag);
    assertEqualsDatabase("630100");
    assertThat(cells("630100")).isNotEqualTo(beforeAmendment);

    Map<String, Object> beforeAggregate = cells("630100");
    put(
        "630100",
        ReportDocuments.random(FormatVersion.FMT2021, random).scope(Scope.AGGREGATE).json(),
        null);
    assertThat(cells("630100")).isEqualTo(beforeAggregate);
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/rollups/630100/{y}", YEAR)
        .then()
        .statusCode(200)
        .body("declared.unit", org.hamcrest.Matchers.equalTo("630100"))
        .body("coverage.aggregateOnly", org.hamcrest.Matchers.contains("630100"))
        .body("coverage.reportingUnits", org.hamcrest.Matchers.equalTo(2));
  }

  private long sql(String sql, Object... args) throws java.sql.SQLException {
    try (var c = dataSource.getConnection();
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      if (!ps.execute()) {
        return ps.getUpdateCount();
      }
      try (var rs = ps.getResultSet()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static final String CHANGES = "SELECT sum(changes) FROM rollup_epoch";

  /**
   * A rollup answered from memory is checked against the count of committed changes (V17), which
   * every writer moves, this service or not: a change made outside it (another instance, an
   * operator) is in the very next answer.
   */
  @Test
  void aChangeMadeOutsideTheServiceIsInTheNextRollup() throws Exception {
    long before = sql(CHANGES);
    put("632521", ReportDocuments.random(FormatVersion.FMT2021, new Random(632521)).json(), null);
    assertThat(sql(CHANGES)).isGreaterThan(before);
    Map<String, Object> first = cells("632500");
    assertThat(cells("632500")).isEqualTo(first); // from memory

    String change =
        "UPDATE rollup_sum SET counts[1] = counts[1] + ? WHERE region_code = '632500' AND NOT own"
            + " AND year = "
            + YEAR
            + " AND stripe = (SELECT min(stripe) FROM rollup_sum WHERE region_code = '632500'"
            + " AND NOT own AND year = "
            + YEAR
            + ")";
    assertThat(sql(change, 7)).isEqualTo(1);
    try {
      Map<String, Object> second = cells("632500");
      List<String> moved =
          first.keySet().stream().filter(k -> !first.get(k).equals(second.get(k))).toList();
      assertThat(moved).hasSize(1);
      assertThat(
              new BigDecimal(second.get(moved.get(0)).toString())
                  .subtract(new BigDecimal(first.get(moved.get(0)).toString())))
          .isEqualByComparingTo("7");
    } finally {
      sql(change, -7);
    }
    assertThat(cells("632500")).isEqualTo(first);

    // the compactor folds the per-backend counts into one row, and their sum stays
    compactor.compact(); // folds the submission's stripes: itself a change, counted
    sql(change, 0); // a change of nothing, still counted, in this connection's backend's row
    long changes = sql(CHANGES);
    assertThat(sql("SELECT count(*) FROM rollup_epoch")).isEqualTo(2);
    compactor.compact();
    assertThat(sql("SELECT count(*) FROM rollup_epoch")).isEqualTo(1);
    assertThat(sql(CHANGES)).isEqualTo(changes);
  }
}

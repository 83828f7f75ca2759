package org.nianbao.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.nianbao.testsupport.Api.asAdmin;
import static org.nianbao.testsupport.Api.asAdminUnchecked;
import static org.nianbao.testsupport.Contract.CONTRACT;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.ReportDocuments;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ReportResourceTest {

  private static final String PROBLEM = "application/problem+json";

  private static Response put(String unit, int year, String json) {
    return asAdmin()
        .contentType(ContentType.JSON)
        .body(json)
        .when()
        .put("/api/v1/units/{u}/reports/{y}", unit, year);
  }

  @Test
  void theWolongSampleRoundTripsExactly() throws Exception {
    String json = ReportDocuments.wolong().texts(ReportDocuments.wolongTexts()).json();
    Response created = put("411303", 2024, json);
    created
        .then()
        .statusCode(201)
        .header("Location", startsWith("http"))
        .header("ETag", startsWith("\"1-"))
        .body("version", equalTo(1))
        .body("status", equalTo("ACCEPTED"))
        .body("unitName", equalTo("卧龙区人民政府"))
        .body("findings.rule", hasItems("TXT-02", "TXT-04", "TXT-05"))
        .body("errors", equalTo(0));

    Response read = given().filter(CONTRACT).when().get("/api/v1/units/411303/reports/2024");
    read.then().statusCode(200).header("ETag", equalTo(created.header("ETag")));
    JsonNode body = ReportDocuments.JSON.readTree(read.asString());
    Map<String, JsonNode> expected = ReportDocuments.wolong().cells();
    assertThat(body.get("cells").size()).isEqualTo(200);
    for (Map.Entry<String, JsonNode> cell : expected.entrySet()) {
      assertThat(body.get("cells").get(cell.getKey()).decimalValue())
          .as(cell.getKey())
          .isEqualByComparingTo(cell.getValue().decimalValue());
    }
    assertThat(body.get("cells").get("s2.admin_fee.amount").decimalValue())
        .isEqualTo(new BigDecimal("143.2062"));
    Map<String, String> texts = ReportDocuments.wolongTexts();
    assertThat(body.get("texts").size()).isEqualTo(texts.size());
    texts.forEach((k, v) -> assertThat(body.get("texts").get(k).asText()).isEqualTo(v));
  }

  @Test
  void aReportThatDoesNotAddUpIsRejectedAndNothingIsStored() {
    String json = ReportDocuments.fmt2021().add("s3.carried_out.natural", 1).json();
    put("411302", 2024, json)
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", equalTo("https://nianbao.org/problems/report-rejected"))
        .body("findings.rule", hasItems("S3-01", "S3-03"))
        .body(
            "findings.find { it.rule == 'S3-01' }.cells",
            contains(
                "s3.new.natural",
                "s3.carried_in.natural",
                "s3.total_processed.natural",
                "s3.carried_out.natural"));
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/units/411302/reports/2024")
        .then()
        .statusCode(404)
        .contentType(PROBLEM);
    given()
        .filter(CONTRACT)
        .queryParam("region", "411302")
        .when()
        .get("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
  }

  @jakarta.inject.Inject javax.sql.DataSource dataSource;

  private String databaseFingerprint() throws Exception {
    return org.nianbao.testsupport.DatabaseFingerprint.of(dataSource);
  }

  @Test
  void aRejectedSubmissionLeavesEveryTableExactlyAsItWas() throws Exception {
    var token = org.nianbao.testsupport.Tokens.create("卧龙区门户", "UNIT:411303");
    String authorization = "Bearer " + token.secret();
    // not even the token's lastUsedAt may move: it is recorded only with a write that commits
    String before = databaseFingerprint();
    given()
        .filter(CONTRACT)
        .header("Authorization", authorization)
        .contentType(ContentType.JSON)
        .body(ReportDocuments.fmt2021().add("s4.review.total", 1).json())
        .when()
        .put("/api/v1/units/411303/reports/2023")
        .then()
        .statusCode(422)
        .body("type", equalTo("https://nianbao.org/problems/report-rejected"));
    given()
        .filter(CONTRACT)
        .header("Authorization", authorization)
        .contentType(ContentType.JSON)
        .body(ReportDocuments.fmt2021().json())
        .when()
        .put("/api/v1/units/411302/reports/2023")
        .then()
        .statusCode(403);
    assertThat(databaseFingerprint()).isEqualTo(before);
  }

  @Test
  void structuralProblemsAreFindingsNamedByCell() {
    String json =
        ReportDocuments.fmt2021()
            .set("s3.new.business", "12")
            .set("s3.granted.research", new BigDecimal("1.5"))
            .set("s4.review.upheld", -1L)
            .set("s9.unknown", 1L)
            .set("s3.partial.natural", new java.math.BigInteger("99999999999999999999"))
            .set("s2.admin_fee.amount", new BigDecimal("1.1234567"))
            .remove("s4.review.total")
            .json();
    asAdminUnchecked()
        .contentType(ContentType.JSON)
        .body(json)
        .when()
        .put("/api/v1/units/{u}/reports/{y}", "411321", 2024)
        .then()
        .statusCode(422)
        .body(
            "findings.findAll { it.rule == 'FMT-03' }.cells.flatten()",
            hasItems("s3.new.business", "s9.unknown", "s4.review.total"))
        .body(
            "findings.findAll { it.rule == 'FMT-05' }.cells.flatten()",
            hasItems("s3.granted.research", "s4.review.upheld", "s3.partial.natural"))
        .body(
            "findings.findAll { it.rule == 'FMT-06' }.cells.flatten()",
            hasItem("s2.admin_fee.amount"));
  }

  @Test
  void amendingNeedsTheCurrentETag() {
    ReportDocuments.Builder doc = ReportDocuments.fmt2021();
    Response v1 = put("411322", 2024, doc.json());
    v1.then().statusCode(201);
    String etag1 = v1.header("ETag");

    // a portal polling with its ETag gets 304 until the report changes
    given()
        .filter(CONTRACT)
        .header("If-None-Match", etag1)
        .when()
        .get("/api/v1/units/411322/reports/2024")
        .then()
        .statusCode(304)
        .header("ETag", equalTo(etag1));

    // identical re-send: no new version
    put("411322", 2024, doc.json()).then().statusCode(200).body("version", equalTo(1));

    ReportDocuments.Builder changed = ReportDocuments.fmt2021().oneMoreGranted();
    asAdminUnchecked()
        .contentType(ContentType.JSON)
        .body(changed.json())
        .when()
        .put("/api/v1/units/411322/reports/2024")
        .then()
        .statusCode(428)
        .contentType(PROBLEM)
        .body("currentETag", equalTo(etag1));
    asAdminUnchecked()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1-0000000000000000\"")
        .body(changed.json())
        .when()
        .put("/api/v1/units/411322/reports/2024")
        .then()
        .statusCode(412)
        .contentType(PROBLEM)
        .body("currentVersion", equalTo(1));

    Response v2 =
        asAdmin()
            .contentType(ContentType.JSON)
            .header("If-Match", etag1)
            .body(changed.json())
            .when()
            .put("/api/v1/units/411322/reports/2024");
    v2.then().statusCode(200).body("version", equalTo(2)).header("ETag", startsWith("\"2-"));

    given()
        .filter(CONTRACT)
        .header("If-None-Match", etag1)
        .when()
        .get("/api/v1/units/411322/reports/2024")
        .then()
        .statusCode(200)
        .body("version", equalTo(2));
    // the old ETag is now stale
    asAdminUnchecked()
        .contentType(ContentType.JSON)
        .header("If-Match", etag1)
        .body(doc.json())
        .when()
        .put("/api/v1/units/411322/reports/2024")
        .then()
        .statusCode(412);

    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/units/411322/reports/2024/versions")
        .then()
        .statusCode(200)
        .body("currentVersion", equalTo(2))
        .body("versions.version", contains(1, 2))
        .body("versions.status", contains("SUPERSEDED", "ACCEPTED"))
        .body("versions[0].changes", empty())
        .body(
            "versions[1].changes.cell",
            contains(
                "s3.new.natural",
                "s3.new.total",
                "s3.granted.natural",
                "s3.granted.total",
                "s3.total_processed.natural",
                "s3.total_processed.total"))
        .body("versions[1].changes[0].old", equalTo((int) doc.count("s3.new.natural")))
        .body("versions[1].changes[0].new", equalTo((int) doc.count("s3.new.natural") + 1))
        .body("versions[1].submittedBy.name", equalTo("bootstrap-admin"));
    given()
        .filter(CONTRACT)
        .queryParam("version", 1)
        .when()
        .get("/api/v1/units/411322/reports/2024")
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("status", equalTo("SUPERSEDED"))
        .body("cells.'s3.new.natural'", equalTo((int) doc.count("s3.new.natural")));
  }

  @Test
  void anIdempotencyKeyReturnsTheFirstResult() {
    String json = ReportDocuments.fmt2021().json();
    Response first =
        asAdmin()
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", "k-411323-1")
            .body(json)
            .when()
            .put("/api/v1/units/411323/reports/2024");
    first.then().statusCode(201);
    asAdmin()
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "k-411323-1")
        .body(json)
        .when()
        .put("/api/v1/units/411323/reports/2024")
        .then()
        .statusCode(201)
        .body("version", equalTo(1))
        .header("ETag", equalTo(first.header("ETag")));
    String other = ReportDocuments.fmt2021().set("s2.penalty.decisions", 7L).json();
    asAdminUnchecked()
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "k-411323-1")
        .header("If-Match", first.header("ETag"))
        .body(other)
        .when()
        .put("/api/v1/units/411323/reports/2024")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("Idempotency-Key"));
  }

  @Test
  void concurrentSubmissionsNeverMakeTwoCurrentVersionsOrAGap() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> creates = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String json = ReportDocuments.fmt2021().set("s2.penalty.decisions", (long) i).json();
        creates.add(() -> put("411324", 2024, json).statusCode());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(creates)) {
        statuses.add(f.get());
      }
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 428).hasSize(7);

      String etag = given().when().get("/api/v1/units/411324/reports/2024").header("ETag");
      List<Callable<Integer>> amends = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String json = ReportDocuments.fmt2021().set("s2.coercion.decisions", 100L + i).json();
        amends.add(
            () ->
                asAdmin()
                    .contentType(ContentType.JSON)
                    .header("If-Match", etag)
                    .body(json)
                    .when()
                    .put("/api/v1/units/411324/reports/2024")
                    .statusCode());
      }
      statuses.clear();
      for (Future<Integer> f : pool.invokeAll(amends)) {
        statuses.add(f.get());
      }
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 412).hasSize(7);
    } finally {
      pool.shutdownNow();
    }
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/units/411324/reports/2024/versions")
        .then()
        .statusCode(200)
        .body("versions.version", contains(1, 2))
        .body("versions.findAll { it.status == 'ACCEPTED' }", hasSize(1));
  }

  /**
   * Makes {@code next}'s carried-in equal {@code prev}'s carried-out (+ {@code offset} in the
   * natural column), keeping S3-01/S3-03.
   */
  private static ReportDocuments.Builder chain(
      ReportDocuments.Builder prev, ReportDocuments.Builder next, long offset) {
    long totalDelta = 0;
    for (String col :
        List.of("natural", "business", "research", "nonprofit", "legal_service", "other_org")) {
      long target = prev.count("s3.carried_out." + col) + ("natural".equals(col) ? offset : 0);
      long d = target - next.count("s3.carried_in." + col);
      next.set("s3.carried_in." + col, target);
      // keep new + carried_in = processed + carried_out by moving the difference into carried_out
      // (or new)
      if (next.count("s3.carried_out." + col) + d >= 0) {
        next.add("s3.carried_out." + col, d).add("s3.carried_out.total", d);
      } else {
        next.add("s3.new." + col, -d).add("s3.new.total", -d);
      }
      totalDelta += d;
    }
    next.add("s3.carried_in.total", totalDelta);
    return next;
  }

  @Test
  void crossYearRulesUseTheStoredPreviousYearAndRecheckTheNext() {
    ReportDocuments.Builder y2023 = ReportDocuments.fmt2021();
    put("411325", 2023, y2023.json()).then().statusCode(201);
    // 2024 carried-in differs from 2023 carried-out by 2 in the natural column → S3-04 (ERROR,
    // overridable)
    ReportDocuments.Builder y2024 = chain(y2023, ReportDocuments.fmt2021(), 2);
    given()
        .filter(CONTRACT)
        .contentType(ContentType.JSON)
        .body(y2024.json())
        .queryParam("unit", "411325")
        .queryParam("year", 2024)
        .when()
        .post("/api/v1/validations")
        .then()
        .statusCode(200)
        .body("errors", equalTo(2))
        .body("findings.findAll { it.severity == 'ERROR' }.rule", contains("S3-04", "S3-04"));
    put("411325", 2024, y2024.json())
        .then()
        .statusCode(422)
        .body(
            "findings.findAll { it.rule == 'S3-04' }.cells",
            contains(List.of("s3.carried_in.natural"), List.of("s3.carried_in.total")))
        .body(
            "findings.find { it.rule == 'S3-04' }.expected",
            equalTo((int) y2023.count("s3.carried_out.natural")))
        .body(
            "findings.find { it.rule == 'S3-04' }.actual",
            equalTo((int) y2023.count("s3.carried_out.natural") + 2));
    String acknowledged = y2024.acknowledge("S3-04", "2023年机构改革，部分申请转入本单位办理。").json();
    put("411325", 2024, acknowledged)
        .then()
        .statusCode(201)
        .body("findings.findAll { it.rule == 'S3-04' }.severity", contains("WARNING", "WARNING"))
        .body("findings.find { it.rule == 'S3-04' }.acknowledgement", startsWith("2023年机构改革"));

    // amending 2023 so that it matches removes the S3-04 finding from the stored 2024 report
    String etag2023 = given().when().get("/api/v1/units/411325/reports/2023").header("ETag");
    ReportDocuments.Builder fixed2023 =
        ReportDocuments.fmt2021()
            .add("s3.carried_out.natural", 2)
            .add("s3.carried_out.total", 2)
            .add("s3.new.natural", 2)
            .add("s3.new.total", 2);
    asAdmin()
        .contentType(ContentType.JSON)
        .header("If-Match", etag2023)
        .body(fixed2023.json())
        .when()
        .put("/api/v1/units/411325/reports/2023")
        .then()
        .statusCode(200);
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/units/411325/reports/2024")
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("findings.findAll { it.rule == 'S3-04' }", empty());
  }

  @Test
  void theListFiltersPagesAndExportsCsv() {
    put("411326", 2022, ReportDocuments.fmt2021().json()).then().statusCode(201);
    put("411327", 2022, ReportDocuments.fmt2021().json()).then().statusCode(201);
    put(
            "411328",
            2022,
            ReportDocuments.fmt2021().scope(org.nianbao.validation.Scope.AGGREGATE).json())
        .then()
        .statusCode(201);
    given()
        .filter(CONTRACT)
        .queryParam("year", 2022)
        .queryParam("region", "411300")
        .queryParam("size", 2)
        .when()
        .get("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("items.unit", contains("411326", "411327"));
    given()
        .filter(CONTRACT)
        .queryParam("year", 2022)
        .queryParam("region", "411300")
        .queryParam("page", 2)
        .queryParam("size", 2)
        .when()
        .get("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("items.unit", contains("411328"));
    given()
        .filter(CONTRACT)
        .queryParam("unit", "411327")
        .when()
        .get("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items.year", contains(2022));
    given()
        .filter(CONTRACT)
        .queryParam("year", 2022)
        .queryParam("region", "411300")
        .queryParam("scope", "AGGREGATE")
        .when()
        .get("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("items.unit", contains("411328"));
    given()
        .filter(CONTRACT)
        .queryParam("year", 2022)
        .queryParam("region", "411300")
        .queryParam("sort", "-unit")
        .when()
        .get("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("items.unit", contains("411328", "411327", "411326"));
    String csv =
        given()
            .filter(CONTRACT)
            .accept("text/csv")
            .queryParam("year", 2022)
            .queryParam("region", "411300")
            .when()
            .get("/api/v1/reports")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .header("X-Total-Count", "3")
            .extract()
            .asString();
    assertThat(csv).startsWith("\uFEFF单位代码,单位名称");
    assertThat(csv.lines().count()).isEqualTo(4);
    assertThat(csv).contains("\r\n411327,社旗县人民政府,PEOPLES_GOV,411327,2022,1,ACCEPTED,FMT2021,SELF,");
    asAdminUnchecked()
        .queryParam("sort", "name")
        .when()
        .get("/api/v1/reports")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("sort"));
  }

  @Test
  void storableFieldsAreCheckedUpFront() {
    String json = ReportDocuments.fmt2021().text("s9", "x").json();
    asAdminUnchecked()
        .contentType(ContentType.JSON)
        .body(json)
        .when()
        .put("/api/v1/units/411329/reports/2024")
        .then()
        .statusCode(422)
        .body("errors.field", contains("texts.s9"));
    asAdminUnchecked()
        .contentType(ContentType.JSON)
        .body(ReportDocuments.fmt2021().json())
        .when()
        .put("/api/v1/units/411329/reports/1999")
        .then()
        .statusCode(422)
        .body("errors.field", contains("year"));
    asAdminUnchecked()
        .contentType(ContentType.JSON)
        .body("{\"formatVersion\":\"FMT2021\",\"scope\":\"SELF\",\"cells\":{},\"colour\":1}")
        .when()
        .put("/api/v1/units/411329/reports/2024")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("colour"));
    asAdminUnchecked()
        .contentType(ContentType.JSON)
        .body(ReportDocuments.fmt2021().json())
        .when()
        .put("/api/v1/units/999999/reports/2024")
        .then()
        .statusCode(404);
  }

  @Test
  void dryRunValidationAndCatalogue() {
    given()
        .filter(CONTRACT)
        .contentType(ContentType.JSON)
        .body(ReportDocuments.wolong().texts(ReportDocuments.wolongTexts()).json())
        .when()
        .post("/api/v1/validations")
        .then()
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("errors", equalTo(0))
        .body("findings.rule", hasItems("TXT-02", "TXT-04", "TXT-05"));
    given()
        .filter(CONTRACT)
        .contentType(ContentType.JSON)
        .body(ReportDocuments.fmt2021().add("s4.review.total", 1).json())
        .when()
        .post("/api/v1/validations")
        .then()
        .statusCode(200)
        .body("valid", equalTo(false))
        .body("findings.rule", contains("S4-01"))
        .body(
            "findings[0].expected",
            equalTo((int) ReportDocuments.fmt2021().count("s4.review.total")))
        .body(
            "findings[0].actual",
            equalTo((int) ReportDocuments.fmt2021().count("s4.review.total") + 1));
    given()
        .filter(CONTRACT)
        .queryParam("format", "FMT2019")
        .when()
        .get("/api/v1/catalogue")
        .then()
        .statusCode(200)
        .body("cells", hasSize(198))
        .body("rules.id", hasItems("S3-01", "S4-01"));
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/catalogue")
        .then()
        .statusCode(200)
        .body("formatVersion", equalTo("FMT2021"))
        .body("cells", hasSize(200))
        .body("cells[0].key", equalTo("s2.regulation.issued"));
  }
}

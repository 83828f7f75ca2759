package org.nianbao.checks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.nianbao.testsupport.Contract.CONTRACT;
import static org.nianbao.testsupport.Contract.RESPONSE_ONLY;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.Api;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.ReportDocuments;

/**
 * GET /api/v1/findings over reports submitted through the API: 六盘水市 (520200) in 2022, used by no
 * other test. 钟山区 is clean but for what the service itself finds; 六枝特区 also breaks S2-02 (issued ≤
 * in force).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class FindingStatsResourceTest {

  private static final int YEAR = 2022;
  private static boolean seeded;

  @BeforeEach
  void seed() {
    if (seeded) {
      return;
    }
    submit("520201", ReportDocuments.fmt2021().json());
    ReportDocuments.Builder broken = ReportDocuments.fmt2021();
    broken.set("s2.normative_doc.issued", broken.count("s2.normative_doc.in_force") + 1);
    submit("520203", broken.json());
    seeded = true;
  }

  private static void submit(String unit, String json) {
    Api.asAdmin()
        .contentType("application/json")
        .body(json)
        .put("/api/v1/units/{code}/reports/{year}", unit, YEAR)
        .then()
        .statusCode(201);
  }

  @Test
  void countsEveryStoredFindingPerRuleAndPerUnit() {
    JsonPath a = report("520201");
    JsonPath b = report("520203");
    JsonPath summary =
        given()
            .filter(CONTRACT)
            .queryParam("region", "520200")
            .queryParam("year", YEAR)
            .get("/api/v1/findings")
            .then()
            .statusCode(200)
            .body("region.code", equalTo("520200"))
            .body("region.name", equalTo("六盘水市"))
            .body("reports", equalTo(2))
            .extract()
            .jsonPath();

    assertThat(b.getList("findings.rule", String.class)).contains("S2-02");
    assertThat(summary.getInt("reportsWithWarnings"))
        .isEqualTo((a.getInt("warnings") > 0 ? 1 : 0) + (b.getInt("warnings") > 0 ? 1 : 0));
    assertThat(summary.getInt("reportsWithErrors")).isEqualTo(0);

    Map<String, Object> s202 = summary.getMap("rules.find { it.rule == 'S2-02' }");
    assertThat(s202)
        .containsEntry("severity", "WARNING")
        .containsEntry("findings", 1)
        .containsEntry("reports", 1);
    int stored = a.getList("findings").size() + b.getList("findings").size();
    assertThat(
            summary.getList("rules.findings", Integer.class).stream()
                .mapToInt(Integer::intValue)
                .sum())
        .isEqualTo(stored);

    List<String> units = summary.getList("units.items.unit", String.class);
    assertThat(units).contains("520203");
    assertThat(summary.getList("units.items.find { it.unit == '520203' }.rules", String.class))
        .contains("S2-02");
    assertThat(summary.getInt("units.items.find { it.unit == '520203' }.warnings"))
        .isEqualTo(b.getInt("warnings"));
    assertThat(summary.getLong("units.total")).isEqualTo(units.size());
  }

  @Test
  void theYearIsRequiredAndTheRegionMustExist() {
    given()
        .filter(RESPONSE_ONLY)
        .queryParam("region", "520200")
        .get("/api/v1/findings")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .filter(CONTRACT)
        .queryParam("region", "999999")
        .queryParam("year", YEAR)
        .get("/api/v1/findings")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private static JsonPath report(String unit) {
    return given()
        .get("/api/v1/units/{code}/reports/{year}", unit, YEAR)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}

package org.nianbao.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.nianbao.testsupport.Api.asAdmin;
import static org.nianbao.testsupport.Contract.CONTRACT;
import static org.nianbao.testsupport.Contract.RESPONSE_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.ReportDocuments;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ImportResourceTest {

  private static byte[] sample() throws IOException {
    try (InputStream in =
        ImportResourceTest.class.getResourceAsStream("/samples/wolong-2024.txt")) {
      return in.readAllBytes();
    }
  }

  @Test
  void theWolongTextImportsToItsTwoHundredCells() throws Exception {
    String body =
        given()
            .filter(CONTRACT)
            .contentType("text/plain; charset=UTF-8")
            .body(sample())
            .when()
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .body("unitName", equalTo("卧龙区人民政府"))
            .body("year", equalTo(2024))
            .body("formatVersion", equalTo("FMT2021"))
            .body("provenance.'s2.admin_fee.amount'", equalTo("143.2062"))
            .body("sources.'s2.admin_fee.amount'.raw", equalTo("143.2062"))
            .body("sources.'s2.admin_fee.amount'.match", equalTo("exact"))
            .body("sources.'s3.new.natural'.line", equalTo(87))
            .body("findings.rule", hasItems("TXT-02", "TXT-04", "TXT-05"))
            .body("findings.severity", not(hasItem("ERROR")))
            .extract()
            .asString();
    JsonNode report = ReportDocuments.JSON.readTree(body).get("report");
    Map<String, JsonNode> expected = ReportDocuments.wolong().cells();
    assertThat(report.get("cells").size()).isEqualTo(200);
    expected.forEach(
        (key, value) ->
            assertThat(report.get("cells").get(key).decimalValue())
                .as(key)
                .isEqualByComparingTo(value.decimalValue()));
  }

  @Test
  void submitTrueStoresTheImportedReport() throws Exception {
    String etag =
        asAdmin()
            .contentType("text/plain; charset=UTF-8")
            .body(sample())
            .queryParam("unit", "411381")
            .queryParam("submit", true)
            .when()
            .post("/api/v1/imports")
            .then()
            .statusCode(201)
            .header("Location", startsWith("http"))
            .body("submitted.version", equalTo(1))
            .body("submitted.origin", equalTo("IMPORT"))
            .body("submitted.year", equalTo(2024))
            .extract()
            .header("ETag");
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/units/411381/reports/2024")
        .then()
        .statusCode(200)
        .header("ETag", equalTo(etag))
        .body("cells.'s3.new.total'", equalTo(247))
        .body("origin", equalTo("IMPORT"));
    // the ETag read back is the one an amendment must present
    asAdmin()
        .contentType("text/plain; charset=UTF-8")
        .header("If-Match", etag)
        .body(
            new String(sample(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\t247\n", "\t248\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .queryParam("unit", "411381")
        .queryParam("submit", true)
        .when()
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .body("type", equalTo("https://nianbao.org/problems/report-rejected"));
  }

  @Test
  void documentsItCannotReadAreNamedProblems() {
    given()
        .filter(RESPONSE_ONLY)
        .contentType("text/plain; charset=UTF-8")
        .body("一、总体情况\n本机关认真落实条例。\n")
        .when()
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://nianbao.org/problems/unreadable-document"))
        .body("missing.size()", org.hamcrest.Matchers.greaterThan(0));
    given()
        .filter(RESPONSE_ONLY)
        .contentType("application/pdf")
        .body(new byte[] {37, 80, 68, 70})
        .when()
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://nianbao.org/problems/unreadable-document"));
    given()
        .filter(RESPONSE_ONLY)
        .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .body(new byte[] {80, 75, 3, 4, 1, 2, 3})
        .when()
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .body("type", equalTo("https://nianbao.org/problems/unreadable-document"));
  }

  @Test
  void submittingNeedsAUnitAndAToken() throws Exception {
    asAdmin()
        .contentType("text/plain; charset=UTF-8")
        .body(sample())
        .queryParam("submit", true)
        .when()
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("unit"));
    given()
        .filter(RESPONSE_ONLY)
        .contentType("text/plain; charset=UTF-8")
        .body(sample())
        .queryParam("unit", "411381")
        .queryParam("year", 2022)
        .queryParam("submit", true)
        .when()
        .post("/api/v1/imports")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }
}

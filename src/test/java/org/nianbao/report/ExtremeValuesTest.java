package org.nianbao.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.nianbao.testsupport.Api.asAdmin;
import static org.nianbao.testsupport.Api.asAdminUnchecked;
import static org.nianbao.testsupport.Contract.RESPONSE_ONLY;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.ReportDocuments;

/**
 * Values a client can send in a few bytes that are enormous or dangerous once used: numbers with
 * huge exponents, dates past the database's range, script addresses, a tail after the JSON, an ETag
 * for a report that does not exist. Each is answered with a problem naming the field or cell, and
 * nothing is stored.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ExtremeValuesTest {

  private static final String PROBLEM = "application/problem+json";
  private static final String TYPES = "https://nianbao.org/problems/";
  private static final String COUNT = "s2.regulation.issued";
  private static final String FEE = "s2.admin_fee.amount";

  /** The 卧龙区 document with one cell's JSON number replaced by {@code literal}. */
  private static String withNumber(String cell, String literal) {
    String json = ReportDocuments.wolong().set(cell, 0).json();
    String marker = "\"" + cell + "\":0";
    if (!json.contains(marker)) {
      throw new IllegalStateException("no " + marker + " in the document");
    }
    return json.replace(marker, "\"" + cell + "\":" + literal);
  }

  @Test
  void aCountWithAHugeOrTinyExponentIsACellErrorNotACrash() {
    for (String literal : new String[] {"1e999999999", "1e-999999999", "1E+19", "9.3e18"}) {
      dryRun(withNumber(COUNT, literal))
          .statusCode(200)
          .body("valid", equalTo(false))
          .body("findings.find { it.rule == 'FMT-05' }.cells", equalTo(List.of(COUNT)))
          .body("findings.find { it.rule == 'FMT-05' }.severity", equalTo("ERROR"));
    }
    // printed as sent, not as a billion zeros
    dryRun(withNumber(COUNT, "1e-999999999"))
        .body("findings.find { it.rule == 'FMT-05' }.actual", equalTo("1E-999999999"));
    asAdminUnchecked()
        .contentType(ContentType.JSON)
        .body(withNumber(COUNT, "1e999999999"))
        .when()
        .put("/api/v1/units/530102/reports/2024")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", equalTo(TYPES + "report-rejected"))
        .body("findings.cells.flatten()", hasItem(COUNT));
    given().when().get("/api/v1/units/530102/reports/2024").then().statusCode(404);
  }

  @Test
  void anAmountBeyondWhatIsStoredIsACellError() {
    for (String literal : new String[] {"1e999999999", "1e14", "123456789012345.5"}) {
      dryRun(withNumber(FEE, literal))
          .statusCode(200)
          .body("findings.find { it.rule == 'FMT-06' }.cells", equalTo(List.of(FEE)))
          .body("findings.find { it.rule == 'FMT-06' }.severity", equalTo("ERROR"))
          .body("findings.find { it.rule == 'FMT-06' }.expected", equalTo("amount < 10^14"));
    }
    dryRun(withNumber(FEE, "1e-999999999"))
        .statusCode(200)
        .body("findings.find { it.rule == 'FMT-06' }.actual", equalTo("1E-999999999"))
        .body("findings.find { it.rule == 'FMT-06' }.expected", equalTo("at most 6 decimals"));
    for (String literal : new String[] {"1e-999999999", "1e14"}) {
      asAdminUnchecked()
          .contentType(ContentType.JSON)
          .body(withNumber(FEE, literal))
          .when()
          .put("/api/v1/units/530103/reports/2024")
          .then()
          .statusCode(422)
          .contentType(PROBLEM)
          .body("type", equalTo(TYPES + "report-rejected"))
          .body("findings.find { it.rule == 'FMT-06' }.cells", equalTo(List.of(FEE)));
    }
    given().when().get("/api/v1/units/530103/reports/2024").then().statusCode(404);
  }

  @Test
  void aTailAfterTheDocumentIsMalformed() {
    dryRun(ReportDocuments.wolong().json() + " {}")
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo(TYPES + "malformed-request"));
    // white space after it is fine
    dryRun(ReportDocuments.wolong().json() + " \n").statusCode(200);
  }

  @Test
  void onlyAWebAddressIsASource() throws Exception {
    for (String address :
        new String[] {"javascript:alert(1)", "data:text/html,x", "//wolong.gov.cn/", "http:// x"}) {
      String json = documentWith("sourceUrl", address);
      refusedField("530111", json, "sourceUrl");
    }
    given().when().get("/api/v1/units/530111/reports/2024").then().statusCode(404);
    asAdmin()
        .contentType(ContentType.JSON)
        .body(documentWith("sourceUrl", "HTTPS://www.km.gov.cn/报告?id=1#表三"))
        .when()
        .put("/api/v1/units/530111/reports/2024")
        .then()
        .statusCode(201)
        .body("sourceUrl", equalTo("HTTPS://www.km.gov.cn/报告?id=1#表三"));
  }

  @Test
  void aPublicationDateInTheFutureOrPastTheDatabaseIsRefused() throws Exception {
    String tooLate = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString();
    for (String date : new String[] {"+5875000-01-01", "+999999999-12-31", tooLate}) {
      refusedField("530112", documentWith("publishedAt", date), "publishedAt");
    }
    given().when().get("/api/v1/units/530112/reports/2024").then().statusCode(404);
  }

  @Test
  void anETagForAReportThatDoesNotExistFails() {
    String json = ReportDocuments.wolong().json();
    asAdminUnchecked()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1-0123456789abcdef\"")
        .body(json)
        .when()
        .put("/api/v1/units/530113/reports/2024")
        .then()
        .statusCode(412)
        .contentType(PROBLEM)
        .body("type", equalTo(TYPES + "precondition-failed"));
    given().when().get("/api/v1/units/530113/reports/2024").then().statusCode(404);
    // "*" matches any, as the contract says
    asAdmin()
        .contentType(ContentType.JSON)
        .header("If-Match", "*")
        .body(json)
        .when()
        .put("/api/v1/units/530113/reports/2024")
        .then()
        .statusCode(201)
        .header("ETag", startsWith("\"1-"));
  }

  /** A PUT refused with 422 invalid-fields, the first error naming {@code field}. */
  private static void refusedField(String unit, String json, String field) {
    asAdminUnchecked()
        .contentType(ContentType.JSON)
        .body(json)
        .when()
        .put("/api/v1/units/{u}/reports/2024", unit)
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", equalTo(TYPES + "invalid-fields"))
        .body("errors[0].field", equalTo(field));
  }

  private static ValidatableResponse dryRun(String json) {
    return given()
        .filter(RESPONSE_ONLY)
        .contentType(ContentType.JSON)
        .body(json)
        .when()
        .post("/api/v1/validations")
        .then();
  }

  private static String documentWith(String field, String value) throws Exception {
    var tree = (ObjectNode) ReportDocuments.JSON.readTree(ReportDocuments.wolong().json());
    tree.put(field, value);
    return ReportDocuments.JSON.writeValueAsString(tree);
  }
}

package org.nianbao.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.nianbao.testsupport.Contract.RESPONSE_ONLY;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ErrorResponsesTest {

  private static final String PROBLEM = "application/problem+json";
  private static final String TYPES = "https://nianbao.org/problems/";

  @Test
  void unknownRoutesAreProblemDocuments() {
    given()
        .when()
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("type", equalTo(TYPES + "not-found"))
        .body("status", equalTo(404));
    given()
        .when()
        .get("/no/such/page")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("type", equalTo(TYPES + "not-found"))
        .body("instance", equalTo("/no/such/page"));
  }

  @Test
  void wrongMethodIs405() {
    given()
        .when()
        .delete("/api/v1/units/411303")
        .then()
        .statusCode(405)
        .contentType(PROBLEM)
        .body("type", equalTo(TYPES + "method-not-allowed"));
  }

  @Test
  void wrongMediaTypeIs415() {
    given()
        .filter(RESPONSE_ONLY)
        .contentType("text/csv")
        .body("a,b")
        .when()
        .post("/api/v1/units")
        .then()
        .statusCode(415)
        .contentType(PROBLEM)
        .body("type", equalTo(TYPES + "unsupported-media-type"));
  }

  @Test
  void malformedJsonIs400WithoutAStackTrace() {
    given()
        .filter(RESPONSE_ONLY)
        .contentType(ContentType.JSON)
        .body("{\"code\": ")
        .when()
        .post("/api/v1/units")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo(TYPES + "malformed-request"))
        .body(not(containsString("at org.")))
        .body(not(containsString("Exception")));
  }

  /**
   * A report cut short (here after 2 KB) is answered with what is wrong, not a bare status line.
   */
  @Test
  void aTruncatedBodySaysItIsNotJson() {
    String report = org.nianbao.testsupport.ReportDocuments.wolong().json();
    given()
        .filter(RESPONSE_ONLY)
        .contentType(ContentType.JSON)
        .body(report.substring(0, 2048))
        .when()
        .post("/api/v1/validations")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo(TYPES + "malformed-request"))
        .body(
            "detail",
            equalTo("Invalid value for 'cells' / 字段值无效: Unexpected end-of-input in field name"))
        .body("errors[0].field", equalTo("cells"))
        .body(not(containsString("Exception")));
  }

  @Test
  void unknownFieldsAndWrongEnumsAreNamed() {
    given()
        .filter(RESPONSE_ONLY)
        .contentType(ContentType.JSON)
        .body("{\"code\":\"11341702486344515H\",\"nmae\":\"x\"}")
        .when()
        .post("/api/v1/units")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("nmae"));
    given()
        .filter(RESPONSE_ONLY)
        .contentType(ContentType.JSON)
        .body(
            "{\"code\":\"11341702486344515H\",\"name\":\"x\",\"kind\":\"BUREAU\",\"regionCode\":\"341881\"}")
        .when()
        .post("/api/v1/units")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("kind"));
  }

  @io.quarkus.test.common.http.TestHTTPResource("/")
  java.net.URI root;

  @Test
  void oversizedBodiesAre413BeforeTheyAreRead() throws Exception {
    String response = rawPost("/api/v1/units", 2 * 1024 * 1024);
    org.assertj.core.api.Assertions.assertThat(response)
        .startsWith("HTTP/1.1 413")
        .containsIgnoringCase("Content-Type: " + PROBLEM)
        .contains(TYPES + "payload-too-large");
  }

  /**
   * Sends only the headers of a POST declaring {@code length} bytes and returns what the server
   * answers.
   */
  private String rawPost(String path, long length) throws Exception {
    try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
      socket.setSoTimeout(10_000);
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Content-Length: "
              + length
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      byte[] buffer = new byte[8192];
      int n = socket.getInputStream().read(buffer);
      return new String(buffer, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void healthReportsTheDatabaseAndMetricsAreServed() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
  }
}

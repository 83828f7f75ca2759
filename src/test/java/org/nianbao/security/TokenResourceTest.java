package org.nianbao.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.nianbao.testsupport.Contract.CONTRACT;
import static org.nianbao.testsupport.Contract.RESPONSE_ONLY;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.Tokens;
import org.nianbao.testsupport.UsccCodes;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class TokenResourceTest {

  private static final String PROBLEM = "application/problem+json";
  private static final String TYPES = "https://nianbao.org/problems/";

  @Test
  void aTokenIsShownOnceListedWithoutItsSecretAndRefusedOnceRevoked() {
    JsonPath created =
        given()
            .filter(CONTRACT)
            .header(Tokens.admin())
            .contentType(ContentType.JSON)
            .body(Map.of("name", "卧龙区政务公开办", "scope", "ADMIN"))
            .when()
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .header("Location", matchesPattern(".*/api/v1/tokens/[0-9]+$"))
            .header("Cache-Control", "no-store")
            .body("name", equalTo("卧龙区政务公开办"))
            .body("scope", equalTo("ADMIN"))
            .body("expiresAt", nullValue())
            .body("token", matchesPattern("^nb_[A-Za-z0-9_-]{43}$"))
            .extract()
            .jsonPath();
    long id = created.getLong("id");
    String secret = created.getString("token");

    // The new token works, and the list shows it (used, not revoked) without the secret or its
    // hash.
    registerUnit(secret, "341881").then().statusCode(201);
    String listing =
        given()
            .filter(CONTRACT)
            .header(Tokens.bearer(secret))
            .queryParam("size", 500)
            .when()
            .get("/api/v1/tokens")
            .then()
            .statusCode(200)
            .body("items.id", hasItem((int) id))
            .body("items.find { it.id == " + id + " }.createdBy", equalTo("bootstrap-admin"))
            .body("items.find { it.id == " + id + " }.revokedAt", nullValue())
            .body("items.find { it.id == " + id + " }.lastUsedAt", notNullValue())
            .body("items", everyItem(not(hasKey("token"))))
            .body("items", everyItem(not(hasKey("tokenHash"))))
            .extract()
            .asString();
    assertThat(listing).doesNotContain(secret).doesNotContain(TokenSecrets.hash(secret));

    Tokens.revoke(id);
    Tokens.revoke(id); // twice is still 204
    given()
        .filter(RESPONSE_ONLY)
        .header(Tokens.bearer(secret))
        .when()
        .get("/api/v1/tokens")
        .then()
        .statusCode(401)
        .contentType(PROBLEM)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("type", equalTo(TYPES + "unauthorized"));
    given()
        .filter(CONTRACT)
        .header(Tokens.admin())
        .queryParam("size", 500)
        .when()
        .get("/api/v1/tokens")
        .then()
        .statusCode(200)
        .body("items.find { it.id == " + id + " }.revokedAt", notNullValue());
  }

  @Test
  void anExpiredTokenIsRefused() throws InterruptedException {
    // a few seconds ahead: creating the token must not itself outlast its life on a busy machine
    OffsetDateTime expiry = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(4);
    Tokens.Created token = Tokens.create("short-lived", "ADMIN", expiry.toString());
    given()
        .filter(CONTRACT)
        .header(token.header())
        .when()
        .get("/api/v1/tokens")
        .then()
        .statusCode(200);
    Thread.sleep(
        Math.max(
                0,
                java.time.Duration.between(OffsetDateTime.now(ZoneOffset.UTC), expiry).toMillis())
            + 500);
    given()
        .filter(RESPONSE_ONLY)
        .header(token.header())
        .when()
        .get("/api/v1/tokens")
        .then()
        .statusCode(401)
        .contentType(PROBLEM)
        .header("WWW-Authenticate", startsWith("Bearer"));
  }

  @Test
  void scopeSyntaxErrorsAreNamed() {
    for (String scope :
        List.of(
            "",
            "admin",
            "ADMIN:1",
            "UNIT:",
            "UNIT:41130",
            "UNIT:11341702486344515h",
            "REGION:41130X",
            "REGION:411300 ",
            "COUNTY:411303")) {
      given()
          .filter(CONTRACT)
          .header(Tokens.admin())
          .contentType(ContentType.JSON)
          .body(Map.of("name", "x", "scope", scope))
          .when()
          .post("/api/v1/tokens")
          .then()
          .statusCode(422)
          .contentType(PROBLEM)
          .body("type", equalTo(TYPES + "invalid-fields"))
          .body("errors.field", contains("scope"));
    }
  }

  @Test
  void theUnitOrRegionOfAScopeMustExistAndEveryBadFieldIsNamed() {
    given()
        .filter(CONTRACT)
        .header(Tokens.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "x", "scope", "UNIT:419000"))
        .when()
        .post("/api/v1/tokens")
        .then()
        .statusCode(422)
        .body("errors.field", contains("scope"));
    given()
        .filter(CONTRACT)
        .header(Tokens.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "x", "scope", "REGION:999999"))
        .when()
        .post("/api/v1/tokens")
        .then()
        .statusCode(422)
        .body("errors.field", contains("scope"));
    given()
        .filter(RESPONSE_ONLY)
        .header(Tokens.admin())
        .contentType(ContentType.JSON)
        .body(
            Map.of("name", "x".repeat(101), "scope", "NATION", "expiresAt", "2020-01-01T00:00:00Z"))
        .when()
        .post("/api/v1/tokens")
        .then()
        .statusCode(422)
        .body("errors.field", contains("name", "scope", "expiresAt"))
        .body("errors.messageZh", everyItem(notNullValue()));
    given()
        .filter(RESPONSE_ONLY)
        .header(Tokens.admin())
        .contentType(ContentType.JSON)
        .body("{\"scope\":\"ADMIN\"}")
        .when()
        .post("/api/v1/tokens")
        .then()
        .statusCode(422)
        .body("errors.field", contains("name"));
    // an expiry past what the database holds is named, not a 500
    for (String far : List.of("+300000-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z")) {
      given()
          .filter(RESPONSE_ONLY)
          .header(Tokens.admin())
          .contentType(ContentType.JSON)
          .body(Map.of("name", "far", "scope", "UNIT:411303", "expiresAt", far))
          .when()
          .post("/api/v1/tokens")
          .then()
          .statusCode(422)
          .body("errors.field", contains("expiresAt"));
    }
  }

  @Test
  void scopedTokensCannotManageTokens() {
    Tokens.Created unit = Tokens.create("卧龙区", "UNIT:411303");
    Tokens.Created region = Tokens.create("南阳市", "REGION:411300");
    for (Tokens.Created token : List.of(unit, region)) {
      given()
          .filter(CONTRACT)
          .header(token.header())
          .contentType(ContentType.JSON)
          .body(Map.of("name", "escalate", "scope", "ADMIN"))
          .when()
          .post("/api/v1/tokens")
          .then()
          .statusCode(403)
          .contentType(PROBLEM)
          .body("type", equalTo(TYPES + "forbidden"));
      given()
          .filter(CONTRACT)
          .header(token.header())
          .when()
          .get("/api/v1/tokens")
          .then()
          .statusCode(403)
          .contentType(PROBLEM);
      given()
          .filter(CONTRACT)
          .header(token.header())
          .when()
          .delete("/api/v1/tokens/" + unit.id())
          .then()
          .statusCode(403)
          .contentType(PROBLEM);
    }
  }

  @Test
  void revokingAnUnknownTokenIs404() {
    given()
        .filter(CONTRACT)
        .header(Tokens.admin())
        .when()
        .delete("/api/v1/tokens/987654321")
        .then()
        .statusCode(404)
        .contentType(PROBLEM);
  }

  @Test
  void theBearerSchemeIsCaseInsensitiveAndOtherSchemesAreRefused() {
    given()
        .filter(RESPONSE_ONLY)
        .header("Authorization", "bearer " + Tokens.ADMIN)
        .when()
        .get("/api/v1/tokens")
        .then()
        .statusCode(200);
    given()
        .filter(RESPONSE_ONLY)
        .header("Authorization", "Basic dGVzdDp0ZXN0")
        .when()
        .get("/api/v1/tokens")
        .then()
        .statusCode(401)
        .contentType(PROBLEM)
        .header("WWW-Authenticate", startsWith("Bearer"));
    given()
        .filter(RESPONSE_ONLY)
        .header("Authorization", "Bearer ")
        .when()
        .get("/api/v1/tokens")
        .then()
        .statusCode(401);
  }

  private static io.restassured.response.Response registerUnit(String secret, String division) {
    return given()
        .filter(CONTRACT)
        .header(Tokens.bearer(secret))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code",
                UsccCodes.next(division),
                "name",
                "测试单位",
                "kind",
                "DEPARTMENT",
                "regionCode",
                division))
        .when()
        .post("/api/v1/units");
  }
}

package org.nianbao.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API tokens for tests: the bootstrap admin token of the test profile, and scoped tokens made
 * through the API.
 */
public final class Tokens {

  /** {@code %test.nianbao.admin-token} in application.properties. */
  public static final String ADMIN = "test-admin-token";

  private Tokens() {}

  /** The {@code Authorization} header carrying {@code token}. */
  public static Header bearer(String token) {
    return new Header("Authorization", "Bearer " + token);
  }

  /** The {@code Authorization} header of the bootstrap admin. */
  public static Header admin() {
    return bearer(ADMIN);
  }

  /** Creates a token of {@code scope} as the bootstrap admin. */
  public static Created create(String name, String scope) {
    return create(name, scope, null);
  }

  /**
   * Creates a token of {@code scope} expiring at {@code expiresAt} (ISO date-time, or null), as the
   * bootstrap admin.
   */
  public static Created create(String name, String scope, String expiresAt) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("scope", scope);
    if (expiresAt != null) {
      body.put("expiresAt", expiresAt);
    }
    JsonPath created =
        given()
            .filter(Contract.CONTRACT)
            .header(admin())
            .contentType(ContentType.JSON)
            .body(body)
            .when()
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new Created(created.getLong("id"), created.getString("token"));
  }

  /** Revokes token {@code id} as the bootstrap admin. */
  public static void revoke(long id) {
    given()
        .filter(Contract.CONTRACT)
        .header(admin())
        .when()
        .delete("/api/v1/tokens/" + id)
        .then()
        .statusCode(204);
  }

  /** A token just created: its id and its secret. */
  public record Created(long id, String secret) {
    public Header header() {
      return bearer(secret);
    }
  }
}

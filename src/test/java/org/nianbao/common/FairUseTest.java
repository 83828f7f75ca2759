package org.nianbao.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.nianbao.testsupport.Contract.RESPONSE_ONLY;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.PostgresTestResource;

/**
 * Fair use: a client (a bearer token, else an address) gets its burst of validations and imports,
 * then 429 problem+json with Retry-After, while another client is still served. Its own profile
 * gives small bursts that refill one request a minute, so the count is exact (the suite's profile
 * has bursts no test meets).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@TestProfile(FairUseTest.SmallBursts.class)
class FairUseTest {

  /** Small bursts refilled one request a minute. */
  public static class SmallBursts implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "nianbao.fair-use.requests-per-minute", "1",
          "nianbao.fair-use.burst", "20",
          "nianbao.fair-use.address-requests-per-minute", "1",
          "nianbao.fair-use.address-burst", "60");
    }
  }

  @ConfigProperty(name = "nianbao.fair-use.burst")
  int burst;

  @Test
  void aTokenThatSpentItsBurstIs429UntilTheBucketRefills() {
    String token = "Bearer fair-use-" + System.nanoTime();
    int served = 0;
    for (int i = 0; i < burst; i++) {
      int status = validation(token, "10.99.0.1").statusCode();
      if (status != 429) {
        served++;
      }
    }
    assertThat(served).isEqualTo(burst);
    validation(token, "10.99.0.2")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]?"))
        .body("type", equalTo("https://nianbao.org/problems/too-many-requests"))
        .body("status", equalTo(429));
    // imports count against the same client
    given()
        .filter(RESPONSE_ONLY)
        .header("Authorization", token)
        .header("X-Forwarded-For", "10.99.0.3")
        .contentType("text/plain")
        .body("卧龙区人民政府2024年政府信息公开工作年度报告")
        .when()
        .post("/api/v1/imports")
        .then()
        .statusCode(429)
        .contentType("application/problem+json");
    // another client is still served
    assertThat(validation("Bearer fair-use-other-" + System.nanoTime(), "10.99.0.1").statusCode())
        .isNotEqualTo(429);
  }

  @Test
  void withoutATokenTheAddressIsTheClient() {
    String address = "10.98." + (System.nanoTime() % 250) + ".9";
    for (int i = 0; i < burst; i++) {
      assertThat(validation(null, address).statusCode()).isNotEqualTo(429);
    }
    validation(null, address)
        .then()
        .statusCode(429)
        .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]?"));
    assertThat(validation(null, "10.97.0.1").statusCode()).isNotEqualTo(429);
  }

  private static io.restassured.response.Response validation(String authorization, String address) {
    var request =
        given()
            .filter(RESPONSE_ONLY)
            .header("X-Forwarded-For", address)
            .contentType(ContentType.JSON);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    // the cheapest body: the limit is checked before it is read
    return request.body("{}").when().post("/api/v1/validations");
  }
}

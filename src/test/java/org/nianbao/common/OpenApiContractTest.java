package org.nianbao.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiContractTest {

  @Test
  void servedDocumentIsTheCheckedInContract() throws Exception {
    JsonNode contract =
        new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile());
    String served =
        given()
            .queryParam("format", "json")
            .when()
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonNode servedTree = new ObjectMapper().readTree(served);
    for (String part : new String[] {"info", "tags", "paths", "components"}) {
      assertThat(differences(contract.get(part), servedTree.get(part), "/" + part))
          .as(part)
          .isEmpty();
    }
  }

  /** JSON pointers where the two trees differ (numbers compared by value). */
  static java.util.List<String> differences(JsonNode expected, JsonNode actual, String at) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (expected == null || actual == null) {
      if (expected != actual) {
        out.add(at + (expected == null ? " (unexpected)" : " (missing)"));
      }
      return out;
    }
    if (expected.isNumber() && actual.isNumber()) {
      if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
        out.add(at + ": " + expected + " != " + actual);
      }
      return out;
    }
    if (expected.isObject() && actual.isObject()) {
      java.util.Set<String> names = new java.util.TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        out.addAll(differences(expected.get(n), actual.get(n), at + "/" + n));
      }
      return out;
    }
    if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        out.addAll(differences(expected.get(i), actual.get(i), at + "/" + i));
      }
      return out;
    }
    if (!expected.equals(actual)) {
      out.add(at + ": " + expected + " != " + actual);
    }
    return out;
  }

  @Test
  void swaggerUiIsServedWithItsAssetsAndPointsAtTheContract() {
    String page =
        given()
            .when()
            .get("/q/swagger-ui/")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/html"))
            .extract()
            .asString();
    assertThat(page).contains("src=\"swagger-ui-bundle.js\"", "url: '/q/openapi'");
    for (String asset :
        new String[] {
          "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"
        }) {
      byte[] body =
          given()
              .when()
              .get("/q/swagger-ui/" + asset)
              .then()
              .statusCode(200)
              .extract()
              .asByteArray();
      assertThat(body.length).as(asset).isGreaterThan(10_000);
    }
    given().when().get("/q/openapi").then().statusCode(200).body(containsString("Nianbao"));
  }
}

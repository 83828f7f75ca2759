package org.nianbao.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

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
    JsonNode contract = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile());
    String served = given().queryParam("format", "json").when().get("/q/openapi")
        .then().statusCode(200).extract().asString();
    JsonNode servedTree = new ObjectMapper().readTree(served);
    assertThat(servedTree.get("paths")).isEqualTo(contract.get("paths"));
    assertThat(servedTree.get("components")).isEqualTo(contract.get("components"));
    assertThat(servedTree.get("info")).isEqualTo(contract.get("info"));
    assertThat(servedTree.get("tags")).isEqualTo(contract.get("tags"));
  }

  @Test
  void swaggerUiIsServed() {
    given().when().get("/q/swagger-ui/")
        .then().statusCode(200).body(containsString("swagger-ui"));
  }
}

package org.nianbao.unit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.nianbao.testsupport.Contract.CONTRACT;
import static org.nianbao.testsupport.Contract.RESPONSE_ONLY;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.Tokens;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class UnitResourceTest {

  @Test
  void wolongDistrictGovernmentSitsUnderNanyangUnderHenan() {
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/units/411303")
        .then()
        .statusCode(200)
        .body("name", equalTo("卧龙区人民政府"))
        .body("kind", equalTo("PEOPLES_GOV"))
        .body("region.code", equalTo("411303"))
        .body("regionPath.code", contains("000000", "410000", "411300", "411303"))
        .body("regionPath.name", contains("全国", "河南省", "南阳市", "卧龙区"));
  }

  @Test
  void regionListsItsParentAncestorsAndChildren() {
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/regions/411300")
        .then()
        .statusCode(200)
        .body("name", equalTo("南阳市"))
        .body("level", equalTo("CITY"))
        .body("parent.code", equalTo("410000"))
        .body("ancestors.code", contains("000000", "410000"))
        .body("children", hasSize(15))
        .body("children.code", hasItem("411303"))
        .body("children.code", hasItem("411371"));
  }

  @Test
  void nationalRootHasTheThirtyOneProvinces() {
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/regions/000000")
        .then()
        .statusCode(200)
        .body("level", equalTo("NATION"))
        .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("parent")))
        .body("children", hasSize(31));
  }

  @Test
  void zonesGetAnAdministrationAndPlaceholdersNoUnit() {
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/units/411371")
        .then()
        .statusCode(200)
        .body("kind", equalTo("ZONE_ADMIN"))
        .body("name", equalTo("南阳高新技术产业开发区管理委员会"));
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/units/419000")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("https://nianbao.org/problems/not-found"));
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/units/419001")
        .then()
        .statusCode(200)
        .body("name", equalTo("济源市人民政府"))
        .body("regionPath.code", contains("000000", "410000", "419000", "419001"));
  }

  @Test
  void listingARegionIncludesItsWholeSubtree() {
    // 南阳市: the city government, 13 counties/districts and 2 zones = 16 units
    given()
        .filter(CONTRACT)
        .queryParam("region", "411300")
        .queryParam("size", 100)
        .when()
        .get("/api/v1/units")
        .then()
        .statusCode(200)
        .body("total", equalTo(16))
        .body("page", equalTo(1))
        .body("items[0].code", equalTo("411300"))
        .body("items.region.code", everyItem(startsWith("4113")));
    given()
        .filter(CONTRACT)
        .queryParam("region", "411300")
        .queryParam("kind", "ZONE_ADMIN")
        .when()
        .get("/api/v1/units")
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items.code", contains("411371", "411372"));
  }

  @Test
  void nationHasAGovernmentForEveryNonPlaceholderDivision() {
    // 31 provinces + 333 cities + 2,978 counties − 3 cities listed again as their own county
    // (东莞, 中山, 儋州) = 3,339 units, of which 124 zone administrations (counted by kind: other tests
    // register departments)
    given()
        .filter(CONTRACT)
        .queryParam("size", 1)
        .queryParam("kind", "PEOPLES_GOV")
        .when()
        .get("/api/v1/units")
        .then()
        .statusCode(200)
        .body("total", equalTo(3339 - 124));
    given()
        .filter(CONTRACT)
        .queryParam("size", 1)
        .queryParam("kind", "ZONE_ADMIN")
        .when()
        .get("/api/v1/units")
        .then()
        .statusCode(200)
        .body("total", equalTo(124));
  }

  @Test
  void badListParametersAreNamed() {
    given()
        .filter(RESPONSE_ONLY)
        .queryParam("kind", "MINISTRY")
        .when()
        .get("/api/v1/units")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("kind"));
    given()
        .filter(RESPONSE_ONLY)
        .queryParam("size", 501)
        .when()
        .get("/api/v1/units")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("size"));
    given()
        .filter(RESPONSE_ONLY)
        .queryParam("page", "x")
        .when()
        .get("/api/v1/units")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("page"));
    given()
        .filter(CONTRACT)
        .queryParam("region", "999999")
        .when()
        .get("/api/v1/units")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void registersAnOrganByItsCreditCodeAndRefusesABadCheckCharacter() {
    given()
        .filter(CONTRACT)
        .header(Tokens.admin())
        .contentType(ContentType.JSON)
        .body(
            "{\"code\":\"11341702486344515H\",\"name\":\"宁国市商务局\",\"kind\":\"DEPARTMENT\",\"regionCode\":\"341881\"}")
        .when()
        .post("/api/v1/units")
        .then()
        .statusCode(201)
        .header("Location", startsWith("http"))
        .body("code", equalTo("11341702486344515H"))
        .body("regionPath.code", contains("000000", "340000", "341800", "341881"));
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/units/11341702486344515H")
        .then()
        .statusCode(200)
        .body("name", equalTo("宁国市商务局"));
    given()
        .filter(CONTRACT)
        .header(Tokens.admin())
        .contentType(ContentType.JSON)
        .body(
            "{\"code\":\"11341702486344515H\",\"name\":\"again\",\"kind\":\"DEPARTMENT\",\"regionCode\":\"341881\"}")
        .when()
        .post("/api/v1/units")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    given()
        .filter(CONTRACT)
        .header(Tokens.admin())
        .contentType(ContentType.JSON)
        .body(
            "{\"code\":\"11341702486344515X\",\"name\":\"宁国市商务局\",\"kind\":\"DEPARTMENT\",\"regionCode\":\"341881\"}")
        .when()
        .post("/api/v1/units")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://nianbao.org/problems/invalid-fields"))
        .body("errors.field", contains("code"));
    given().when().get("/api/v1/units/11341702486344515X").then().statusCode(404);
  }

  @Test
  void registrationNamesEveryMissingField() {
    given()
        .filter(RESPONSE_ONLY)
        .header(Tokens.admin())
        .contentType(ContentType.JSON)
        .body("{\"code\":\"\",\"kind\":\"PEOPLES_GOV\",\"regionCode\":\"999999\"}")
        .when()
        .post("/api/v1/units")
        .then()
        .statusCode(422)
        .body("errors.field", contains("code", "name", "kind", "regionCode"));
  }
}

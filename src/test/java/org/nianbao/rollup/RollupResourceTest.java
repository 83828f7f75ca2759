package org.nianbao.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.nianbao.testsupport.Contract.CONTRACT;
import static org.nianbao.testsupport.Contract.RESPONSE_ONLY;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.rollup.bench.NationalDataset;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.validation.Scope;

/**
 * Rollups over HTTP on reports stored as the report service would (tables + ledger in one
 * transaction), compared with sums computed here. 宁夏 (640000) is used so that no other test's units
 * interfere; each scenario has its own year.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RollupResourceTest {

  private static final RestAssuredConfig DECIMALS =
      RestAssuredConfig.config()
          .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
  private static final Catalogue FMT2021 = Catalogue.of(FormatVersion.FMT2021);
  private static final int YEAR = 2023;

  /** 宁夏 governments without a 2023 report. */
  private static final List<String> MISSING_2023 = List.of("640424", "640521");

  private static final String AGGREGATE_2023 = "640100";
  private static final String DEPT_A = NationalDataset.departmentCode("640104", 1);
  private static final String DEPT_B = NationalDataset.departmentCode("640104", 2);
  private static final String DEPT_C = NationalDataset.departmentCode("640402", 1);

  /** (unit, year) → submitted SELF cells; unit → region. */
  private static final Map<String, Map<String, Object>> SELF = new LinkedHashMap<>();

  private static final Map<String, String> REGION_OF = new HashMap<>();
  private static boolean seeded;

  @Inject RollupFixtures fixtures;
  @Inject CoverageOracle dataSource;

  @BeforeEach
  void seedOnce() {
    if (seeded) {
      return;
    }
    fixtures.registerDepartment(DEPT_A, "兴庆区教育局", "640104");
    fixtures.registerDepartment(DEPT_B, "兴庆区公安局", "640104");
    fixtures.registerDepartment(DEPT_C, "原州区教育局", "640402");
    List<String> units = new ArrayList<>(ningxiaGovernments());
    units.addAll(List.of(DEPT_A, DEPT_B, DEPT_C));
    for (String unit : units) {
      REGION_OF.put(unit, unit.length() == 6 ? unit : unit.substring(2, 8));
      for (int year = YEAR - 1; year <= YEAR; year++) {
        if (year == YEAR && MISSING_2023.contains(unit)) {
          continue;
        }
        Map<String, Object> cells =
            SyntheticReport.generate((unit + year).hashCode(), 30, null).cells();
        Scope scope = year == YEAR && unit.equals(AGGREGATE_2023) ? Scope.AGGREGATE : Scope.SELF;
        fixtures.submit(unit, year, FormatVersion.FMT2021, scope, cells);
        if (scope == Scope.SELF) {
          SELF.put(unit + "/" + year, cells);
        }
      }
    }
    seeded = true;
  }

  private static List<String> ningxiaGovernments() {
    return List.of(
        "640000", "640100", "640200", "640300", "640400", "640500", "640104", "640105", "640106",
        "640121", "640122", "640181", "640202", "640205", "640221", "640302", "640303", "640323",
        "640324", "640381", "640402", "640422", "640423", "640424", "640425", "640502", "640521",
        "640522");
  }

  /** The sum of the submitted SELF reports of the year whose unit matches. */
  private static Map<String, BigDecimal> expected(int year, Predicate<String> unitFilter) {
    Map<String, BigDecimal> sums = new LinkedHashMap<>();
    for (CellDefinition cell : FMT2021.cells()) {
      sums.put(cell.key(), BigDecimal.ZERO);
    }
    SELF.forEach(
        (key, cells) -> {
          String unit = key.substring(0, key.indexOf('/'));
          if (key.endsWith("/" + year) && unitFilter.test(unit)) {
            cells.forEach((k, v) -> sums.merge(k, new BigDecimal(v.toString()), BigDecimal::add));
          }
        });
    return sums;
  }

  private static Predicate<String> inSubtree(String region) {
    String prefix =
        region.equals("000000")
            ? ""
            : region.endsWith("0000")
                ? region.substring(0, 2)
                : region.endsWith("00") ? region.substring(0, 4) : region;
    return unit -> REGION_OF.get(unit).startsWith(prefix);
  }

  private static JsonPath rollup(String region, int year, String... query) {
    var request = given().filter(CONTRACT).config(DECIMALS);
    for (int i = 0; i + 1 < query.length; i += 2) {
      request = request.queryParam(query[i], query[i + 1]);
    }
    return request
        .when()
        .get("/api/v1/rollups/{r}/{y}", region, year)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(
            io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                .numberReturnType(NumberReturnType.BIG_DECIMAL));
  }

  private static void assertCells(Map<String, Object> actual, Map<String, BigDecimal> expected) {
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach(
        (k, v) ->
            assertThat(new BigDecimal(actual.get(k).toString())).as(k).isEqualByComparingTo(v));
  }

  @Test
  void sumsEqualTheSelfReportsForCountyCityProvinceAndNation() {
    for (String region : List.of("640104", "640100", "640000")) {
      JsonPath r = rollup(region, YEAR);
      assertCells(r.getMap("cells"), expected(YEAR, inSubtree(region)));
      assertThat(r.getString("formatVersion")).isEqualTo("FMT2021");
      assertCells(r.getMap("cells"), fixtures.databaseSums(YEAR, region));
    }
    // the nation also holds what other test classes stored: compare with the report tables
    // themselves
    assertCells(rollup("000000", YEAR).getMap("cells"), fixtures.databaseSums(YEAR, "000000"));
    JsonPath county = rollup("640104", YEAR);
    assertThat(county.getList("children")).isEmpty();
    assertThat(county.getInt("coverage.expectedUnits")).isEqualTo(3);
    assertThat(county.getInt("coverage.reportingUnits")).isEqualTo(3);
    JsonPath nation = rollup("000000", YEAR);
    assertThat(nation.getList("children")).hasSize(31);
    assertThat(nation.getString("region.level")).isEqualTo("NATION");
  }

  @Test
  void childrenAreTheNextLevelWithTheirOwnSums() {
    JsonPath province = rollup("640000", YEAR);
    assertThat(province.getList("children.region.code", String.class))
        .containsExactly("640100", "640200", "640300", "640400", "640500");
    Map<String, Object> yinchuan =
        province.getMap("children.find { it.region.code == '640100' }.cells");
    assertCells(yinchuan, expected(YEAR, inSubtree("640100")));
    assertThat(
            province.getInt("children.find { it.region.code == '640400' }.coverage.missingTotal"))
        .isEqualTo(1);
  }

  @Test
  void aggregateReportIsNeverAddedButComparedAsDeclared() {
    JsonPath city = rollup(AGGREGATE_2023, YEAR);
    Map<String, BigDecimal> computed = expected(YEAR, inSubtree(AGGREGATE_2023));
    assertCells(city.getMap("cells"), computed);
    assertThat(city.getString("declared.unit")).isEqualTo(AGGREGATE_2023);
    assertThat(city.getList("coverage.aggregateOnly", String.class))
        .containsExactly(AGGREGATE_2023);
    assertThat(city.getInt("coverage.reportingUnits"))
        .isEqualTo(city.getInt("coverage.expectedUnits") - 1);
    Map<String, Object> declared =
        SyntheticReport.generate((AGGREGATE_2023 + YEAR).hashCode(), 30, null).cells();
    List<String> differing = new ArrayList<>();
    declared.forEach(
        (k, v) -> {
          if (new BigDecimal(v.toString()).compareTo(computed.get(k)) != 0) {
            differing.add(k);
          }
        });
    assertThat(city.getList("declared.differences.key", String.class))
        .containsExactlyElementsOf(differing);
    assertThat(
            new BigDecimal(
                city.getString("declared.differences.find { it.key == 's3.new.total' }.declared")))
        .isEqualByComparingTo(new BigDecimal(declared.get("s3.new.total").toString()));
    // a region without an AGGREGATE report has no declared part
    assertThat(rollup("640200", YEAR).getMap("$")).doesNotContainKey("declared");
  }

  @Test
  void coverageListsExactlyTheUnitsWithoutAReport() {
    JsonPath province = rollup("640000", YEAR);
    assertThat(province.getList("coverage.missing", String.class))
        .containsExactlyElementsOf(MISSING_2023);
    assertThat(province.getInt("coverage.missingTotal")).isEqualTo(2);
    assertThat(province.getInt("coverage.expectedUnits")).isEqualTo(31);
    assertThat(province.getInt("coverage.reportingUnits")).isEqualTo(31 - 2 - 1);
    given()
        .filter(CONTRACT)
        .queryParam("size", 1)
        .queryParam("page", 2)
        .when()
        .get("/api/v1/rollups/640000/{y}/missing", YEAR)
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items.code", contains("640521"))
        .body("items[0].name", equalTo("中宁县人民政府"));
  }

  @Test
  void kindsAndOwnLevelRestrictTheUnits() {
    JsonPath departments = rollup("640000", YEAR, "kinds", "DEPARTMENT");
    assertCells(departments.getMap("cells"), expected(YEAR, u -> u.length() == 18));
    assertThat(departments.getInt("coverage.expectedUnits")).isEqualTo(3);
    assertThat(departments.getMap("$")).doesNotContainKey("declared");
    JsonPath own = rollup("640104", YEAR, "level", "own", "kinds", "PEOPLES_GOV,DEPARTMENT");
    assertCells(own.getMap("cells"), expected(YEAR, u -> REGION_OF.get(u).equals("640104")));
    JsonPath cityOwn = rollup("640100", YEAR, "level", "own");
    // 银川市本级: only its government, which filed an AGGREGATE report: nothing summed
    assertThat(cityOwn.getInt("coverage.expectedUnits")).isEqualTo(1);
    assertThat(cityOwn.getInt("coverage.reportingUnits")).isEqualTo(0);
    assertThat(cityOwn.getList("children")).isEmpty();
    assertCells(cityOwn.getMap("cells"), expected(YEAR, u -> false));
  }

  @Test
  void indicatorsAreRatiosOfTheSums() {
    JsonPath r = rollup("640000", YEAR);
    Map<String, BigDecimal> s = expected(YEAR, inSubtree("640000"));
    Map<String, BigDecimal> previous = expected(YEAR - 1, inSubtree("640000"));
    BigDecimal processed = s.get("s3.total_processed.total");
    assertThat(new BigDecimal(r.getString("indicators.disclosureRate")))
        .isEqualTo(s.get("s3.granted.total").divide(processed, 4, RoundingMode.HALF_UP));
    BigDecimal withheld =
        s.entrySet().stream()
            .filter(e -> e.getKey().matches("s3\\.withheld\\..*\\.total"))
            .map(Map.Entry::getValue)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(new BigDecimal(r.getString("indicators.withheldRate")))
        .isEqualTo(withheld.divide(processed, 4, RoundingMode.HALF_UP));
    BigDecimal decided =
        s.get("s4.review.upheld").add(s.get("s4.review.corrected")).add(s.get("s4.review.other"));
    assertThat(new BigDecimal(r.getString("indicators.reviewCorrectionRate")))
        .isEqualTo(s.get("s4.review.corrected").divide(decided, 4, RoundingMode.HALF_UP));
    BigDecimal change =
        s.get("s3.new.total")
            .subtract(previous.get("s3.new.total"))
            .divide(previous.get("s3.new.total"), 4, RoundingMode.HALF_UP);
    assertThat(new BigDecimal(r.getString("indicators.newApplicationsChange"))).isEqualTo(change);
    // no reports at all: every ratio is null
    JsonPath empty = rollup("640000", 2015);
    assertThat(empty.getString("indicators.disclosureRate")).isNull();
    assertThat(empty.getString("formatVersion")).isEqualTo("FMT2019");
  }

  @Test
  void amendmentReplacesTheOldValuesExactly() {
    int year = 2024;
    Map<String, Object> first = SyntheticReport.generate(1, 30, null).cells();
    Map<String, Object> second = SyntheticReport.generate(2, 30, null).cells();
    fixtures.submit("640502", year, FormatVersion.FMT2021, Scope.SELF, first);
    fixtures.submit("640522", year, FormatVersion.FMT2021, Scope.SELF, first);
    fixtures.submit("640502", year, FormatVersion.FMT2021, Scope.SELF, second);
    Map<String, BigDecimal> expected = new LinkedHashMap<>();
    second.forEach(
        (k, v) ->
            expected.put(
                k, new BigDecimal(v.toString()).add(new BigDecimal(first.get(k).toString()))));
    assertCells(rollup("640500", year).getMap("cells"), expected);
    // SELF → AGGREGATE: the unit leaves the sum and becomes aggregate-only
    fixtures.submit("640522", year, FormatVersion.FMT2021, Scope.AGGREGATE, first);
    JsonPath after = rollup("640500", year);
    Map<String, BigDecimal> onlySecond = new LinkedHashMap<>();
    second.forEach((k, v) -> onlySecond.put(k, new BigDecimal(v.toString())));
    assertCells(after.getMap("cells"), onlySecond);
    assertThat(after.getList("coverage.aggregateOnly", String.class)).containsExactly("640522");
    // the ledger agrees with a rebuild from the report tables
    Map<String, Object> before = after.getMap("cells");
    fixtures.rebuild(year);
    assertThat(rollup("640500", year).getMap("cells")).isEqualTo(before);
    assertCells(rollup("000000", year).getMap("cells"), fixtures.databaseSums(year, "000000"));
  }

  /** A GET as it comes off the wire (no decoding of the body), with this Accept-Encoding if any. */
  private static java.net.http.HttpResponse<byte[]> rawGet(String path, String acceptEncoding)
      throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + path));
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    return java.net.http.HttpClient.newHttpClient()
        .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * The JSON goes out gzip-compressed to a client that accepts it (as kept in memory) and plain to
   * one that does not: the same bytes once inflated, the same entity tag, Vary on Accept-Encoding.
   */
  @Test
  void aRollupIsSentCompressedToWhoeverAcceptsIt() throws Exception {
    var plain = rawGet("/api/v1/rollups/640000/2022", null);
    var zipped = rawGet("/api/v1/rollups/640000/2022", "br;q=1.0, gzip;q=0.8");
    var refused = rawGet("/api/v1/rollups/640000/2022", "gzip;q=0, identity");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(zipped.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    assertThat(zipped.headers().firstValue("ETag")).isEqualTo(plain.headers().firstValue("ETag"));
    byte[] inflated =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))
            .readAllBytes();
    assertThat(inflated).isEqualTo(plain.body());
    assertThat(refused.body()).isEqualTo(plain.body());
    assertThat(zipped.body().length).isLessThan(plain.body().length / 3);
    assertThat(new String(plain.body(), StandardCharsets.UTF_8))
        .startsWith("{\"region\":{\"code\":\"640000\"");
  }

  /**
   * A rollup is answered from memory while the rows it is computed from are unchanged: the ETag
   * (their digest) gives 304 until a change in scope, and the declared aggregate, which adds
   * nothing to the summaries, still changes it.
   */
  @Test
  void etagChangesExactlyWhenTheRollupDoes() {
    int year = 2022;
    String etag =
        given()
            .get("/api/v1/rollups/640200/{y}", year)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    assertThat(etag).matches("\"[0-9a-f]{32}\"");
    given()
        .filter(CONTRACT)
        .header("If-None-Match", etag)
        .get("/api/v1/rollups/640200/{y}", year)
        .then()
        .statusCode(304)
        .header("ETag", etag);
    String csvTag =
        given()
            .accept("text/csv")
            .get("/api/v1/rollups/640200/{y}", year)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    assertThat(csvTag).isNotEqualTo(etag);
    // a change elsewhere leaves it alone
    fixtures.submit(
        "640302",
        year,
        FormatVersion.FMT2021,
        Scope.SELF,
        SyntheticReport.generate(7, 30, null).cells());
    given()
        .header("If-None-Match", etag)
        .get("/api/v1/rollups/640200/{y}", year)
        .then()
        .statusCode(304);
    // the region's government declares an aggregate, then amends it: the rollup shows each
    Map<String, Object> declared = SyntheticReport.generate(8, 30, null).cells();
    fixtures.submit("640200", year, FormatVersion.FMT2021, Scope.AGGREGATE, declared);
    JsonPath first =
        given().get("/api/v1/rollups/640200/{y}", year).then().statusCode(200).extract().jsonPath();
    assertThat(first.getString("declared.cells.'s3.new.total'"))
        .isEqualTo(declared.get("s3.new.total").toString());
    Map<String, Object> amended = new LinkedHashMap<>(declared);
    amended.put(
        "s2.penalty.decisions", ((Number) declared.get("s2.penalty.decisions")).longValue() + 1);
    fixtures.submit("640200", year, FormatVersion.FMT2021, Scope.AGGREGATE, amended);
    var second =
        given()
            .header("If-None-Match", etag)
            .get("/api/v1/rollups/640200/{y}", year)
            .then()
            .statusCode(200)
            .extract();
    assertThat(second.jsonPath().getLong("declared.cells.'s2.penalty.decisions'"))
        .isEqualTo(((Number) amended.get("s2.penalty.decisions")).longValue());
    assertThat(second.header("ETag")).isNotEqualTo(etag);
  }

  /**
   * Coverage comes from counts kept as units and reports change (V14): for every 宁夏 region, every
   * year this class writes, and each filter, it equals a count over every unit against the report
   * tables, and the lists are the first codes of that count.
   */
  @Test
  void coverageEqualsACountOverEveryUnitAgainstTheReportTables() throws Exception {
    otherFormatIsExcludedAndListed(); // a year with an other-format report too
    List<String> regions = new ArrayList<>(List.of("000000"));
    regions.addAll(ningxiaGovernments());
    String[][] filters = {
      {},
      {"level", "own"},
      {"kinds", "DEPARTMENT"},
      {"kinds", "PEOPLES_GOV,DEPARTMENT", "level", "own"}
    };
    int compared = 0;
    for (int year : new int[] {2021, YEAR}) { // other format; aggregate and missing units
      for (String region : regions) {
        for (String[] filter : filters) {
          boolean own = List.of(filter).contains("own");
          String kinds = filter.length > 1 && filter[0].equals("kinds") ? filter[1] : null;
          Map<String, List<String>> byState = dataSource.states(region, year, own, kinds);
          JsonPath r = coverage(region, year, filter);
          String at = region + "/" + year + " " + String.join("=", filter);
          long expected = byState.values().stream().mapToLong(List::size).sum();
          assertThat(r.getLong("expectedUnits")).as(at).isEqualTo(expected);
          assertThat(r.getLong("reportingUnits")).as(at).isEqualTo(byState.get("S").size());
          assertThat(r.getLong("missingTotal")).as(at).isEqualTo(byState.get("M").size());
          assertThat(r.getLong("aggregateOnlyTotal")).as(at).isEqualTo(byState.get("A").size());
          assertThat(r.getLong("excludedOtherFormatTotal"))
              .as(at)
              .isEqualTo(byState.get("X").size());
          assertThat(r.getList("missing", String.class)).as(at).isEqualTo(first(byState.get("M")));
          assertThat(r.getList("aggregateOnly", String.class))
              .as(at)
              .isEqualTo(first(byState.get("A")));
          assertThat(r.getList("excludedOtherFormat", String.class))
              .as(at)
              .isEqualTo(first(byState.get("X")));
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(2 * 29 * 4);
  }

  /** The rollup's coverage, without the contract check (the other tests make it). */
  private static JsonPath coverage(String region, int year, String... query) {
    var request = given();
    for (int i = 0; i + 1 < query.length; i += 2) {
      request = request.queryParam(query[i], query[i + 1]);
    }
    byte[] body =
        request
            .get("/api/v1/rollups/{r}/{y}", region, year)
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    try {
      return new JsonPath(JSON.writeValueAsString(JSON.readTree(body).get("coverage")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Reads the large rollups quickly (only their coverage goes on to JsonPath). */
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private static List<String> first(List<String> codes) {
    return codes.subList(0, Math.min(codes.size(), RollupService.LIST_CAP));
  }

  @Test
  void otherFormatIsExcludedAndListed() {
    int year = 2021;
    Map<String, Object> fmt2021 = SyntheticReport.generate(3, 30, null).cells();
    Map<String, Object> fmt2019 = new LinkedHashMap<>();
    Catalogue.of(FormatVersion.FMT2019).cells().forEach(c -> fmt2019.put(c.key(), 5L));
    fixtures.submit("640302", year, FormatVersion.FMT2021, Scope.SELF, fmt2021);
    fixtures.submit("640303", year, FormatVersion.FMT2019, Scope.SELF, fmt2019);
    JsonPath r = rollup("640300", year);
    Map<String, BigDecimal> expected = new LinkedHashMap<>();
    fmt2021.forEach((k, v) -> expected.put(k, new BigDecimal(v.toString())));
    assertCells(r.getMap("cells"), expected);
    assertThat(r.getList("coverage.excludedOtherFormat", String.class)).containsExactly("640303");
    assertThat(r.getInt("coverage.reportingUnits")).isEqualTo(1);
  }

  @Test
  void csvIsASpreadsheetWithChineseLabelsAndBom() {
    byte[] body =
        given()
            .accept("text/csv")
            .when()
            .get("/api/v1/rollups/640000/{y}", YEAR)
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .extract()
            .asByteArray();
    assertThat(body[0]).isEqualTo((byte) 0xEF);
    assertThat(body[1]).isEqualTo((byte) 0xBB);
    assertThat(body[2]).isEqualTo((byte) 0xBF);
    String[] lines = new String(body, StandardCharsets.UTF_8).substring(1).split("\r\n");
    assertThat(lines[0]).startsWith("键 key,栏目 label,单位 unit,宁夏回族自治区（640000）2023,银川市（640100）");
    String newTotal =
        List.of(lines).stream()
            .filter(l -> l.startsWith("s3.new.total,"))
            .findFirst()
            .orElseThrow();
    assertThat(newTotal)
        .startsWith(
            "s3.new.total,一、本年新收政府信息公开申请数量／总计,件,"
                + expected(YEAR, inSubtree("640000")).get("s3.new.total").toPlainString()
                + ",");
    assertThat(lines).hasSize(1 + 200 + 8 + 5);
  }

  @Test
  void seriesGivesOneRollupPerYear() {
    given()
        .filter(CONTRACT)
        .queryParam("from", YEAR - 1)
        .queryParam("to", YEAR)
        .when()
        .get("/api/v1/rollups/640000/series")
        .then()
        .statusCode(200)
        .body("years", hasSize(2))
        .body("years.year", contains(YEAR - 1, YEAR))
        .body("years[0].children", nullValue())
        .body("years[1].coverage.missingTotal", equalTo(2));
  }

  @Test
  void unknownRegionIs404AndBadParametersAre400() {
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/rollups/999999/2023")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/rollups/640000/1999")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("year"));
    given()
        .filter(CONTRACT)
        .queryParam("kinds", "BUREAU")
        .when()
        .get("/api/v1/rollups/640000/2023")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("kinds"));
    given()
        .filter(RESPONSE_ONLY)
        .queryParam("level", "down")
        .when()
        .get("/api/v1/rollups/640000/2023")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("level"));
    given()
        .filter(CONTRACT)
        .queryParam("from", 2024)
        .queryParam("to", 2020)
        .when()
        .get("/api/v1/rollups/640000/series")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}

package org.nianbao.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.testsupport.Api;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.Scope;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in a real browser: Debian's headless Chromium driven through chromedriver loads
 * each view against reports submitted through the API (贵州, used by no other test), and the figures,
 * coverage, findings and history on the page are compared with what the API answers. Screenshots go
 * to target/dashboard/. Skipped, saying so, where Chromium or chromedriver is not installed
 * (.ci/run installs both).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class DashboardBrowserTest {

  private static final RestAssuredConfig DECIMALS =
      RestAssuredConfig.config()
          .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
  private static final Path SHOTS = Path.of("target", "dashboard");
  private static final String CITY = "520100";
  private static final String COUNTY = "520102";
  private static final int YEAR = 2024;
  private static final String TEXT = "一、总体情况\n本机关依据《中华人民共和国信息公开条例》开展政府信息公开工作，全年收到9999件政府信息公开申请。";

  private static boolean seeded;
  private static Browser browser;
  private static ChromeDriver driver;

  @TestHTTPResource("/dashboard/")
  URI dashboard;

  @BeforeEach
  void seedAndStartBrowser() throws Exception {
    assumeTrue(
        Browser.available(), "no Chromium/chromedriver installed: dashboard browser test skipped");
    if (!seeded) {
      seed();
      seeded = true;
    }
    if (browser == null) {
      browser = Browser.start();
      driver = browser.driver;
    }
  }

  @AfterAll
  static void quit() {
    if (browser != null) {
      browser.close();
      browser = null;
      driver = null;
    }
  }

  /**
   * 贵阳市: 2023 reports from two counties (for the trend), 2024 reports from four, 南明区's with
   * warnings in the tables and the text and amended once, and the city's own AGGREGATE report, the
   * counties' sum but for two cells.
   */
  private static void seed() {
    submit("520103", 2023, ReportDocuments.random(FormatVersion.FMT2021, new Random(1)).json());
    submit("520111", 2023, ReportDocuments.random(FormatVersion.FMT2021, new Random(2)).json());
    ReportDocuments.Builder nanming = ReportDocuments.random(FormatVersion.FMT2021, new Random(3));
    nanming
        .set("s2.normative_doc.issued", nanming.count("s2.normative_doc.in_force") + 2)
        .text("s1", TEXT);
    Response first = submit(COUNTY, YEAR, nanming.json());
    nanming.add("s2.licensing.decisions", 7);
    Api.asAdmin()
        .contentType("application/json")
        .header("If-Match", first.getHeader("ETag"))
        .body(nanming.json())
        .put("/api/v1/units/{code}/reports/{year}", COUNTY, YEAR)
        .then()
        .statusCode(200);
    ReportDocuments.Builder aggregate =
        ReportDocuments.random(FormatVersion.FMT2021, new Random(4)).scope(Scope.AGGREGATE);
    List<ReportDocuments.Builder> counties = new ArrayList<>(List.of(nanming));
    for (int i = 0; i < 3; i++) {
      ReportDocuments.Builder county =
          ReportDocuments.random(FormatVersion.FMT2021, new Random(4 + i));
      submit(List.of("520112", "520113", "520115").get(i), YEAR, county.json());
      counties.add(county);
    }
    // the city's own AGGREGATE report: the sum of its counties' reports but for two cells it got
    // wrong
    for (String key : aggregate.cells().keySet()) {
      BigDecimal sum = BigDecimal.ZERO;
      for (ReportDocuments.Builder county : counties) {
        sum = sum.add(county.cells().get(key).decimalValue());
      }
      aggregate.set(key, sum);
    }
    aggregate.add("s2.licensing.decisions", 10).add("s2.penalty.decisions", -5);
    submit(CITY, YEAR, aggregate.json());
  }

  private static Response submit(String unit, int year, String json) {
    return Api.asAdmin()
        .contentType("application/json")
        .body(json)
        .put("/api/v1/units/{code}/reports/{year}", unit, year)
        .then()
        .statusCode(201)
        .extract()
        .response();
  }

  @Test
  void regionViewShowsTheRollupsFiguresCoverageAndDeclaredDifferences() throws Exception {
    JsonPath rollup = json("/api/v1/rollups/" + CITY + "/" + YEAR);
    JsonPath missing = json("/api/v1/rollups/" + CITY + "/" + YEAR + "/missing?size=100");
    long ms = open("#/region/" + CITY + "/" + YEAR, "region");

    assertThat(text(By.cssSelector("h1"))).startsWith("贵阳市");
    assertThat(
            driver.findElements(By.cssSelector(".crumbs a")).stream()
                .map(WebElement::getText)
                .toList())
        .containsExactly("全国", "贵州省");
    for (String c :
        List.of(
            "expectedUnits",
            "reportingUnits",
            "missingTotal",
            "aggregateOnlyTotal",
            "excludedOtherFormatTotal")) {
      assertThat(attr(By.cssSelector("[data-cov='" + c + "']"), "data-value"))
          .as(c)
          .isEqualTo(rollup.getString("coverage." + c));
    }
    assertThat(rollup.getInt("coverage.reportingUnits")).isEqualTo(4);
    List<String> listed =
        driver.findElements(By.cssSelector("#missing-units a")).stream()
            .map(a -> a.getAttribute("data-unit"))
            .toList();
    assertThat(listed).isEqualTo(missing.getList("items.code", String.class));
    assertThat(listed).hasSize(Math.min(100, rollup.getInt("coverage.missingTotal")));

    for (String key :
        List.of(
            "s3.new.total",
            "s3.total_processed.total",
            "s3.carried_out.total",
            "s4.review.total",
            "s2.admin_fee.amount",
            "s2.regulation.in_force",
            "s2.normative_doc.in_force")) {
      assertSameNumber(figure(key), rollup.get("cells.'" + key + "'"), key);
    }
    for (String key :
        List.of("disclosureRate", "reviewCorrectionRate", "litigationCorrectionRate")) {
      assertSameNumber(figure(key), rollup.get("indicators." + key), key);
    }
    BigDecimal litigation =
        new BigDecimal(rollup.getString("cells.'s4.litigation_direct.total'"))
            .add(new BigDecimal(rollup.getString("cells.'s4.litigation_after_review.total'")));
    assertSameNumber(figure("s4.litigation.total"), litigation, "litigation");
    assertThat(text(By.cssSelector("tr[data-figure='s3.new.total'] td")))
        .isEqualTo(grouped(rollup.get("cells.'s3.new.total'")));
    JsonPath lastYear = json("/api/v1/rollups/" + CITY + "/" + (YEAR - 1));
    assertThat(text(By.cssSelector("tr[data-figure='s3.new.total'] td.prev")))
        .isEqualTo(grouped(lastYear.get("cells.'s3.new.total'")));

    List<Map<String, Object>> children = rollup.getList("children");
    assertThat(driver.findElements(By.cssSelector("#children-table tbody tr")))
        .hasSize(children.size());
    for (Map<String, Object> child : children) {
      @SuppressWarnings("unchecked")
      Map<String, Object> region = (Map<String, Object>) child.get("region");
      @SuppressWarnings("unchecked")
      Map<String, Object> coverage = (Map<String, Object>) child.get("coverage");
      List<WebElement> cells =
          driver.findElements(
              By.cssSelector("#children-table tr[data-child='" + region.get("code") + "'] td"));
      assertThat(cells.get(0).getAttribute("data-value"))
          .isEqualTo(coverage.get("expectedUnits").toString());
      assertThat(cells.get(1).getAttribute("data-value"))
          .isEqualTo(coverage.get("reportingUnits").toString());
    }

    List<Map<String, Object>> differences = rollup.getList("declared.differences");
    assertThat(differences)
        .extracting(d -> d.get("key"))
        .containsExactly("s2.licensing.decisions", "s2.penalty.decisions");
    List<WebElement> flagged = driver.findElements(By.cssSelector("#declared tr.flag"));
    assertThat(flagged.stream().map(r -> r.getAttribute("data-key")).toList())
        .isEqualTo(differences.stream().map(d -> d.get("key").toString()).toList());
    assertThat(
            driver.findElements(
                By.cssSelector(
                    "#chart-children canvas, #chart-trend canvas, #chart-outcomes canvas")))
        .hasSize(3);
    assertNoCspViolation();
    screenshot("region", 1280);
    System.out.printf("dashboard region view %s/%d rendered in %d ms%n", CITY, YEAR, ms);

    // on a phone
    browser.viewport(390, 844);
    try {
      open("#/region/" + CITY + "/" + YEAR, "region");
      Number scroll = (Number) js("return document.documentElement.scrollWidth");
      assertThat(scroll.intValue())
          .as("no sideways scrolling of the page on a phone")
          .isLessThanOrEqualTo(390);
      screenshot("region-phone", 390);
    } finally {
      browser.desktop();
    }
  }

  @Test
  void reportViewPutsEveryFindingOnItsCellsAndShowsTheHistory() throws Exception {
    JsonPath report = json("/api/v1/units/" + COUNTY + "/reports/" + YEAR);
    JsonPath catalogue = json("/api/v1/catalogue?format=FMT2021");
    long ms = open("#/report/" + COUNTY + "/" + YEAR, "report");

    assertThat(text(By.cssSelector("h1"))).startsWith("南明区人民政府");
    List<String> keys = catalogue.getList("cells.key", String.class);
    List<WebElement> tds = driver.findElements(By.cssSelector("td[data-key]"));
    assertThat(tds.stream().map(td -> td.getAttribute("data-key")).sorted().toList())
        .isEqualTo(keys.stream().sorted().toList());
    Map<String, String> shown = new LinkedHashMap<>();
    tds.forEach(td -> shown.put(td.getAttribute("data-key"), td.getAttribute("data-value")));
    for (String key : keys) {
      assertSameNumber(shown.get(key), report.get("cells.'" + key + "'"), key);
    }

    List<Map<String, Object>> findings = report.getList("findings");
    assertThat(findings).extracting(f -> f.get("rule")).contains("S2-02", "TXT-04");
    assertThat(driver.findElements(By.cssSelector("#findings-list > li"))).hasSize(findings.size());
    List<String> flaggedByApi = new ArrayList<>();
    for (Map<String, Object> f : findings) {
      @SuppressWarnings("unchecked")
      List<String> cells = (List<String>) f.get("cells");
      for (String cell : cells) {
        WebElement td = driver.findElement(By.id("cell-" + cell));
        assertThat(td.getAttribute("data-rules").split(" "))
            .as(cell)
            .contains(f.get("rule").toString());
        assertThat(td.getAttribute("class"))
            .as(cell)
            .contains("flag-" + ("ERROR".equals(f.get("severity")) ? "ERROR" : "WARNING"));
        assertThat(td.findElement(By.cssSelector(".tip")).getAttribute("textContent"))
            .contains(((Map<?, ?>) f.get("message")).get("zh").toString());
        flaggedByApi.add(cell);
      }
    }
    assertThat(
            driver.findElements(By.cssSelector("td[data-rules]")).stream()
                .map(td -> td.getAttribute("data-key"))
                .toList())
        .containsExactlyInAnyOrderElementsOf(flaggedByApi.stream().distinct().toList());
    assertThat(driver.findElement(By.id("cell-s2.normative_doc.issued")).getAttribute("data-rules"))
        .contains("S2-02");

    WebElement mark = driver.findElement(By.cssSelector("#narrative mark[data-rule='TXT-04']"));
    assertThat(mark.getText()).startsWith("《中华人民共和国信息公开条例》");

    List<WebElement> versions = driver.findElements(By.cssSelector("#versions tbody tr"));
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).getAttribute("data-version")).isEqualTo("2");
    WebElement change =
        versions.get(0).findElement(By.cssSelector("li[data-cell='s2.licensing.decisions']"));
    JsonPath history = json("/api/v1/units/" + COUNTY + "/reports/" + YEAR + "/versions");
    assertThat(change.getText())
        .endsWith(
            grouped(history.get("versions[1].changes[0].old"))
                + " → "
                + grouped(history.get("versions[1].changes[0].new")));
    assertThat(attr(By.id("link-json"), "href"))
        .endsWith("/api/v1/units/" + COUNTY + "/reports/" + YEAR);
    assertNoCspViolation();
    screenshot("report", 1280);
    System.out.printf("dashboard report view %s/%d rendered in %d ms%n", COUNTY, YEAR, ms);
  }

  @Test
  void findingsViewCountsRulesAndSortsUnits() throws Exception {
    JsonPath summary = json("/api/v1/findings?region=520000&year=" + YEAR + "&size=500");
    long ms = open("#/findings/520000/" + YEAR, "findings");

    assertThat(attr(By.cssSelector("[data-count='reports']"), "data-value"))
        .isEqualTo(summary.getString("reports"));
    List<Map<String, Object>> rules = summary.getList("rules");
    List<WebElement> rows = driver.findElements(By.cssSelector("#rules tbody tr"));
    assertThat(rows).hasSize(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      List<WebElement> tds = rows.get(i).findElements(By.tagName("td"));
      assertThat(rows.get(i).getAttribute("data-rule")).isEqualTo(rules.get(i).get("rule"));
      assertThat(tds.get(2).getAttribute("data-value"))
          .isEqualTo(rules.get(i).get("reports").toString());
      assertThat(tds.get(3).getAttribute("data-value"))
          .isEqualTo(rules.get(i).get("findings").toString());
    }
    List<Map<String, Object>> units = summary.getList("units.items");
    assertThat(units).extracting(u -> u.get("unit")).contains(COUNTY);
    assertThat(unitOrder()).isEqualTo(units.stream().map(u -> u.get("unit").toString()).toList());

    driver.findElement(By.cssSelector("button[data-sort='warnings']")).click();
    List<String> byWarnings =
        units.stream()
            .sorted(
                Comparator.comparing(
                        (Map<String, Object> u) -> -((Number) u.get("warnings")).intValue())
                    .thenComparing(u -> u.get("unit").toString()))
            .map(u -> u.get("unit").toString())
            .toList();
    assertThat(unitOrder()).isEqualTo(byWarnings);
    assertThat(attr(By.cssSelector("th[aria-sort='descending'] button"), "data-sort"))
        .isEqualTo("warnings");
    driver.findElement(By.cssSelector("button[data-sort='warnings']")).click();
    assertThat(unitOrder())
        .isEqualTo(
            units.stream()
                .sorted(
                    Comparator.comparing(
                            (Map<String, Object> u) -> ((Number) u.get("warnings")).intValue())
                        .thenComparing(u -> u.get("unit").toString()))
                .map(u -> u.get("unit").toString())
                .toList());
    assertThat(attr(By.cssSelector("#units tr[data-unit='" + COUNTY + "'] a"), "href"))
        .endsWith("#/report/" + COUNTY + "/" + YEAR);
    assertNoCspViolation();
    screenshot("findings", 1280);
    System.out.printf("dashboard findings view 520000/%d rendered in %d ms%n", YEAR, ms);
  }

  @Test
  void switchesToEnglishAndBack() {
    open("#/region/" + CITY + "/" + YEAR, "region");
    assertThat(text(By.id("h-coverage"))).isEqualTo("报送情况");
    driver.findElement(By.id("lang")).click();
    waitReady("region");
    assertThat(text(By.id("h-coverage"))).isEqualTo("Coverage");
    assertThat(attr(By.tagName("html"), "lang")).isEqualTo("en");
    driver.findElement(By.id("lang")).click();
    waitReady("region");
    assertThat(text(By.id("h-coverage"))).isEqualTo("报送情况");
    assertThat(attr(By.tagName("html"), "lang")).isEqualTo("zh-CN");
  }

  @Test
  void servesThePageWithAStrictPolicyAndFingerprintedCachedAssets() {
    Response page = given().get("/dashboard/").then().statusCode(200).extract().response();
    assertThat(page.getHeader("Content-Security-Policy"))
        .isEqualTo(DashboardResource.CONTENT_SECURITY_POLICY)
        .contains("script-src 'self'", "style-src 'self'", "default-src 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(page.getHeader("Cache-Control")).isEqualTo("no-cache");
    String html = page.asString();
    assertThat(html).doesNotContain("<style", "style=", "onclick", "http://", "https://");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("/dashboard/assets/(app|echarts)\\.[0-9a-f]{12}\\.(js|css)")
            .matcher(html);
    int assets = 0;
    while (m.find()) {
      assets++;
      Response asset = given().get(m.group()).then().statusCode(200).extract().response();
      assertThat(asset.getHeader("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    }
    assertThat(assets).isEqualTo(3);
    given()
        .get("/dashboard/assets/app.000000000000.js")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .redirects()
        .follow(false)
        .get("/")
        .then()
        .statusCode(303)
        .header("Location", org.hamcrest.Matchers.endsWith("/dashboard/"));
  }

  // ---- helpers
  // ----------------------------------------------------------------------------------------

  /** Loads the page afresh at a view; returns the page's render time of the view. */
  private long open(String fragment, String view) {
    browser.open(dashboard + fragment, view);
    return Long.parseLong(attr(By.id("main"), "data-render-ms"));
  }

  private void waitReady(String view) {
    browser.waitReady(view);
  }

  private List<String> unitOrder() {
    return driver.findElements(By.cssSelector("#units tbody tr")).stream()
        .map(r -> r.getAttribute("data-unit"))
        .toList();
  }

  private String figure(String id) {
    return attr(By.cssSelector("tr[data-figure='" + id + "'] td"), "data-value");
  }

  private static void assertSameNumber(String shown, Object api, String what) {
    if (api == null) {
      assertThat(shown).as(what).isEmpty();
      return;
    }
    assertThat(new BigDecimal(shown)).as(what).isEqualByComparingTo(new BigDecimal(api.toString()));
  }

  /** A number as the page shows it in Chinese: grouped by thousands. */
  private static String grouped(Object value) {
    return java.text.NumberFormat.getIntegerInstance(java.util.Locale.CHINA)
        .format(new BigDecimal(value.toString()));
  }

  private void assertNoCspViolation() {
    assertThat(attr(By.tagName("body"), "data-csp-violations"))
        .as("Content-Security-Policy violations")
        .isNull();
  }

  private void screenshot(String name, int width) throws Exception {
    browser.screenshot(SHOTS.resolve(name + ".png"), width);
  }

  private static Object js(String script) {
    return browser.js(script);
  }

  private static String text(By by) {
    return driver.findElement(by).getText();
  }

  private static String attr(By by, String name) {
    return driver.findElement(by).getAttribute(name);
  }

  private static JsonPath json(String path) {
    return given()
        .config(DECIMALS)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(
            io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                .numberReturnType(NumberReturnType.BIG_DECIMAL));
  }
}

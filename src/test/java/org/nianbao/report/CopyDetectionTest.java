package org.nianbao.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.nianbao.testsupport.Api.asAdmin;
import static org.nianbao.testsupport.Contract.CONTRACT;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.ReportDocuments;

/**
 * TXT-06 over HTTP: the narrative index finds last year's report and other units' reports of the
 * same year.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class CopyDetectionTest {

  private static JsonPath put(String unit, int year, Map<String, String> texts) {
    String json = ReportDocuments.fmt2021().texts(texts).acknowledge("S3-04", "测试：上年数据为示例").json();
    return asAdmin()
        .contentType(ContentType.JSON)
        .body(json)
        .when()
        .put("/api/v1/units/{u}/reports/{y}", unit, year)
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  private static List<Map<String, Object>> copies(JsonPath body) {
    return body.getList("findings.findAll { it.rule == 'TXT-06' }");
  }

  /** A narrative no other test stores (the suite shares one database), long enough to compare. */
  private static final Map<String, String> NARRATIVE =
      Map.of(
          "s1",
              "一、总体情况\n本区以数字政府建设为牵引，围绕城市更新、老旧小区改造和滨水空间开放等群众关切事项，"
                  + "逐月发布项目进度、资金安排和征收补偿标准，在街道便民服务中心设置查阅点，组织社区议事会听取居民意见，"
                  + "对涉及停车收费、学区划分的政策文件同步发布图文解读和问答，全年未发生因公开不到位引发的群体性投诉。",
          "s5",
              "五、存在的主要问题及改进情况\n部分街道发布的项目信息更新滞后，解读材料专业术语较多。下一步将建立项目信息"
                  + "月度核查制度，邀请社区代表参与解读稿审读，提升公开信息的可读性和时效性。",
          "s6", "六、其他需要报告的事项\n本年度未收取信息处理费。");

  @Test
  void aCopiedNarrativeIsFoundAcrossYearsAndUnits() {
    Map<String, String> texts = NARRATIVE;
    assertThat(copies(put("330105", 2023, texts))).isEmpty();

    JsonPath nextYear = put("330105", 2024, texts);
    List<Map<String, Object>> own = copies(nextYear);
    assertThat(own).hasSize(1); // a narrative of its own: only last year's report is a copy
    assertThat(own.get(0))
        .containsEntry("ref", Map.of("unit", "330105", "year", 2023))
        .containsEntry("similarity", 100);
    assertThat(nextYear.getString("findings.find { it.rule == 'TXT-06' }.message.zh"))
        .isEqualTo("年报正文与330105的2023年度报告重复度100%，存在内容雷同风险。");
    List<Map<String, Object>> spans =
        nextYear.getList("findings.find { it.rule == 'TXT-06' }.sharedSpans");
    assertThat(spans).isNotEmpty();
    Map<String, Object> longest = spans.get(0);
    String section = (String) longest.get("section");
    assertThat(
            texts
                .get(section)
                .substring((Integer) longest.get("start"), (Integer) longest.get("end")))
        .isEqualTo(longest.get("quote"));

    JsonPath otherUnit = put("330106", 2024, texts);
    List<Map<String, Object>> theirs = copies(otherUnit);
    assertThat(theirs).hasSize(1);
    assertThat(theirs.get(0))
        .containsEntry("ref", Map.of("unit", "330105", "year", 2024))
        .containsEntry("similarity", 100);

    // stored with the version, read back with its detail
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/units/330106/reports/2024")
        .then()
        .statusCode(200)
        .body("findings.find { it.rule == 'TXT-06' }.ref.unit", equalTo("330105"))
        .body("findings.find { it.rule == 'TXT-06' }.similarity", equalTo(100));

    JsonPath similar =
        given()
            .filter(CONTRACT)
            .when()
            .get("/api/v1/units/330105/reports/2024/similar")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(similar.getList("similar.unit")).containsExactly("330105", "330106");
    assertThat(similar.getList("similar.year")).containsExactly(2023, 2024);
    assertThat(similar.getList("similar.similarity")).containsExactly(100, 100);
  }

  @Test
  void theDryRunFindsTheSameCopiesAndComparesNothingWithoutAUnit() {
    Map<String, String> texts =
        Map.of(
            "s1",
            "一、总体情况\n本县围绕千岛湖生态保护和山区共同富裕，按月公开生态补偿资金分配、农村饮用水达标提标工程进度和"
                + "民宿行业扶持政策，在乡镇便民服务中心和村务公开栏同步张贴，组织政策宣讲进农家乐经营户，"
                + "对涉及水源保护区划定和搬迁补偿的文件逐条发布解读。",
            "s5",
            "五、存在的主要问题及改进情况\n部分乡镇公开栏更新不及时，解读材料篇幅偏长。下一步将建立乡镇公开栏季度检查" + "制度，推行一图读懂，方便群众阅读。",
            "s6",
            "六、其他需要报告的事项\n本年度未收取信息处理费。");
    put("330122", 2023, texts);
    put("330127", 2024, texts);
    String document =
        ReportDocuments.fmt2021().texts(texts).acknowledge("S3-04", "测试：上年数据为示例").json();

    JsonPath dryRun =
        given()
            .filter(CONTRACT)
            .contentType(ContentType.JSON)
            .body(document)
            .queryParam("unit", "330122")
            .queryParam("year", 2024)
            .when()
            .post("/api/v1/validations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> found = copies(dryRun);
    assertThat(found).hasSize(2); // its own 2023 report, and 330127's report of the same year
    assertThat(found.get(0))
        .containsEntry("ref", Map.of("unit", "330122", "year", 2023))
        .containsEntry("similarity", 100);
    assertThat(found.get(1))
        .containsEntry("ref", Map.of("unit", "330127", "year", 2024))
        .containsEntry("similarity", 100);

    // without a unit there is nothing to compare with: no TXT-06 and no cross-year rule
    JsonPath alone =
        given()
            .filter(CONTRACT)
            .contentType(ContentType.JSON)
            .body(document)
            .queryParam("year", 2024)
            .when()
            .post("/api/v1/validations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(copies(alone)).isEmpty();
    assertThat(alone.getList("findings.rule")).doesNotContain("S3-04");

    given()
        .filter(CONTRACT)
        .contentType(ContentType.JSON)
        .body(document)
        .queryParam("unit", "999999")
        .queryParam("year", 2024)
        .when()
        .post("/api/v1/validations")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void anUnrelatedNarrativeIsNotACopy() {
    Map<String, String> own =
        Map.of(
            "s1",
            "本机关坚持以公开为常态、不公开为例外，围绕优化营商环境、乡村振兴等重点领域，及时发布政策解读和办事指南，"
                + "拓展政务新媒体渠道，方便群众查询办理事项。全年组织业务培训两次，编印工作手册一册。",
            "s5",
            "存在问题：栏目更新频率不高，解读形式较为单一。改进措施：建立定期巡查机制，丰富图解和视频解读。",
            "s6",
            "本年度未收取信息处理费。");
    JsonPath body = put("330108", 2024, own);
    assertThat(copies(body)).isEmpty();
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/units/330108/reports/2024/similar")
        .then()
        .statusCode(200)
        .body("similar.size()", equalTo(0));
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/units/330108/reports/2019/similar")
        .then()
        .statusCode(404);
  }
}

package org.nianbao.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.validation.Finding;
import org.nianbao.validation.Severity;

class HtmlImportTest {

  static final String TITLE = "卧龙区人民政府2024年政府信息公开工作年度报告";

  private final DocumentImporter importer = new DocumentImporter();

  static String wolongHtml() {
    return ReportFixtures.html(
        TITLE, ReportFixtures.tables(FormatVersion.FMT2021, ReportFixtures.wolongRaw()));
  }

  private static JsonNode expected() throws IOException {
    return new ObjectMapper().readTree(TextImportTest.resource("wolong-2024.cells.json"));
  }

  @Test
  void importsAnHtmlPageWithRowspanAndColspan() throws IOException {
    ImportResult result =
        importer.importDocument(wolongHtml().getBytes(StandardCharsets.UTF_8), "text/html");

    TextImportTest.assertCells(expected(), result.report().cells());
    assertEquals("卧龙区人民政府", result.unitName());
    assertEquals(2024, result.year());
    assertEquals(FormatVersion.FMT2021, result.formatVersion());
    assertTrue(result.findings().isEmpty(), () -> "findings: " + result.findings());
    assertEquals("（一）存在问题。信息发布不够及时。\n（二）改进情况。加强审核。", result.report().texts().get("s5"));
  }

  @Test
  void acceptsLabelVariantsBreaksAndNumberFormats() throws IOException {
    String html =
        wolongHtml()
            .replace("<span>行政规范性文件</span>", "<span>规范性文件</span>")
            .replace("现行有效件数</span>", "现行有效件数(历史累计)</span>")
            .replace("本年制发件数", "本年制发<br/>件数")
            .replace("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "(二)部分公开")
            .replace("1.属于国家秘密", "1．属于国家秘密")
            .replace("2.其他法律行政法规禁止公开", "2、其他法律行政法规禁止公开")
            .replace("3.危及“三安全一稳定”", "3.危及\"三安全一稳定\"")
            .replace("<span>8339</span>", "<span>8,339件</span>")
            .replace("<span>23</span>", "<span>２３</span>");
    ImportResult result =
        importer.importDocument(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");

    TextImportTest.assertCells(expected(), result.report().cells());
    assertTrue(result.findings().isEmpty(), () -> "findings: " + result.findings());
    assertEquals("8,339件", result.provenance().get("s2.licensing.decisions"));
  }

  @Test
  void blanksBecomeNullWithFmt04AndAFeeInYuanIsConverted() {
    Map<String, String> raw = ReportFixtures.wolongRaw();
    raw.put("s3.new.business", "&nbsp;");
    raw.put("s3.granted.research", "—");
    raw.put("s4.review.other", "");
    raw.put("s3.carried_out.nonprofit", "不详");
    raw.put("s2.admin_fee.amount", "1432062元");
    String html = ReportFixtures.html(TITLE, ReportFixtures.tables(FormatVersion.FMT2021, raw));

    ImportResult result =
        importer.importDocument(html.getBytes(StandardCharsets.UTF_8), "text/html");

    Map<String, JsonNode> cells = result.report().cells();
    assertEquals(200, cells.size());
    assertTrue(cells.get("s3.new.business").isNull());
    assertTrue(cells.get("s3.granted.research").isNull());
    assertTrue(cells.get("s4.review.other").isNull());
    assertTrue(cells.get("s3.carried_out.nonprofit").isNull());
    assertEquals(new BigDecimal("143.2062"), cells.get("s2.admin_fee.amount").decimalValue());
    assertEquals("1432062元", result.provenance().get("s2.admin_fee.amount"));

    List<Finding> fmt04 =
        result.findings().stream().filter(f -> f.rule().equals("FMT-04")).toList();
    assertEquals(
        List.of(
            List.of("s3.new.business"), List.of("s3.granted.research"), List.of("s4.review.other")),
        fmt04.stream().map(Finding::cells).toList());
    assertTrue(fmt04.stream().allMatch(f -> f.severity() == Severity.WARNING));
    assertEquals("单元格“第三部分 一、本年新收政府信息公开申请数量／商业企业”为空，按格式应填写数字（无则填0）。", fmt04.get(0).message().zh());
    assertEquals(
        "Cell \"section 三 一、本年新收政府信息公开申请数量/商业企业\" is blank; the format expects a number (0 if none).",
        fmt04.get(0).message().en());

    List<Finding> fmt03 =
        result.findings().stream().filter(f -> f.rule().equals("FMT-03")).toList();
    assertEquals(1, fmt03.size());
    assertEquals(List.of("s3.carried_out.nonprofit"), fmt03.get(0).cells());
    assertEquals("不详", fmt03.get(0).actual());
    assertEquals(4, result.findings().size());
  }

  @Test
  void aFeeColumnHeadedInYuanIsConverted() {
    String html =
        wolongHtml()
            .replace("本年收费金额（单位：万元）", "本年收费金额（单位：元）")
            .replace("<span>143.2062</span>", "<span>1,432,062</span>");
    ImportResult result =
        importer.importDocument(html.getBytes(StandardCharsets.UTF_8), "text/html");
    assertEquals(
        new BigDecimal("143.2062"),
        result.report().cells().get("s2.admin_fee.amount").decimalValue());
  }

  @Test
  void takesTheApplicantColumnOrderFromTheHeader() {
    Map<String, String> raw = ReportFixtures.wolongRaw();
    raw.put("s3.new.natural", "1");
    raw.put("s3.new.total", "2");
    // swap the 自然人 and 总计 headers: values follow the header text, not the position
    String html =
        ReportFixtures.html(TITLE, ReportFixtures.tables(FormatVersion.FMT2021, raw))
            .replace("<span>自然人</span>", "<span>@@</span>")
            .replace("<span>总计</span>", "<span>自然人</span>")
            .replace("<span>@@</span>", "<span>总计</span>");
    ImportResult result =
        importer.importDocument(html.getBytes(StandardCharsets.UTF_8), "text/html");
    assertEquals(2L, result.report().cells().get("s3.new.natural").longValue());
    assertEquals(1L, result.report().cells().get("s3.new.total").longValue());
  }

  @Test
  void aMissingNarrativeSectionIsFmt01() {
    String html = wolongHtml().replace("<p>一、总体情况</p>", "");
    ImportResult result =
        importer.importDocument(html.getBytes(StandardCharsets.UTF_8), "text/html");
    List<Finding> fmt01 =
        result.findings().stream().filter(f -> f.rule().equals("FMT-01")).toList();
    assertEquals(1, fmt01.size());
    assertEquals(Severity.ERROR, fmt01.get(0).severity());
    assertEquals("年度报告缺少第一部分“总体情况”。", fmt01.get(0).message().zh());
  }

  @Test
  void readsGbkHtml() {
    byte[] gbk = wolongHtml().replace("utf-8", "gbk").getBytes(Charset.forName("GBK"));
    ImportResult result = importer.importDocument(gbk, "text/html");
    assertEquals("卧龙区人民政府", result.unitName());
    assertEquals(8339L, result.report().cells().get("s2.licensing.decisions").longValue());
  }

  @Test
  void matchesSection4SplitIntoReviewAndLitigationTables() {
    String split =
        "<table><tr><td colspan=\"5\">行政复议</td></tr>"
            + "<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>"
            + "<tr><td>11</td><td>5</td><td>1</td><td>1</td><td>18</td></tr></table>"
            + "<p>（续表）</p>"
            + "<table><tr><td colspan=\"10\">行政诉讼</td></tr>"
            + "<tr><td colspan=\"5\">复议后起诉</td><td colspan=\"5\">未经复议直接起诉</td></tr>"
            + "<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>"
            + "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>"
            + "<tr><td>0</td><td>0</td><td>0</td><td>2</td><td>2</td>"
            + "<td>2</td><td>0</td><td>0</td><td>0</td><td>2</td></tr></table>";
    String html = wolongHtml();
    int from = html.indexOf("<table", html.indexOf("四、政府信息公开行政复议"));
    int to = html.indexOf("</table>", from) + "</table>".length();
    html = html.substring(0, from) + split + html.substring(to);

    ImportResult result =
        importer.importDocument(html.getBytes(StandardCharsets.UTF_8), "text/html");

    Map<String, JsonNode> cells = result.report().cells();
    assertEquals(18L, cells.get("s4.review.total").longValue());
    assertEquals(2L, cells.get("s4.litigation_direct.upheld").longValue());
    assertEquals(2L, cells.get("s4.litigation_after_review.pending").longValue());
    assertEquals(0L, cells.get("s4.litigation_after_review.upheld").longValue());
    assertTrue(result.findings().isEmpty(), () -> "findings: " + result.findings());
  }
}

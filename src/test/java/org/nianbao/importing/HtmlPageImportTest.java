package org.nianbao.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.FormatVersion;

/** Whole web pages as a browser saves them: the article is found, the site's chrome ignored. */
class HtmlPageImportTest {

  private final DocumentImporter importer = new DocumentImporter();

  private static final String CHROME_BEFORE =
      """
      <div class="header"><div class="top">2025年1月8日 星期三 <a href="#">繁體版</a> <a href="#">无障碍</a></div>
      <ul class="nav"><li><a href="/">首页</a></li><li><a href="/xxgk">政府信息公开</a></li><li>政民互动</li></ul>
      <script>var _hmt = _hmt || []; document.write("一、总体情况");</script></div>
      <div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 年度报告</div>
      <table class="info"><tr><td>索引号：</td><td>11411303MB1234567X/2025-00012</td><td>分类：</td><td>政府信息公开年报</td></tr>
      <tr><td>发布机构：</td><td>卧龙区人民政府办公室</td><td>发文日期：</td><td>2025-01-08</td></tr>
      <tr><td>名称：</td><td colspan="3">卧龙区人民政府2024年政府信息公开工作年度报告</td></tr></table>
      <div class="article-tools">字体：【<a>大</a> <a>中</a> <a>小</a>】</div>
      """;

  private static final String CHROME_AFTER =
      """
      <div class="share">分享到：<a>微信</a><a>微博</a></div>
      <div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
      <div class="pager"><p>上一篇：卧龙区人民政府2023年政府信息公开工作年度报告</p></div>
      <div class="footer"><p><a>网站地图</a> | <a>联系我们</a></p>
      <p>主办单位：南阳市卧龙区人民政府办公室 网站标识码：4113030001</p>
      <p>豫ICP备12345678号-1 豫公网安备 41130302000123号</p></div>
      <style>.x{color:red}</style>
      """;

  /** The generated report article wrapped in a government site's page. */
  static String wholePage() {
    String article = HtmlImportTest.wolongHtml();
    String inner =
        article.substring(
            article.indexOf("<div class=\"article\">"), article.lastIndexOf("</body>"));
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>卧龙区人民政府2024年政府信息公开工作年度报告_南阳市卧龙区人民政府"
        + "</title></head><body>"
        + CHROME_BEFORE
        + inner
        + CHROME_AFTER
        + "</body></html>";
  }

  @Test
  void aWholeSavedPageReadsOnlyItsArticle() throws IOException {
    ImportResult result =
        importer.importDocument(wholePage().getBytes(StandardCharsets.UTF_8), "text/html");

    TextImportTest.assertCells(
        new ObjectMapper().readTree(TextImportTest.resource("wolong-2024.cells.json")),
        result.report().cells());
    assertEquals("卧龙区人民政府", result.unitName());
    assertEquals(2024, result.year());
    assertEquals(FormatVersion.FMT2021, result.formatVersion());
    assertEquals("本年度未收取信息处理费。", result.report().texts().get("s6"));
    assertEquals("（一）存在问题。信息发布不够及时。\n（二）改进情况。加强审核。", result.report().texts().get("s5"));
  }

  @Test
  void theRealSavedPageOfShuyangReadsEveryCellWithoutTheSitesChrome() throws IOException {
    byte[] page = TextImportTest.resource("real/01_shuyang-fagaiju_2023.html");
    ImportResult result = importer.importDocument(page, "text/html");

    TextImportTest.assertCells(
        new ObjectMapper()
            .readTree(TextImportTest.resource("real/01_shuyang-fagaiju_2023.cells.json")),
        result.report().cells());
    assertEquals(2023, result.year());
    String s6 = result.report().texts().get("s6");
    assertTrue(s6.startsWith("2023年度，县发展和改革局政府信息公开未发生收费情况。"), s6);
    assertFalse(s6.contains("网站") || s6.contains("打印") || s6.contains("ICP"), s6);
  }

  @Test
  void deeplyNestedMarkupIsRefusedWithoutExhaustingTheStack() {
    String page =
        "<html><body>"
            + "<div>".repeat(100_000)
            + "一、总体情况"
            + "</div>".repeat(100_000)
            + "</body></html>";
    ImportException e =
        assertThrows(
            ImportException.class,
            () -> importer.importDocument(page.getBytes(StandardCharsets.UTF_8), "text/html"));
    assertEquals(
        "The page nests elements more than 400 deep; it cannot be read.", e.userMessage().en());
  }
}

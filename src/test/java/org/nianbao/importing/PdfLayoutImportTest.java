package org.nianbao.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.FormatVersion;

class PdfLayoutImportTest {

  /**
   * The 卧龙区 report as {@code pdftotext -layout} prints it: wrapped labels, a page break in table 三.
   */
  static final String PDF_LAYOUT =
      """
                         卧龙区人民政府2024年政府信息公开工作年度报告

      一、总体情况
          2024年，卧龙区按照省市关于政府信息公开的相关要求，紧紧围绕区委区政府中心工作，严格执行条例。
          （一）主动公开情况
          全年共主动公开各类政务信息15052条。

      二、主动公开政府信息情况
                                          第二十条第（一）项
         信息内容              本年制发件数          本年废止件数          现行有效件数
         规章                          0                     0                     0
         行政规范性文件               23                     6                    80
                                          第二十条第（五）项
         信息内容                                 本年处理决定数量
         行政许可                                       8,339
                                          第二十条第（六）项
         信息内容                                 本年处理决定数量
         行政处罚                                        280
         行政强制                                         43
                                          第二十条第（八）项
         信息内容                              本年收费金额（单位：万元）
         行政事业性收费                                143.2062

      三、收到和处理政府信息公开申请情况
                                                              申请人情况
       （本列数据的勾稽关系为：第一项加第                    法人或其他组织
       二项之和，等于第三项加第四项之和）    自然人   商业   科研   社会公益   法律服务   其他   总计
                                                  企业   机构   组织       机构
       一、本年新收政府信息公开申请数量             247      0      0       0          0      0    247
       二、上年结转政府信息公开申请
       数量                                           0      0      0       0          0      0      0
       三、本年度办理结果   （一）予以公开            148      0      0       0          0      0    148
                            （二）部分公开（区分处理的，只计
                            这一情形，不计其他情形）            6      0      0       0          0      0      6
                            （三）不予公开  1.属于国家秘密      1      0      0       0          0      0      1
                                     2.其他法律行政法规禁止公开   1      0      0       0          0      0      1
                                     3.危及“三安全一稳定”       0      0      0       0          0      0      0
                                     4.保护第三方合法权益         2      0      0       0          0      0      2

                                              — 3 —
      \f
                                     5.属于三类内部事务信息       0      0      0       0          0      0      0
                                     6.属于四类过程性信息         0      0      0       0          0      0      0
                                     7.属于行政执法案卷           0      0      0       0          0      0      0
                                     8.属于行政查询事项           0      0      0       0          0      0      0
                            （四）无法提供  1.本机关不掌握相关政府信息  68    0      0       0          0      0     68
                                     2.没有现成信息需要另行制作   1      0      0       0          0      0      1
                                     3.补正后申请内容仍不明确     0      0      0       0          0      0      0
                            （五）不予处理  1.信访举报投诉类申请  0      0      0       0          0      0      0
                                     2.重复申请                   0      0      0       0          0      0      0
                                     3.要求提供公开出版物         0      0      0       0          0      0      0
                                     4.无正当理由大量反复申请     0      0      0       0          0      0      0
                                     5.要求行政机关确认或重新
                                     出具已获取信息               0      0      0       0          0      0      0
                            （六）其他处理  1.申请人无正当理由逾期不补正、行政机关不再   7   0   0   0   0   0   7
                                     处理其政府信息公开申请
                                     2.申请人逾期未按收费通知要求缴纳费用、行政   0   0   0   0   0   0   0
                                     机关不再处理其政府信息公开申请
                                     3.其他                       1      0      0       0          0      0      1
                            （七）总计                        235      0      0       0          0      0    235
       四、结转下年度继续办理                          12      0      0       0          0      0     12

      四、政府信息公开行政复议、行政诉讼情况
                      行政复议                                        行政诉讼
                                                     未经复议直接起诉                    复议后起诉
        结果   结果   其他   尚未           结果   结果   其他   尚未           结果   结果   其他   尚未
        维持   纠正   结果   审结   总计    维持   纠正   结果   审结   总计    维持   纠正   结果   审结   总计
         11      5      1      1     18       2      0      0      0      2       0      0      0      2      2

                                            第 4 页
      五、存在的主要问题及改进情况
          （一）存在问题
          一是信息发布和更新效率有待提高。
          （二）改进情况
          一是高效发布政府信息公开法定内容。
      六、其他需要报告的事项
          2024年，卧龙区未收取任何政府信息公开处理费用。
      """;

  @Test
  void importsPdftotextLayoutWithWrappedLabelsAndAPageFooterInsideTheTable() throws IOException {
    ImportResult result =
        new DocumentImporter()
            .importDocument(
                PDF_LAYOUT.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8");

    TextImportTest.assertCells(
        new ObjectMapper().readTree(TextImportTest.resource("wolong-2024.cells.json")),
        result.report().cells());
    assertEquals("卧龙区人民政府", result.unitName());
    assertEquals(2024, result.year());
    assertEquals(FormatVersion.FMT2021, result.formatVersion());
    assertTrue(result.findings().isEmpty(), () -> "findings: " + result.findings());
    assertEquals("8,339", result.provenance().get("s2.licensing.decisions"));
    assertTrue(result.report().texts().get("s6").contains("未收取"));
  }

  @Test
  void splitsLayoutLinesIntoLabelsAndTrailingValues() {
    assertEquals(
        java.util.List.of("（三）不予公开", "1.属于国家秘密", "1", "0", "0"),
        TextFrontEnd.splitColumns("（三）不予公开  1.属于国家秘密 1  0 0"));
  }
}

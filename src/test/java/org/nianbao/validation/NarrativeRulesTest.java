package org.nianbao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nianbao.validation.Check.asUnit;
import static org.nianbao.validation.Check.assertFinding;
import static org.nianbao.validation.Check.only;
import static org.nianbao.validation.Check.rules;
import static org.nianbao.validation.Check.submit;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.ValidationContext.UnitProfile;

/** TXT-01 to TXT-05 and TXT-07 on short texts, one broken thing per test. */
class NarrativeRulesTest {

  private static final String FEE_OK = "本年度未收取信息处理费。";

  /**
   * A district government; the seed's SELF section 二 gets the S2-04 scope INFO, which these tests
   * ignore.
   */
  private static final UnitProfile GOV = new UnitProfile("411303", "PEOPLES_GOV", "COUNTY");

  /** The seed's cells with a clean section 六 and the given section 一. */
  private static ReportDocuments.Builder withOverview(String s1) {
    return ReportDocuments.wolong().text("s1", s1).text("s6", FEE_OK);
  }

  @Test
  void txt01_statedCountsMatchTheTable() {
    ValidationResult r =
        submit(withOverview("本年共收到政府信息公开申请247件，办结235件，结转下年度12件。发生行政复议18件，行政诉讼4件。"));
    assertEquals(List.of(), r.findings());
  }

  @Test
  void txt01_newApplications() {
    Finding f = only(submit(withOverview("本年共收到政府信息公开申请250件，办结235件。")));
    assertFinding(f, "TXT-01", Severity.WARNING, List.of("s3.new.total"), 247L, "收到政府信息公开申请250件");
    assertEquals("正文“收到政府信息公开申请250件”中的数字250与表格s3.new.total=247不一致。", f.message().zh());
  }

  @Test
  void txt01_chineseNumeralsAndLitigationSum() {
    assertFinding(
        only(submit(withOverview("全年被申请行政复议十九件。"))),
        "TXT-01",
        Severity.WARNING,
        List.of("s4.review.total"),
        18L,
        "行政复议十九件");
    assertFinding(
        only(submit(withOverview("全年发生行政诉讼5起。"))),
        "TXT-01",
        Severity.WARNING,
        List.of("s4.litigation_direct.total", "s4.litigation_after_review.total"),
        4L,
        "行政诉讼5起");
    assertFinding(
        only(submit(withOverview("已办结二百三十件，结转12件。"))),
        "TXT-01",
        Severity.WARNING,
        List.of("s3.total_processed.total"),
        235L,
        "办结二百三十件");
  }

  @Test
  void txt01_carriedInIsNotCarriedOut() {
    assertEquals(List.of(), submit(withOverview("上年结转0件，结转下年度12件。")).findings());
    assertFinding(
        only(submit(withOverview("结转下一年度办理13件。"))),
        "TXT-01",
        Severity.WARNING,
        List.of("s3.carried_out.total"),
        12L,
        "结转下一年度办理13件");
  }

  @Test
  void chineseNumbers() {
    assertEquals(new BigDecimal("12000.0"), ChineseNumbers.parse("1.2万"));
    assertEquals(BigDecimal.valueOf(105), ChineseNumbers.parse("一百零五"));
    assertEquals(BigDecimal.valueOf(12), ChineseNumbers.parse("十二"));
    assertEquals(BigDecimal.valueOf(2300), ChineseNumbers.parse("两千三百"));
    assertEquals(BigDecimal.valueOf(30_000), ChineseNumbers.parse("三万"));
  }

  @Test
  void txt02_partsAddUpToTheTotal() {
    Finding f = only(submit(withOverview("全年共发布信息10条，其中动态5条，公告4条。")));
    assertFinding(f, "TXT-02", Severity.WARNING, List.of(), 9L, "全年共发布信息10条，其中动态5条，公告4条");
    assertEquals("Narrative total 10 ≠ sum of parts 9 (difference 1).", f.message().en());
    assertEquals(List.of(), submit(withOverview("全年共发布信息10条，其中动态5条，公告5条。")).findings());
    assertEquals(List.of(), submit(withOverview("共发布10余条，其中动态5条，公告4条。")).findings());
    assertEquals(List.of(), submit(withOverview("共发布信息10条，其中动态5条。")).findings());
  }

  @Test
  void txt03_sectionSixStatesTheFee() {
    ReportDocuments.Builder b =
        ReportDocuments.wolong().text("s1", "一、总体情况").text("s6", "六、其他需要报告的事项\n无。");
    assertFinding(only(submit(b)), "TXT-03", Severity.WARNING, List.of(), "信息处理费收取情况", null);
    ReportDocuments.Builder none = ReportDocuments.wolong().text("s1", "一、总体情况");
    assertEquals(List.of("TXT-03"), rules(submit(none)));
    assertEquals(List.of(), submit(ReportDocuments.wolong().text("s6", "本年度未收费。")).findings());
  }

  @Test
  void txt04_regulationTitle() {
    Finding f = only(submit(withOverview("依据《中华人民共和国信息公开条例》编制。")));
    assertFinding(f, "TXT-04", Severity.WARNING, List.of(), "《中华人民共和国政府信息公开条例》", "《中华人民共和国信息公开条例》");
    assertEquals(List.of(), submit(withOverview("依据《中华人民共和国政府信息公开条例》编制。")).findings());
  }

  @Test
  void txt04_oldFormatBasis() {
    String text = "按照国办公开办函〔2019〕60号要求编制本报告。";
    assertFinding(
        only(submit(withOverview(text))),
        "TXT-04",
        Severity.WARNING,
        List.of(),
        "国办公开办函〔2021〕30号",
        "国办公开办函〔2019〕60号");
    ReportDocuments.Builder old = ReportDocuments.fmt2019().text("s1", text);
    assertEquals(List.of(), Check.submit(old, 2020).findings());
  }

  @Test
  void txt05_artefacts() {
    ValidationResult r = submit(withOverview("加强政务23公开工作。[bookmark: _Toc1]2024年发布会8场，共11篇。"));
    assertEquals(List.of("TXT-05", "TXT-05"), rules(r));
    assertFinding(r.findings().get(0), "TXT-05", Severity.WARNING, List.of(), "政务公开", "政务23公开");
    assertFinding(
        r.findings().get(1), "TXT-05", Severity.WARNING, List.of(), null, "[bookmark: _Toc1]");
  }

  @Test
  void txt07_governmentReportsAccountability() {
    ReportDocuments.Builder b = withOverview("（五）监督保障情况\n加强培训。");
    assertFinding(
        only(Check.withoutInfo(asUnit(b, GOV))),
        "TXT-07",
        Severity.WARNING,
        List.of(),
        "工作考核、社会评议和责任追究结果",
        null);
    assertEquals(List.of(), asUnit(b, new UnitProfile("x", "DEPARTMENT", "COUNTY")).findings());
    assertEquals(List.of(), Check.withoutInfo(asUnit(withOverview("纳入绩效考核。"), GOV)).findings());
  }

  @Test
  void noTextsNoNarrativeFindings() {
    assertEquals(List.of("S2-04"), rules(asUnit(ReportDocuments.wolong(), GOV)));
  }
}

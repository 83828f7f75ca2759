package org.nianbao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.validation.Check.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationContext.UnitProfile;

/**
 * The cases of issue 12's "Why", one fixture each: the rules that were missing and the false
 * TXT-01.
 */
class RuleBookTest {

  private static final UnitProfile DEPARTMENT = new UnitProfile("411303", "DEPARTMENT", "COUNTY");
  private static final String FEE_OK = "本年度未收取信息处理费。";

  private static ValidationResult check(ReportDocuments.Builder b) {
    return Check.VALIDATOR.validate(
        b.build(), new ValidationContext(2024, DEPARTMENT, null, Mode.SUBMISSION));
  }

  /**
   * A consistent table whose applications are all 自然人: new, carried in, processed (all granted),
   * carried out.
   */
  private static ReportDocuments.Builder applications(
      long fresh, long carriedIn, long processed, long carriedOut) {
    ReportDocuments.Builder b = ReportDocuments.fmt2021();
    for (var cell : Catalogue.of(org.nianbao.catalogue.FormatVersion.FMT2021).cells()) {
      if (cell.section() == 3) {
        b.set(cell.key(), 0L);
      }
    }
    for (String col : List.of("natural", "total")) {
      b.set("s3.new." + col, fresh)
          .set("s3.carried_in." + col, carriedIn)
          .set("s3.granted." + col, processed)
          .set("s3.total_processed." + col, processed)
          .set("s3.carried_out." + col, carriedOut);
    }
    return b.text("s6", FEE_OK);
  }

  @Test
  void txt08_sectionFiveThatSaysOnlyNone() {
    for (String none : List.of("无", "暂无问题", "五、存在的主要问题及改进情况\n无。")) {
      ValidationResult r = check(ReportDocuments.wolong().text("s5", none).text("s6", FEE_OK));
      assertEquals(List.of("TXT-08"), rules(r), none);
      Finding f = r.findings().get(0);
      assertEquals(Severity.INFO, f.severity());
      assertEquals("s5", f.span().section());
      assertEquals(none.substring(f.span().start(), f.span().end()), f.span().quote());
      assertEquals("第五部分缺少改进情况。", f.message().zh());
    }
    String both = "（一）存在的问题：信息发布不够及时。（二）改进情况：下一步将加强审核，提升时效。";
    assertEquals(
        List.of(), check(ReportDocuments.wolong().text("s5", both).text("s6", FEE_OK)).findings());
  }

  @Test
  void s3_05_allFinishedWhileSomeAreCarriedOver() {
    for (String claim : List.of("本年度收到的政府信息公开申请，所有申请均已按要求办理完成。", "全年受理政府信息公开申请10件，均已办结。")) {
      ValidationResult r = check(applications(10, 0, 9, 1).text("s1", claim));
      assertEquals(List.of("S3-05"), rules(r), claim);
      Finding f = r.findings().get(0);
      assertEquals(Severity.WARNING, f.severity());
      assertEquals(List.of("s3.carried_out.total"), f.cells());
      assertEquals(1L, f.actual());
      assertEquals("正文称申请均已办结，但表格有结转下年度1件。", f.message().zh());
      assertEquals(
          "Narrative says all applications were closed but 1 are carried over.", f.message().en());
      assertEquals("s1", f.span().section());
      assertEquals(claim.replace("。", ""), f.span().quote().replace("。", ""));
    }
    assertEquals(
        List.of("S3-05"),
        rules(check(applications(10, 0, 9, 1).text("s1", "全年共收到政府信息公开申请10件。均已按时办结。"))),
        "the applications named in the sentence before");
    assertEquals(List.of(), check(applications(10, 0, 10, 0).text("s1", "申请均已办结。")).findings());
    assertEquals(
        List.of(),
        check(applications(10, 0, 9, 1).text("s1", "申请除1件结转下年度办理外，均已办结。")).findings(),
        "an exception is not a claim that all were finished");
  }

  @Test
  void txt06_sameNarrativeAsLastYear() {
    Map<String, String> texts = ReportDocuments.wolongTexts();
    ReportDocument previous = ReportDocuments.wolong().texts(texts).build();
    ReportDocument current = ReportDocuments.wolong().texts(texts).build();
    ValidationResult r =
        Check.VALIDATOR.validate(
            current,
            new ValidationContext(
                2024,
                new UnitProfile("411303", "PEOPLES_GOV", "COUNTY"),
                previous,
                Mode.SUBMISSION));
    Finding f =
        r.findings().stream().filter(x -> x.rule().equals("TXT-06")).findFirst().orElseThrow();
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(new ReportRef("411303", 2023), f.ref());
    assertEquals(100, f.similarity());
    assertEquals("年报正文与411303的2023年度报告重复度100%，存在内容雷同风险。", f.message().zh());
    assertEquals("Narrative is 100% identical to the 2023 report of 411303.", f.message().en());
    assertTrue(f.sharedSpans().size() >= 1);
    TextSpan longest = f.sharedSpans().get(0);
    assertEquals(
        texts.get(longest.section()).substring(longest.start(), longest.end()), longest.quote());
    assertTrue(longest.quote().length() >= 200, longest::quote);
    assertEquals(longest, f.span());
  }

  @Test
  void txt06_aShortNarrativeRepeatedFromLastYear() {
    Map<String, String> texts = Map.of("s1", "本年度依法依规做好政府信息公开工作。", "s5", "无。", "s6", FEE_OK);
    ReportDocument previous = ReportDocuments.wolong().texts(texts).build();
    ValidationResult r =
        Check.VALIDATOR.validate(
            ReportDocuments.wolong().texts(texts).build(),
            new ValidationContext(2024, DEPARTMENT, previous, Mode.SUBMISSION));
    Finding f =
        r.findings().stream().filter(x -> x.rule().equals("TXT-06")).findFirst().orElseThrow();
    assertEquals(100, f.similarity());
    assertEquals(new ReportRef("411303", 2023), f.ref());
  }

  @Test
  void txt05_wordCutAtAShortLineEnd() {
    ValidationResult r =
        check(ReportDocuments.wolong().text("s1", "加强信息发布审查管\n理，规范发布流程。").text("s6", FEE_OK));
    assertEquals(List.of("TXT-05"), rules(r));
    assertEquals("审查管", r.findings().get(0).actual());
    assertEquals("审查管理", r.findings().get(0).expected());
  }

  @Test
  void txt06_verbatimOverlapWithAnotherUnitOfTheSameYear() {
    Map<String, String> texts = ReportDocuments.wolongTexts();
    NarrativeSource peers =
        (fingerprint, unit, year, limit) ->
            List.of(new NarrativeSource.Peer("411302", year, texts));
    ValidationResult r =
        Check.VALIDATOR.validate(
            ReportDocuments.wolong().texts(texts).build(),
            new ValidationContext(2024, DEPARTMENT, null, Mode.SUBMISSION, peers));
    Finding f =
        r.findings().stream().filter(x -> x.rule().equals("TXT-06")).findFirst().orElseThrow();
    assertEquals(new ReportRef("411302", 2024), f.ref());
    assertEquals(100, f.similarity());

    Map<String, String> different =
        Map.of(
            "s1",
            "本机关坚持以公开为常态、不公开为例外，围绕优化营商环境、乡村振兴等重点领域，及时发布政策解读和办事指南，"
                + "拓展政务新媒体渠道，方便群众查询办理事项。全年组织业务培训两次。",
            "s5",
            "存在问题：栏目更新频率不高。改进措施：建立定期巡查机制。");
    NarrativeSource unrelated =
        (fingerprint, unit, year, limit) ->
            List.of(new NarrativeSource.Peer("411302", year, different));
    ValidationResult clean =
        Check.VALIDATOR.validate(
            ReportDocuments.wolong().texts(texts).build(),
            new ValidationContext(2024, DEPARTMENT, null, Mode.SUBMISSION, unrelated));
    assertTrue(
        clean.findings().stream().noneMatch(x -> x.rule().equals("TXT-06")),
        clean.findings()::toString);
  }

  @Test
  void txt05_conversionArtefacts() {
    String s1 =
        "全年累计公开财政资金资金使用情况信息120条。\n"
            + "严格落实规范性文件合法性审查管\n"
            + "理制度，全年未发生违规发文。\n"
            + "[bookmark: _GoBack]";
    ValidationResult r = check(ReportDocuments.wolong().text("s1", s1).text("s6", FEE_OK));
    List<Finding> f = r.findings();
    assertEquals(List.of("TXT-05", "TXT-05", "TXT-05"), rules(r));
    assertEquals("资金资金", f.get(0).actual());
    assertEquals("资金", f.get(0).expected());
    assertTrue(((String) f.get(1).actual()).endsWith("审查管"), f.get(1)::toString);
    assertEquals("[bookmark: _GoBack]", f.get(2).actual());
    for (Finding x : f) {
      assertEquals("s1", x.span().section());
      assertEquals(s1.substring(x.span().start(), x.span().end()), x.actual());
    }
    assertEquals(
        List.of(),
        check(ReportDocuments.wolong().text("s1", "常常听取意见，一步一步推进，逐步完善。").text("s6", FEE_OK))
            .findings(),
        "reduplication is Chinese, not an artefact");
  }

  @Test
  void txt01_clausesQualifyTheFigureBeforeThem() {
    ReportDocuments.Builder b = applications(3259, 77, 3278, 58);
    assertEquals(List.of(), check(b.text("s1", "全年受理申请3259件，答复3278件（含上年度结转申请77件）。")).findings());
    assertEquals(List.of(), check(b.text("s1", "全年共收到申请3336件（含上年结转77件），办结3278件。")).findings());
    assertEquals(
        List.of(), check(b.text("s1", "共收到申请3336件，含上年结转77件；办结3278件，其中按期办结3200件。")).findings());
    assertEquals(
        List.of(),
        check(b.text("s1", "全年收到申请三千二百五十九件，办结三千二百七十八件，结转五十八件。")).findings(),
        "Chinese numerals");
    for (String approx : List.of("全年收到申请3千余件。", "全年收到申请近3300件。", "全年收到申请约3200件。", "收到申请0.3万余件。")) {
      assertEquals(List.of(), check(b.text("s1", approx)).findings(), approx);
    }
    Finding wrong = Check.only(check(b.text("s1", "全年受理申请3260件，答复3278件（含上年度结转申请77件）。")));
    assertEquals("TXT-01", wrong.rule());
    assertEquals(3259L, wrong.expected());
    assertEquals("受理申请3260件", wrong.span().quote());
    assertEquals(2, wrong.span().start());
  }

  @Test
  void fmt07_statedPeriodIsTheReportYear() {
    String wrong = "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。";
    ValidationResult r = check(ReportDocuments.wolong().text("s1", wrong).text("s6", FEE_OK));
    assertEquals(List.of("FMT-07"), rules(r));
    assertEquals(Severity.ERROR, r.findings().get(0).severity());
    assertEquals("2023年1月1日起至2023年12月31日", r.findings().get(0).span().quote());
    String right = "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。";
    assertEquals(
        List.of(), check(ReportDocuments.wolong().text("s1", right).text("s6", FEE_OK)).findings());
  }

  @Test
  void s2_04_aGovernmentsSelfReportWithRegionWideFigures() {
    UnitProfile gov = new UnitProfile("411303", "PEOPLES_GOV", "COUNTY");
    ReportDocuments.Builder b = ReportDocuments.fmt2021().set("s2.licensing.decisions", 8339L);
    ValidationResult r = Check.asUnit(b, gov);
    assertEquals(List.of("S2-04"), rules(r));
    assertEquals(Severity.INFO, r.findings().get(0).severity());
    assertEquals(List.of("s2.licensing.decisions"), r.findings().get(0).cells());
    assertEquals(List.of(), Check.asUnit(b.scope(Scope.AGGREGATE), gov).findings());
    assertEquals(
        List.of(),
        Check.asUnit(ReportDocuments.fmt2021().set("s2.licensing.decisions", 8339L), DEPARTMENT)
            .findings());
  }

  @Test
  void id01_divisionCodeValidForTheReportYear() {
    UnitProfile linping = new UnitProfile("330113", "PEOPLES_GOV", "COUNTY");
    ValidationResult r =
        Check.VALIDATOR.validate(
            ReportDocuments.fmt2021().format(org.nianbao.catalogue.FormatVersion.FMT2019).build(),
            new ValidationContext(2020, linping, null, Mode.SUBMISSION));
    assertTrue(rules(r).contains("ID-01"), r.findings()::toString);
    Finding f =
        r.findings().stream().filter(x -> x.rule().equals("ID-01")).findFirst().orElseThrow();
    assertEquals(Severity.ERROR, f.severity());
    assertEquals("行政区划代码330113在2020年无效。", f.message().zh());
    assertEquals("Division code 330113 is not valid for 2020.", f.message().en());
    assertEquals(
        List.of(),
        Check.VALIDATOR
            .validate(
                ReportDocuments.fmt2021().build(),
                new ValidationContext(2021, linping, null, Mode.SUBMISSION))
            .findings());
  }

  @Test
  void id03_id04_organisationCodeAndProvinceInTheCreditCode() {
    // 11341702486344515H: 安徽 (34) registration, organisation code 48634451-5
    UnitProfile anhui = new UnitProfile("11341702486344515H", "DEPARTMENT", "COUNTY", "341702");
    assertEquals(List.of(), Check.asUnit(ReportDocuments.fmt2021(), anhui).findings());
    UnitProfile elsewhere = new UnitProfile("11341702486344515H", "DEPARTMENT", "COUNTY", "411303");
    ValidationResult r = Check.asUnit(ReportDocuments.fmt2021(), elsewhere);
    assertEquals(List.of("ID-04"), rules(r));
    assertEquals("41", r.findings().get(0).expected());
    assertEquals("34", r.findings().get(0).actual());
    UnitProfile broken = new UnitProfile("11341702486344516H", "DEPARTMENT", "COUNTY", "341702");
    ValidationResult bad = Check.asUnit(ReportDocuments.fmt2021(), broken);
    assertEquals(List.of("ID-03"), rules(bad));
    assertEquals("统一社会信用代码中组织机构代码校验失败。", bad.findings().get(0).message().zh());
    assertNull(bad.findings().get(0).span());
  }
}

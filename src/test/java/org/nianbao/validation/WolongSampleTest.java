package org.nianbao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationContext.UnitProfile;

/** The 卧龙区 2024 seed gives exactly the results of SPEC §3.9. */
class WolongSampleTest {

  private static final UnitProfile WOLONG = new UnitProfile("411303", "PEOPLES_GOV", "COUNTY");

  private final Validator validator = new Validator();

  @Test
  void splitsTheTextIntoSixSections() {
    Map<String, String> texts = ReportDocuments.wolongTexts();
    assertEquals(List.of("s1", "s2", "s3", "s4", "s5", "s6"), List.copyOf(texts.keySet()));
    assertTrue(texts.get("s1").startsWith("一、总体情况"));
    assertTrue(texts.get("s6").contains("六、其他需要报告的事项"));
  }

  @Test
  void cellsAloneRaiseOnlyTheScopePrompt() {
    ValidationResult result =
        validator.validate(
            ReportDocuments.wolong().build(),
            new ValidationContext(2024, WOLONG, null, Mode.SUBMISSION));
    assertEquals(1, result.findings().size(), result.findings()::toString);
    Finding scope = result.findings().get(0);
    assertEquals("S2-04", scope.rule());
    assertEquals(Severity.INFO, scope.severity());
    assertEquals(List.of("s2.licensing.decisions"), scope.cells());
    assertEquals("第二部分数据疑似为全区汇总数，请确认报告口径。", scope.message().zh());
    assertTrue(result.valid());
    assertEquals(0, result.warnings());
  }

  @Test
  void cellsAndTextsGiveExactlyTheSpecFindings() {
    ReportDocument doc = ReportDocuments.wolong().texts(ReportDocuments.wolongTexts()).build();
    ValidationResult result =
        validator.validate(doc, new ValidationContext(2024, WOLONG, null, Mode.SUBMISSION));
    assertEquals("S2-04", result.findings().get(0).rule());
    List<Finding> f = result.findings().subList(1, result.findings().size());
    assertEquals(
        List.of("TXT-02", "TXT-04", "TXT-04", "TXT-05", "TXT-05"),
        f.stream().map(Finding::rule).toList());
    assertTrue(f.stream().allMatch(x -> x.severity() == Severity.WARNING));
    assertTrue(result.valid());
    assertEquals(0, result.errors());
    assertEquals(5, result.warnings());

    Finding enumeration = f.get(0);
    assertEquals(15038L, enumeration.expected());
    assertEquals(
        "全年共主动公开各类政务信息15052条，其中概况类信息3994条，政务动态类信息7656条，信息公开目录类信息3388条", enumeration.actual());
    assertEquals("正文合计15052与分项之和15038不一致（差14）。", enumeration.message().zh());
    assertEquals(List.of(), enumeration.cells());

    for (Finding citation : f.subList(1, 3)) {
      assertEquals("《中华人民共和国信息公开条例》", citation.actual());
      assertEquals("《中华人民共和国政府信息公开条例》", citation.expected());
    }
    assertEquals("政府23信息公开", f.get(3).actual());
    assertEquals("政府信息公开", f.get(3).expected());
    assertEquals("疑似残留字符：“政府23信息公开”。", f.get(3).message().zh());
    assertEquals("[bookmark: _GoBack]", f.get(4).actual());
  }
}

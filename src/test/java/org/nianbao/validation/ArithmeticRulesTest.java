package org.nianbao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.validation.Check.asUnit;
import static org.nianbao.validation.Check.assertFinding;
import static org.nianbao.validation.Check.only;
import static org.nianbao.validation.Check.rules;
import static org.nianbao.validation.Check.submit;
import static org.nianbao.validation.Check.withPrevious;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.ValidationContext.UnitProfile;

/** S3-01 to S3-04, S4-01, S2-01 to S2-03 and acknowledgements, one broken thing per test. */
class ArithmeticRulesTest {

  private static ReportDocuments.Builder report() {
    return ReportDocuments.fmt2021();
  }

  /** A previous-year report continuous with {@code current} (S3-04 and S2-01 hold). */
  private static ReportDocuments.Builder previousOf(ReportDocuments.Builder current) {
    ReportDocuments.Builder prev = ReportDocuments.fmt2021();
    for (String col : Catalogue.APPLICANT_COLUMNS) {
      prev.set("s3.carried_out." + col, current.count("s3.carried_in." + col));
    }
    for (String row : List.of("s2.regulation", "s2.normative_doc")) {
      prev.set(
          row + ".in_force",
          current.count(row + ".in_force")
              - current.count(row + ".issued")
              + current.count(row + ".abolished"));
    }
    return prev;
  }

  @Test
  void s3_01_columnBalance() {
    ReportDocuments.Builder b = report();
    long newN = b.count("s3.new.natural");
    long in = b.count("s3.carried_in.natural");
    long done = b.count("s3.total_processed.natural");
    long out = b.count("s3.carried_out.natural");
    b.add("s3.carried_out.natural", 1).add("s3.carried_out.total", 1);
    ValidationResult r = submit(b);
    assertEquals(List.of("S3-01", "S3-01"), rules(r));
    Finding f = r.findings().get(0);
    assertFinding(
        f,
        "S3-01",
        Severity.ERROR,
        List.of(
            "s3.new.natural",
            "s3.carried_in.natural",
            "s3.total_processed.natural",
            "s3.carried_out.natural"),
        newN + in,
        done + out + 1);
    assertEquals(
        "“自然人”列：本年新收＋上年结转（" + (newN + in) + "）不等于办理结果总计＋结转下年度（" + (done + out + 1) + "）。",
        f.message().zh());
    assertTrue(f.message().en().startsWith("Column natural: "));
    assertEquals("s3.new.total", r.findings().get(1).cells().get(0));
    assertFalse(r.valid());
  }

  @Test
  void s3_02_outcomesAddUpToTheTotal() {
    ReportDocuments.Builder b = report();
    long total = b.count("s3.total_processed.business");
    b.add("s3.unable.not_held.business", 1).add("s3.unable.not_held.total", 1);
    ValidationResult r = submit(b);
    assertEquals(List.of("S3-02", "S3-02"), rules(r));
    Finding f = r.findings().get(0);
    assertEquals(22, f.cells().size(), "the total and the 21 outcome rows");
    assertEquals("s3.total_processed.business", f.cells().get(0));
    assertTrue(f.cells().contains("s3.other.no_correction_overdue.business"));
    assertEquals(total + 1, f.expected());
    assertEquals(total, f.actual());
    assertEquals("“商业企业”列：（七）总计" + total + "与各办理结果之和" + (total + 1) + "不符。", f.message().zh());
  }

  @Test
  void s3_03_rowTotal() {
    ReportDocuments.Builder b = report();
    long total = b.count("s3.withheld.state_secret.total");
    b.add("s3.withheld.state_secret.research", 2).add("s3.granted.research", -2);
    ValidationResult r = submit(b);
    assertEquals(List.of("S3-03", "S3-03"), rules(r));
    Finding f = r.findings().get(1);
    assertFinding(
        f,
        "S3-03",
        Severity.ERROR,
        List.of(
            "s3.withheld.state_secret.total",
            "s3.withheld.state_secret.natural",
            "s3.withheld.state_secret.business",
            "s3.withheld.state_secret.research",
            "s3.withheld.state_secret.nonprofit",
            "s3.withheld.state_secret.legal_service",
            "s3.withheld.state_secret.other_org"),
        total + 2,
        total);
    assertEquals(
        "“（三）不予公开/1.属于国家秘密”行：总计" + total + "不等于各类申请人之和" + (total + 2) + "。", f.message().zh());
  }

  @Test
  void s4_01_groupTotal() {
    ReportDocuments.Builder b = report();
    long total = b.count("s4.litigation_direct.total");
    b.add("s4.litigation_direct.total", 1);
    Finding f = only(submit(b));
    assertFinding(
        f,
        "S4-01",
        Severity.ERROR,
        List.of(
            "s4.litigation_direct.total",
            "s4.litigation_direct.upheld",
            "s4.litigation_direct.corrected",
            "s4.litigation_direct.other",
            "s4.litigation_direct.pending"),
        total,
        total + 1);
    assertEquals(
        "行政诉讼·未经复议直接起诉：总计" + (total + 1) + "不等于维持、纠正、其他结果、尚未审结之和" + total + "。", f.message().zh());
  }

  @Test
  void s2_02_issuedAtMostInForce() {
    ReportDocuments.Builder b = report();
    long inForce = b.count("s2.normative_doc.in_force");
    b.set("s2.normative_doc.issued", inForce + 1);
    Finding f = only(submit(b));
    assertFinding(
        f,
        "S2-02",
        Severity.WARNING,
        List.of("s2.normative_doc.issued", "s2.normative_doc.in_force"),
        "≤ " + inForce,
        inForce + 1);
    assertEquals("行政规范性文件本年制发件数大于现行有效件数。", f.message().zh());
  }

  @Test
  void s2_03_regulationsOnlyWithRuleMakingPower() {
    ReportDocuments.Builder b =
        report().set("s2.regulation.issued", 2L).set("s2.regulation.in_force", 3L);
    Finding f = only(asUnit(b, new UnitProfile("411303", "PEOPLES_GOV", "COUNTY")));
    assertFinding(
        f,
        "S2-03",
        Severity.WARNING,
        List.of("s2.regulation.issued", "s2.regulation.in_force"),
        0L,
        5L);
    assertEquals(List.of(), asUnit(b, new UnitProfile("411300", "PEOPLES_GOV", "CITY")).findings());
    assertEquals(List.of(), asUnit(b, new UnitProfile("x", "DEPARTMENT", "NATION")).findings());
    assertEquals(List.of("S2-03"), rules(asUnit(b, new UnitProfile("4113", "DEPARTMENT", "CITY"))));
    assertEquals(List.of(), submit(b).findings(), "not evaluated without a unit");
  }

  @Test
  void s3_04_carriedInMatchesLastYearsCarriedOut() {
    ReportDocuments.Builder b = report();
    ReportDocuments.Builder prev = previousOf(b);
    assertEquals(List.of(), withPrevious(b, prev).findings());
    long out = prev.count("s3.carried_out.nonprofit");
    prev.add("s3.carried_out.nonprofit", 1).add("s3.carried_out.total", 1);
    ValidationResult r = withPrevious(b, prev);
    assertEquals(List.of("S3-04", "S3-04"), rules(r));
    Finding f = r.findings().get(0);
    assertFinding(f, "S3-04", Severity.ERROR, List.of("s3.carried_in.nonprofit"), out + 1, out);
    assertNull(f.acknowledgement());
    assertEquals(
        "“社会公益组织”列：上年结转数（" + out + "）与2023年度报告“结转下年度继续办理”（" + (out + 1) + "）不一致。",
        f.message().zh());
  }

  @Test
  void s3_04_acknowledgedBecomesAWarning() {
    ReportDocuments.Builder b = report().acknowledge("S3-04", "  机构改革，承接原单位申请  ");
    ReportDocuments.Builder prev = previousOf(b);
    prev.add("s3.carried_out.natural", 1).add("s3.carried_out.total", 1);
    ValidationResult r = withPrevious(b, prev);
    assertEquals(List.of("S3-04", "S3-04"), rules(r));
    for (Finding f : r.findings()) {
      assertEquals(Severity.WARNING, f.severity());
      assertEquals("机构改革，承接原单位申请", f.acknowledgement());
    }
    assertTrue(r.valid());
  }

  @Test
  void blankAcknowledgementOrNonOverridableRuleStaysAnError() {
    ReportDocuments.Builder b = report().acknowledge("S3-04", " ");
    ReportDocuments.Builder prev = previousOf(b);
    prev.add("s3.carried_out.natural", 1);
    assertEquals(Severity.ERROR, only(withPrevious(b, prev)).severity());

    ReportDocuments.Builder s4 = report().acknowledge("S4-01", "reason").add("s4.review.total", 1);
    Finding f = only(submit(s4));
    assertEquals(Severity.ERROR, f.severity());
    assertNull(f.acknowledgement());
  }

  @Test
  void s3_04_comparesAcrossFormatsButS2_01DoesNot() {
    ReportDocuments.Builder b = report();
    ReportDocuments.Builder prev = ReportDocuments.fmt2019();
    for (String col : Catalogue.APPLICANT_COLUMNS) {
      prev.set("s3.carried_out." + col, b.count("s3.carried_in." + col));
    }
    assertEquals(List.of(), withPrevious(b, prev).findings());
    prev.add("s3.carried_out.total", 1);
    assertEquals(List.of("S3-04"), rules(withPrevious(b, prev)));
  }

  @Test
  void s2_01_inForceContinuity() {
    ReportDocuments.Builder b = report();
    ReportDocuments.Builder prev = previousOf(b);
    long last = prev.count("s2.normative_doc.in_force");
    prev.add("s2.normative_doc.in_force", 1);
    Finding f = only(withPrevious(b, prev));
    long issued = b.count("s2.normative_doc.issued");
    long abolished = b.count("s2.normative_doc.abolished");
    long inForce = b.count("s2.normative_doc.in_force");
    assertFinding(
        f,
        "S2-01",
        Severity.WARNING,
        List.of(
            "s2.normative_doc.in_force", "s2.normative_doc.issued", "s2.normative_doc.abolished"),
        last + 1 + issued - abolished,
        inForce);
    assertEquals(
        "行政规范性文件现行有效件数"
            + inForce
            + "与“上年"
            + (last + 1)
            + "＋本年制发"
            + issued
            + "－本年废止"
            + abolished
            + "”不符，请说明（修改、到期失效等）。",
        f.message().zh());
  }

  @Test
  void unknownCellsAreNotEvaluated() {
    ValidationResult r = submit(report().remove("s3.granted.natural").add("s3.granted.total", 5));
    assertEquals(
        List.of("FMT-03", "S3-02"), rules(r), "S3-03 on granted is skipped, S3-02 on total is not");
    assertEquals("s3.total_processed.total", r.findings().get(1).cells().get(0));
  }

  @Test
  void overflowIsComparedExactly() {
    ReportDocuments.Builder b = report();
    b.set("s3.carried_in.other_org", Long.MAX_VALUE);
    ValidationResult r = submit(b);
    assertEquals(List.of("S3-01", "S3-03"), rules(r));
    BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
    long newOther = b.count("s3.new.other_org");
    Object balance = r.findings().get(0).expected();
    assertEquals(
        newOther == 0 ? (Object) Long.MAX_VALUE : max.add(BigInteger.valueOf(newOther)), balance);
    long others = 0;
    for (String col : List.of("natural", "business", "research", "nonprofit", "legal_service")) {
      others += b.count("s3.carried_in." + col);
    }
    Object rowSum = r.findings().get(1).expected();
    assertEquals(
        others == 0 ? (Object) Long.MAX_VALUE : max.add(BigInteger.valueOf(others)), rowSum);
  }

  @Test
  void theSeedRunsFortyTwoArithmeticChecks() {
    int checks = 0;
    for (RuleDescriptor d : RuleCatalogue.describe(FormatVersion.FMT2021)) {
      if (List.of("S3-01", "S3-02", "S3-03", "S4-01").contains(d.id())) {
        checks += d.checks();
      }
    }
    assertEquals(42, checks);
  }
}

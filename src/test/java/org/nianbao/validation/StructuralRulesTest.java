package org.nianbao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.validation.Check.assertFinding;
import static org.nianbao.validation.Check.imported;
import static org.nianbao.validation.Check.only;
import static org.nianbao.validation.Check.submit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationContext.UnitProfile;

/** FMT-02 to FMT-06: the structure of the cells, one broken thing per test. */
class StructuralRulesTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String FEE = "s2.admin_fee.amount";
  private static final String CELL = "s3.granted.natural";

  @Test
  void validByDefault() {
    assertEquals(List.of(), submit(ReportDocuments.fmt2021()).findings());
    assertEquals(List.of(), submit(ReportDocuments.fmt2019(), 2020).findings());
  }

  @Test
  void unknownKeyIsAnError() {
    Finding f = only(submit(ReportDocuments.fmt2021().set("s3.bogus.natural", 1L)));
    assertFinding(
        f, "FMT-03", Severity.ERROR, List.of("s3.bogus.natural"), "a cell of FMT2021", "1");
    assertTrue(f.message().zh().contains("s3.bogus.natural"));
  }

  @Test
  void missingCellIsAnErrorOnSubmissionAndIsNotEvaluated() {
    Finding f = only(submit(ReportDocuments.fmt2021().remove(CELL)));
    assertFinding(f, "FMT-03", Severity.ERROR, List.of(CELL), "number", null);
    assertEquals("单元格“（一）予以公开／自然人”缺失或不是有效数字。", f.message().zh());
    assertEquals("Cell \"granted/natural\" is missing or not a valid number.", f.message().en());
  }

  @Test
  void missingCellIsAWarningOnImport() {
    assertFinding(
        only(imported(ReportDocuments.fmt2021().remove(CELL))),
        "FMT-03",
        Severity.WARNING,
        List.of(CELL),
        "number",
        null);
  }

  @Test
  void nullIsAnErrorOnSubmission() {
    assertFinding(
        only(submit(ReportDocuments.fmt2021().set(CELL, null))),
        "FMT-03",
        Severity.ERROR,
        List.of(CELL),
        "number",
        null);
  }

  @Test
  void nullIsABlankWarningOnImportAndStaysUnknown() {
    ReportDocuments.Builder b = ReportDocuments.fmt2021().set(CELL, null);
    ValidationResult r = imported(b);
    assertFinding(only(r), "FMT-04", Severity.WARNING, List.of(CELL), "number", null);
    assertTrue(r.valid());
    assertNull(Validator.read(b.build()).value(CELL));
  }

  @Test
  void placeholderTextIsABlankOnImport() {
    assertFinding(
        only(imported(ReportDocuments.fmt2021().set(CELL, "—"))),
        "FMT-04",
        Severity.WARNING,
        List.of(CELL),
        "number",
        "—");
  }

  @Test
  void wrongJsonTypesAreFmt03() {
    assertFinding(
        only(submit(ReportDocuments.fmt2021().set(CELL, "12"))),
        "FMT-03",
        Severity.ERROR,
        List.of(CELL),
        "number",
        "12");
    assertFinding(
        only(submit(ReportDocuments.fmt2021().set(CELL, true))),
        "FMT-03",
        Severity.ERROR,
        List.of(CELL),
        "number",
        "true");
    assertFinding(
        only(submit(ReportDocuments.fmt2021().set(CELL, NODES.objectNode()))),
        "FMT-03",
        Severity.ERROR,
        List.of(CELL),
        "number",
        "{}");
    assertFinding(
        only(submit(ReportDocuments.fmt2021().set(CELL, NODES.arrayNode().add(1)))),
        "FMT-03",
        Severity.ERROR,
        List.of(CELL),
        "number",
        "[1]");
    assertFinding(
        only(imported(ReportDocuments.fmt2021().set(CELL, "十二"))),
        "FMT-03",
        Severity.WARNING,
        List.of(CELL),
        "number",
        "十二");
  }

  @Test
  void negativeCountIsFmt05() {
    Finding f = only(submit(ReportDocuments.fmt2021().set(CELL, -1L)));
    assertFinding(
        f, "FMT-05", Severity.ERROR, List.of(CELL), "non-negative integer within 64 bits", "-1");
    assertEquals("“（一）予以公开／自然人”应为非负整数，实际为“-1”。", f.message().zh());
  }

  @Test
  void fractionIsFmt05ButAnIntegralDecimalIsAccepted() {
    assertFinding(
        only(submit(ReportDocuments.fmt2021().set(CELL, new BigDecimal("2.5")))),
        "FMT-05",
        Severity.ERROR,
        List.of(CELL),
        "non-negative integer within 64 bits",
        "2.5");
    ReportDocuments.Builder b = ReportDocuments.fmt2021();
    b.set(CELL, new BigDecimal(b.count(CELL) + ".0"));
    assertEquals(List.of(), submit(b).findings());
  }

  @Test
  void numberBeyond64BitsIsFmt05() {
    BigInteger huge = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
    assertFinding(
        only(submit(ReportDocuments.fmt2021().set(CELL, huge))),
        "FMT-05",
        Severity.ERROR,
        List.of(CELL),
        "non-negative integer within 64 bits",
        huge.toString());
  }

  @Test
  void signedChangeMayBeNegativeButNotAFraction() {
    String change = "s2v2019.licensing.change";
    assertEquals(List.of(), submit(ReportDocuments.fmt2019().set(change, -3L), 2020).findings());
    assertFinding(
        only(submit(ReportDocuments.fmt2019().set(change, new BigDecimal("-1.5")), 2020)),
        "FMT-05",
        Severity.ERROR,
        List.of(change),
        "integer within 64 bits",
        "-1.5");
  }

  @Test
  void negativeFeeIsAnError() {
    assertFinding(
        only(submit(ReportDocuments.fmt2021().set(FEE, new BigDecimal("-1.5")))),
        "FMT-06",
        Severity.ERROR,
        List.of(FEE),
        "amount ≥ 0",
        "-1.5");
  }

  @Test
  void feeWithMoreThanSixDecimalsCannotBeStored() {
    assertFinding(
        only(submit(ReportDocuments.fmt2021().set(FEE, new BigDecimal("1.2345678")))),
        "FMT-06",
        Severity.ERROR,
        List.of(FEE),
        "at most 6 decimals",
        "1.2345678");
  }

  @Test
  void feeWithFiveDecimalsIsAWarning() {
    ValidationResult r = submit(ReportDocuments.fmt2021().set(FEE, new BigDecimal("143.20625")));
    assertFinding(
        only(r), "FMT-06", Severity.WARNING, List.of(FEE), "at most 4 decimals", "143.20625");
    assertTrue(r.valid());
  }

  @Test
  void feeAboveTheCountyCeilingLooksLikeYuan() {
    ReportDocuments.Builder b = ReportDocuments.fmt2021().set(FEE, new BigDecimal("1432062"));
    ValidationResult county =
        Check.VALIDATOR.validate(
            b.build(),
            new ValidationContext(
                2024, new UnitProfile("411303", "PEOPLES_GOV", "COUNTY"), null, Mode.SUBMISSION));
    Finding f = only(county);
    assertFinding(f, "FMT-06", Severity.WARNING, List.of(FEE), "≤ 100000", "1432062");
    assertEquals("行政事业性收费金额单位为万元，请核实“1432062”。", f.message().zh());
    assertEquals(
        List.of(), submit(b).findings(), "the national ceiling applies when the unit is unknown");
    assertEquals(new BigDecimal("100000000"), FeeCeiling.forRegionLevel(null).wanYuan());
  }

  @Test
  void procurementAmountOf2019IsChecked() {
    String amount = "s2v2019.procurement.total_amount";
    assertFinding(
        only(submit(ReportDocuments.fmt2019().set(amount, new BigDecimal("-2")), 2020)),
        "FMT-06",
        Severity.ERROR,
        List.of(amount),
        "amount ≥ 0",
        "-2");
  }

  @Test
  void missingFormatVersionIsNamed() {
    Finding f = only(submit(ReportDocuments.fmt2021().format(null)));
    assertFinding(f, "FMT-02", Severity.ERROR, List.of("formatVersion"), "FMT2021", null);
  }

  @Test
  void formatMustMatchTheYear() {
    ValidationResult r = submit(ReportDocuments.fmt2019(), 2024);
    assertFinding(
        only(r), "FMT-02", Severity.ERROR, List.of("formatVersion"), "FMT2021", "FMT2019");
    assertFalse(r.valid());
    assertEquals(
        List.of(),
        submit(ReportDocuments.fmt2021().format(FormatVersion.FMT2021), 2021).findings());
  }

  @Test
  void aFloodOfUnknownKeysIsNamedUpToFiftyAndCounted() {
    ReportDocuments.Builder b = ReportDocuments.fmt2021();
    for (int i = 0; i < 1000; i++) {
      b.set(String.format("x.%04d", i), 1L);
    }
    List<Finding> unknown =
        new Validator()
            .validate(b.build(), ValidationContext.bare()).findings().stream()
                .filter(f -> f.rule().equals("FMT-03"))
                .toList();
    org.assertj.core.api.Assertions.assertThat(unknown).hasSize(51);
    org.assertj.core.api.Assertions.assertThat(
            unknown.stream().filter(f -> f.cells().isEmpty()).toList())
        .singleElement()
        .satisfies(
            f ->
                org.assertj.core.api.Assertions.assertThat(f.actual())
                    .isEqualTo("950 more unknown keys"));
  }
}

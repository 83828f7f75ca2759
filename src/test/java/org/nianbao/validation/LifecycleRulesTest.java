package org.nianbao.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationContext.UnitProfile;

class LifecycleRulesTest {

  private static final UnitProfile DISTRICT = new UnitProfile("411303", "PEOPLES_GOV", "COUNTY");
  private static final UnitProfile DEPARTMENT =
      new UnitProfile("11341702486344515H", "DEPARTMENT", "COUNTY");

  private static List<Finding> findings(LocalDate publishedAt, UnitProfile unit) {
    ReportDocument base = ReportDocuments.fmt2021().build();
    ReportDocument doc =
        new ReportDocument(
            base.formatVersion(),
            base.scope(),
            publishedAt,
            null,
            base.cells(),
            base.texts(),
            base.acknowledgements());
    return new Validator()
        .validate(doc, new ValidationContext(2024, unit, null, Mode.SUBMISSION))
        .findings();
  }

  @Test
  void publishedBeforeTheYearEndedIsAnError() {
    List<Finding> f = findings(LocalDate.of(2024, 12, 31), DISTRICT);
    assertThat(f).extracting(Finding::rule).containsExactly("LC-02");
    assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(f.get(0).cells()).containsExactly("publishedAt");
    assertThat(f.get(0).actual()).isEqualTo("2024-12-31");
  }

  @Test
  void aGovernmentHasUntilTheEndOfMarchADepartmentUntilTheEndOfJanuary() {
    assertThat(findings(LocalDate.of(2025, 3, 31), DISTRICT)).isEmpty();
    assertThat(findings(LocalDate.of(2025, 1, 31), DEPARTMENT)).isEmpty();
    List<Finding> late = findings(LocalDate.of(2025, 2, 10), DEPARTMENT);
    assertThat(late).extracting(Finding::rule).containsExactly("LC-01");
    assertThat(late.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(late.get(0).message().zh()).isEqualTo("年度报告应于2025-01-31前公布，实际公布于2025-02-10（逾期10天）。");
    assertThat(late.get(0).message().en())
        .isEqualTo("Report due by 2025-01-31, published 2025-02-10 (10 days late).");
  }

  @Test
  void withoutAYearOrADateNothingIsChecked() {
    assertThat(findings(null, DISTRICT)).isEmpty();
    ReportDocument base = ReportDocuments.fmt2021().build();
    ReportDocument early =
        new ReportDocument(
            base.formatVersion(),
            base.scope(),
            LocalDate.of(2000, 1, 1),
            null,
            base.cells(),
            base.texts(),
            base.acknowledgements());
    assertThat(new Validator().validate(early, ValidationContext.bare()).findings()).isEmpty();
  }
}

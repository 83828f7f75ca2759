package org.nianbao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationContext.UnitProfile;

/** Small helpers the rule tests share. */
final class Check {

  static final Validator VALIDATOR = new Validator();

  private Check() {}

  static ValidationResult submit(ReportDocuments.Builder b) {
    return VALIDATOR.validate(b.build(), new ValidationContext(2024, null, null, Mode.SUBMISSION));
  }

  static ValidationResult submit(ReportDocuments.Builder b, int year) {
    return VALIDATOR.validate(b.build(), new ValidationContext(year, null, null, Mode.SUBMISSION));
  }

  static ValidationResult imported(ReportDocuments.Builder b) {
    return VALIDATOR.validate(b.build(), new ValidationContext(2024, null, null, Mode.IMPORT));
  }

  static ValidationResult asUnit(ReportDocuments.Builder b, UnitProfile unit) {
    return VALIDATOR.validate(b.build(), new ValidationContext(2024, unit, null, Mode.SUBMISSION));
  }

  static ValidationResult withPrevious(
      ReportDocuments.Builder b, ReportDocuments.Builder previous) {
    return VALIDATOR.validate(
        b.build(), new ValidationContext(2024, null, previous.build(), Mode.SUBMISSION));
  }

  /** The result without its INFO findings (shown only; e.g. the S2-04 scope prompt on the seed). */
  static ValidationResult withoutInfo(ValidationResult r) {
    return new ValidationResult(
        r.findings().stream().filter(f -> f.severity() != Severity.INFO).toList());
  }

  static List<String> rules(ValidationResult r) {
    return r.findings().stream().map(Finding::rule).toList();
  }

  /** Asserts the one finding of a result and returns it. */
  static Finding only(ValidationResult r) {
    assertEquals(1, r.findings().size(), () -> "findings: " + r.findings());
    return r.findings().get(0);
  }

  static void assertFinding(
      Finding f,
      String rule,
      Severity severity,
      List<String> cells,
      Object expected,
      Object actual) {
    assertEquals(rule, f.rule(), f::toString);
    assertEquals(severity, f.severity(), f::toString);
    assertEquals(cells, f.cells(), f::toString);
    assertEquals(expected, f.expected(), f::toString);
    assertEquals(actual, f.actual(), f::toString);
  }
}

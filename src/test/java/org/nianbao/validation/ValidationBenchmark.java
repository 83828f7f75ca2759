package org.nianbao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationContext.UnitProfile;

/**
 * A plain-loop throughput measurement of the validator on the 卧龙区 sample, one thread. Excluded from
 * the normal build; run with {@code ./mvnw -B -o test -Dgroups=benchmark -Dtest=ValidationBenchmark
 * -DexcludedGroups=none}.
 */
@Tag("benchmark")
class ValidationBenchmark {

  private static final long WARM_UP_NANOS = 2_000_000_000L;
  private static final long MEASURE_NANOS = 5_000_000_000L;

  @Test
  void validationsPerSecond() {
    ValidationContext context =
        new ValidationContext(
            2024, new UnitProfile("411303", "PEOPLES_GOV", "COUNTY"), null, Mode.SUBMISSION);
    ReportDocument withTexts =
        ReportDocuments.wolong().texts(ReportDocuments.wolongTexts()).build();
    ReportDocument cellsOnly = ReportDocuments.wolong().build();
    Validator validator = new Validator();
    assertEquals(5, validator.validate(withTexts, context).warnings());

    report("cells + texts", validator, withTexts, context);
    report("cells only", validator, cellsOnly, context);
  }

  private static void report(
      String name, Validator validator, ReportDocument doc, ValidationContext context) {
    run(validator, doc, context, WARM_UP_NANOS);
    long start = System.nanoTime();
    long n = run(validator, doc, context, MEASURE_NANOS);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "BENCHMARK %-14s %,12.0f validations/s  %8.2f µs each  (%,d in %.2f s)%n",
        name, n / seconds, seconds * 1e6 / n, n, seconds);
  }

  private static long run(
      Validator validator, ReportDocument doc, ValidationContext context, long nanos) {
    long end = System.nanoTime() + nanos;
    long n = 0;
    int sink = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 100; i++) {
        sink += validator.validate(doc, context).findings().size();
      }
      n += 100;
    }
    if (sink == 42) {
      System.out.print("");
    }
    return n;
  }
}

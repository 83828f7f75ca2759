package org.nianbao.validation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.ValidationContext.Mode;

/**
 * Where the time of one dry run goes, piece by piece, on the 卧龙区 sample with its texts: reading the
 * JSON body, each narrative rule family, the whole engine, writing the findings. One thread, plain
 * loops; excluded from the normal build. Run with {@code ./mvnw -B -o test -Dgroups=benchmark
 * -Dtest=ValidationPartsBenchmark -DexcludedGroups=none}.
 */
@Tag("benchmark")
class ValidationPartsBenchmark {

  private static final long WARM_UP_NANOS = 1_000_000_000L;
  private static final long MEASURE_NANOS = 2_000_000_000L;

  private static final List<NarrativeRule> FAMILIES =
      List.of(
          new PeriodRule(),
          new AllClosedRule(),
          new TableQuantityRule(),
          new EnumerationRule(),
          new ProcessingFeeRule(),
          new CitationRule(),
          new ArtefactRule(),
          new CopyRule(),
          new AccountabilityRule(),
          new ImprovementRule());

  @Test
  void microsecondsPerPiece() throws Exception {
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    byte[] body =
        ReportDocuments.wolong()
            .texts(ReportDocuments.wolongTexts())
            .json()
            .getBytes(StandardCharsets.UTF_8);
    ReportDocument document = json.readValue(body, ReportDocument.class);
    // the dry run without unit and year, as POST /validations sends it to the engine
    ValidationContext bare = new ValidationContext(null, null, null, Mode.SUBMISSION);
    Validator validator = new Validator();
    ValidationResult result = validator.validate(document, bare);
    CellValues values =
        CellParser.parse(
            document.cells(),
            RuleCatalogue.of(FormatVersion.FMT2021).catalogue(),
            Mode.SUBMISSION,
            null,
            new Findings(List.of()));
    NarrativeInput input =
        new NarrativeInput(document.texts(), values, FormatVersion.FMT2021, bare);

    time(
        "read JSON body (" + body.length + " bytes)",
        () -> json.readValue(body, ReportDocument.class));
    time("engine, whole report", () -> validator.validate(document, bare));
    time("write findings JSON", () -> json.writeValueAsBytes(result.findings()));
    for (NarrativeRule family : FAMILIES) {
      time(
          "  " + family.getClass().getSimpleName(),
          () -> {
            Findings findings = new Findings(List.of());
            family.evaluate(input, findings);
            return findings;
          });
    }
  }

  private interface Piece {
    Object run() throws Exception;
  }

  private static void time(String name, Piece piece) throws Exception {
    loop(piece, WARM_UP_NANOS);
    long start = System.nanoTime();
    long n = loop(piece, MEASURE_NANOS);
    double micros = (System.nanoTime() - start) / 1e3 / n;
    System.out.printf("BENCHMARK %-40s %10.2f µs%n", name, micros);
  }

  private static long loop(Piece piece, long nanos) throws Exception {
    long end = System.nanoTime() + nanos;
    long n = 0;
    int sink = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 20; i++) {
        Object o = piece.run();
        sink += o == null ? 0 : 1;
      }
      n += 20;
    }
    if (sink == 42) {
      System.out.print("");
    }
    return n;
  }
}

package org.nianbao.validation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationContext.UnitProfile;

/**
 * Runs every rule of the report's format on a document and collects all findings, in the spec's
 * rule order. Pure and thread-safe: the same instance serves the dry run, the submission and the
 * importer.
 */
public final class Validator {

  private static final String FORMAT_FIELD = "formatVersion";
  private static final String NO_FORMAT_ZH = "报告未声明格式版本（formatVersion）。";
  private static final String NO_FORMAT_EN =
      "The report does not declare its format version (formatVersion).";
  private static final String WRONG_FORMAT_ZH = "{year}年度报告应使用{expected}格式，实际声明为{actual}。";
  private static final String WRONG_FORMAT_EN =
      "A {year} report must use the {expected} format; it declares {actual}.";

  public ValidationResult validate(ReportDocument document, ValidationContext context) {
    ValidationContext ctx = context == null ? ValidationContext.bare() : context;
    Findings findings = new Findings(document.acknowledgements());
    FormatVersion format = format(document, ctx, findings);
    RuleCatalogue rules = RuleCatalogue.of(format);
    Mode mode = ctx.mode() == null ? Mode.SUBMISSION : ctx.mode();
    CellValues values =
        CellParser.parse(document.cells(), rules.catalogue(), mode, ctx.unit(), findings);
    CellValues previous = previous(ctx.previous());
    for (SumRule rule : rules.sumRules()) {
      rule.evaluate(values, previous, ctx.year(), findings);
    }
    regulationPower(rules, values, ctx.unit(), findings);
    RegionWideRule.evaluate(document, values, ctx, findings);
    NarrativeRules.evaluate(document.texts(), values, format, ctx, findings);
    publication(document.publishedAt(), ctx, findings);
    IdentityRules.evaluate(ctx.unit(), ctx.year(), findings);
    return new ValidationResult(findings.sorted());
  }

  /**
   * LC-02 and LC-01: the publication date against the end of the statistics year and the deadline.
   */
  private static void publication(LocalDate publishedAt, ValidationContext ctx, Findings findings) {
    if (publishedAt == null || ctx.year() == null) {
      return;
    }
    int year = ctx.year();
    LocalDate yearEnd = LocalDate.of(year + 1, 1, 1);
    if (publishedAt.isBefore(yearEnd)) {
      findings.add(
          Rules.LC_02,
          Severity.ERROR,
          List.of("publishedAt"),
          "≥ " + yearEnd,
          publishedAt.toString(),
          Templates.message(Rules.LC_02, Map.of(), Map.of()));
      return;
    }
    if (ctx.unit() == null) {
      return;
    }
    LocalDate deadline =
        "PEOPLES_GOV".equals(ctx.unit().kind())
            ? LocalDate.of(year + 1, 3, 31)
            : LocalDate.of(year + 1, 1, 31);
    if (publishedAt.isAfter(deadline)) {
      long late = ChronoUnit.DAYS.between(deadline, publishedAt);
      Map<String, Object> args = Map.of("deadline", deadline, "date", publishedAt, "d", late);
      findings.add(
          Rules.LC_01,
          Severity.WARNING,
          List.of("publishedAt"),
          "≤ " + deadline,
          publishedAt.toString(),
          Templates.message(Rules.LC_01, args, args));
    }
  }

  /**
   * The typed cells of a document without any finding (e.g. to store or compare a stored report).
   */
  public static CellValues read(ReportDocument document) {
    return CellParser.lenient(document.cells(), Catalogue.of(formatOf(document)));
  }

  /** FMT-02: the declared format is present and matches the statistics year. */
  private static FormatVersion format(
      ReportDocument document, ValidationContext ctx, Findings findings) {
    FormatVersion declared = document.formatVersion();
    Integer year = ctx.year();
    if (declared == null) {
      FormatVersion fallback = year != null ? FormatVersion.forYear(year) : guess(document.cells());
      findings.add(
          Rules.FMT_02,
          Severity.ERROR,
          List.of(FORMAT_FIELD),
          year != null ? fallback.name() : "FMT2021 or FMT2019",
          null,
          new Message(NO_FORMAT_ZH, NO_FORMAT_EN));
      return fallback;
    }
    if (year != null && FormatVersion.forYear(year) != declared) {
      Map<String, Object> args =
          Map.of(
              "year",
              year,
              "expected",
              FormatVersion.forYear(year).name(),
              "actual",
              declared.name());
      findings.add(
          Rules.FMT_02,
          Severity.ERROR,
          List.of(FORMAT_FIELD),
          FormatVersion.forYear(year).name(),
          declared.name(),
          new Message(
              Templates.fill(WRONG_FORMAT_ZH, args), Templates.fill(WRONG_FORMAT_EN, args)));
    }
    return declared;
  }

  private static FormatVersion formatOf(ReportDocument document) {
    return document.formatVersion() != null ? document.formatVersion() : guess(document.cells());
  }

  private static FormatVersion guess(Map<String, ?> cells) {
    for (String key : cells.keySet()) {
      if (key.startsWith("s2v2019.")) {
        return FormatVersion.FMT2019;
      }
    }
    return FormatVersion.FMT2021;
  }

  private static CellValues previous(ReportDocument previous) {
    return previous == null ? null : read(previous);
  }

  /**
   * S2-03: a unit that may not make 规章 reports none. Only 国务院部门 (region level NATION) and the
   * people's governments of provinces and cities may; checked only when the unit is known.
   */
  private static void regulationPower(
      RuleCatalogue rules, CellValues values, UnitProfile unit, Findings findings) {
    if (unit == null || rules.regulationCells().isEmpty() || mayMakeRegulations(unit)) {
      return;
    }
    List<String> nonzero = new ArrayList<>();
    long total = 0;
    for (String key : rules.regulationCells()) {
      var v = values.count(key);
      if (v.isPresent() && v.getAsLong() > 0) {
        nonzero.add(key);
        total = total + v.getAsLong() < 0 ? Long.MAX_VALUE : total + v.getAsLong();
      }
    }
    if (!nonzero.isEmpty()) {
      findings.add(
          Rules.S2_03,
          Severity.WARNING,
          List.copyOf(nonzero),
          0L,
          total,
          Templates.message(Rules.S2_03, Map.of(), Map.of()));
    }
  }

  /**
   * Whether a unit has rule-making power (立法法): 国务院部门, or a provincial or city people's government.
   */
  public static boolean mayMakeRegulations(UnitProfile unit) {
    String level = unit.regionLevel();
    if ("NATION".equals(level)) {
      return true;
    }
    return "PEOPLES_GOV".equals(unit.kind()) && ("PROVINCE".equals(level) || "CITY".equals(level));
  }
}

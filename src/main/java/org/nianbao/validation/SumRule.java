package org.nianbao.validation;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one generic arithmetic shape: "these cells add up to that cell", or "this side is at most
 * that side", instantiated once per column, row or group from the catalogue. Each {@link Check} is
 * evaluated on its own; a check touching an unknown cell is skipped, never evaluated as 0.
 */
final class SumRule {

  /** How the two sides compare. */
  enum Relation {
    /** Σ expected = Σ actual. */
    EQUAL,
    /** Σ actual ≤ Σ expected (the expected side is the bound). */
    AT_MOST
  }

  /**
   * One addend: a cell of this report or of the previous year's report, added or subtracted.
   *
   * @param key catalogue key
   * @param index position in this format's catalogue
   * @param previousYear whether the value comes from the previous year's report
   * @param negative whether the value is subtracted
   */
  record Term(String key, int index, boolean previousYear, boolean negative) {}

  /**
   * One instance of the rule.
   *
   * @param expected the side the rule computes (usually the parts)
   * @param actual the side the report states (usually the printed total)
   * @param cells the keys of this report named by a finding
   * @param labelsZh Chinese placeholder values ({@code col}, {@code row}, {@code group}, {@code
   *     doc})
   * @param labelsEn English placeholder values
   */
  record Check(
      Term[] expected,
      Term[] actual,
      List<String> cells,
      Map<String, String> labelsZh,
      Map<String, String> labelsEn) {}

  private final RuleSpec spec;
  private final Relation relation;
  private final Map<String, String> aliases;
  private final List<Check> checks;
  private final boolean crossYear;

  /**
   * @param aliases template placeholder → computed value name ({@code expected}, {@code actual},
   *     {@code e0}…, {@code a0}…)
   */
  SumRule(RuleSpec spec, Relation relation, Map<String, String> aliases, List<Check> checks) {
    this.spec = spec;
    this.relation = relation;
    this.aliases = aliases;
    this.checks = List.copyOf(checks);
    boolean cross = false;
    for (Check c : checks) {
      for (Term t : c.expected()) {
        cross |= t.previousYear();
      }
    }
    this.crossYear = cross;
  }

  RuleSpec spec() {
    return spec;
  }

  int size() {
    return checks.size();
  }

  boolean crossYear() {
    return crossYear;
  }

  /**
   * Runs every check; {@code previous} may be null when the rule does not look at the previous
   * year.
   */
  void evaluate(CellValues current, CellValues previous, Integer year, Findings findings) {
    if (crossYear && previous == null) {
      return;
    }
    boolean samePrevFormat = previous != null && previous.catalogue() == current.catalogue();
    long[] buffer = new long[2];
    for (Check check : checks) {
      if (!sum(check.expected(), current, previous, samePrevFormat, buffer)) {
        continue;
      }
      long expected = buffer[0];
      boolean expectedOverflow = buffer[1] != 0;
      if (!sum(check.actual(), current, previous, samePrevFormat, buffer)) {
        continue;
      }
      long actual = buffer[0];
      boolean actualOverflow = buffer[1] != 0;
      int cmp;
      if (expectedOverflow || actualOverflow) {
        cmp =
            big(check.actual(), current, previous, samePrevFormat)
                .compareTo(big(check.expected(), current, previous, samePrevFormat));
      } else {
        cmp = Long.compare(actual, expected);
      }
      boolean pass = relation == Relation.EQUAL ? cmp == 0 : cmp <= 0;
      if (!pass) {
        report(check, current, previous, samePrevFormat, year, findings);
      }
    }
  }

  /** Sums a side into buffer[0] (buffer[1] = 1 on overflow); false when a term is unknown. */
  private static boolean sum(
      Term[] terms,
      CellValues current,
      CellValues previous,
      boolean samePrevFormat,
      long[] buffer) {
    long total = 0;
    boolean overflow = false;
    for (Term term : terms) {
      int index = resolve(term, current, previous, samePrevFormat);
      CellValues source = term.previousYear() ? previous : current;
      if (index < 0 || !source.known(index)) {
        return false;
      }
      long v = source.count(index);
      long r;
      if (term.negative()) {
        r = total - v;
        overflow |= ((total ^ v) & (total ^ r)) < 0;
      } else {
        r = total + v;
        overflow |= ((total ^ r) & (v ^ r)) < 0;
      }
      total = r;
    }
    buffer[0] = total;
    buffer[1] = overflow ? 1 : 0;
    return true;
  }

  private static BigInteger big(
      Term[] terms, CellValues current, CellValues previous, boolean samePrevFormat) {
    BigInteger total = BigInteger.ZERO;
    for (Term term : terms) {
      BigInteger v = BigInteger.valueOf(value(term, current, previous, samePrevFormat));
      total = term.negative() ? total.subtract(v) : total.add(v);
    }
    return total;
  }

  private static long value(
      Term term, CellValues current, CellValues previous, boolean samePrevFormat) {
    int index = resolve(term, current, previous, samePrevFormat);
    return (term.previousYear() ? previous : current).count(index);
  }

  private static int resolve(
      Term term, CellValues current, CellValues previous, boolean samePrevFormat) {
    if (!term.previousYear() || samePrevFormat) {
      return term.index();
    }
    return previous.catalogue().find(term.key()).map(c -> c.index()).orElse(-1);
  }

  private void report(
      Check check,
      CellValues current,
      CellValues previous,
      boolean samePrevFormat,
      Integer year,
      Findings findings) {
    BigInteger expectedSum = big(check.expected(), current, previous, samePrevFormat);
    BigInteger actualSum = big(check.actual(), current, previous, samePrevFormat);
    Object expectedValue = number(expectedSum);
    Object actualValue = number(actualSum);
    Map<String, Object> values = new HashMap<>();
    values.put("expected", expectedValue);
    values.put("actual", actualValue);
    Term[] e = check.expected();
    for (int i = 0; i < e.length; i++) {
      values.put("e" + i, value(e[i], current, previous, samePrevFormat));
    }
    Term[] a = check.actual();
    for (int i = 0; i < a.length; i++) {
      values.put("a" + i, value(a[i], current, previous, samePrevFormat));
    }
    Map<String, Object> zh = new HashMap<>(check.labelsZh());
    Map<String, Object> en = new HashMap<>(check.labelsEn());
    for (Map.Entry<String, String> alias : aliases.entrySet()) {
      zh.put(alias.getKey(), values.get(alias.getValue()));
      en.put(alias.getKey(), values.get(alias.getValue()));
    }
    zh.put("Y-1", year == null ? "上一" : String.valueOf(year - 1));
    en.put("Y-1", year == null ? "previous" : String.valueOf(year - 1));
    Object expected = relation == Relation.AT_MOST ? "≤ " + expectedValue : expectedValue;
    findings.add(
        spec,
        spec.severity(),
        check.cells(),
        expected,
        actualValue,
        Templates.message(spec, zh, en));
  }

  private static Object number(BigInteger value) {
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }
}

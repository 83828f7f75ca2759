package org.nianbao.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.CellType;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.validation.SumRule.Check;
import org.nianbao.validation.SumRule.Relation;
import org.nianbao.validation.SumRule.Term;

/**
 * The rules of one format version, compiled once from {@link Rules} and the cell {@link Catalogue}:
 * the arithmetic rules become {@link SumRule}s with one check per column, row or group, indexed by
 * catalogue position.
 */
public final class RuleCatalogue {

  private static final String S3 = "s3.";
  private static final String S4 = "s4.";
  private static final String TOTAL = "total";
  private static final Map<String, String> LEFT_EXPECTED = Map.of("l", "expected", "r", "actual");
  private static final Map<String, String> LEFT_ACTUAL = Map.of("l", "actual", "r", "expected");
  private static final Map<FormatVersion, RuleCatalogue> COMPILED =
      new EnumMap<>(FormatVersion.class);

  static {
    for (FormatVersion version : FormatVersion.values()) {
      COMPILED.put(version, new RuleCatalogue(Catalogue.of(version)));
    }
  }

  private final Catalogue catalogue;
  private final List<SumRule> sumRules;
  private final List<String> regulationCells;

  private RuleCatalogue(Catalogue catalogue) {
    this.catalogue = catalogue;
    List<SumRule> rules = new ArrayList<>();
    rules.add(s3Balance());
    rules.add(s3OutcomeTotals());
    rules.add(s3RowTotals());
    rules.add(s3Continuity());
    rules.add(s4GroupTotals());
    rules.add(s2InForceContinuity());
    rules.add(s2IssuedAtMostInForce());
    this.sumRules = List.copyOf(rules);
    List<String> regulation = new ArrayList<>();
    if (catalogue.version() == FormatVersion.FMT2021) {
      for (CellDefinition cell : catalogue.cells()) {
        if (cell.section() == 2 && cell.key().startsWith("s2.regulation.")) {
          regulation.add(cell.key());
        }
      }
    }
    this.regulationCells = List.copyOf(regulation);
  }

  /** The compiled rules of a format version. */
  public static RuleCatalogue of(FormatVersion version) {
    return COMPILED.get(version);
  }

  /** Every rule with its number of checks on a report of this format, in the spec's order. */
  public static List<RuleDescriptor> describe(FormatVersion version) {
    return of(version).describe();
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  /** The arithmetic rules, in the spec's order. */
  List<SumRule> sumRules() {
    return sumRules;
  }

  /** The 规章 row cells checked by S2-03 (empty in the 2019 format). */
  List<String> regulationCells() {
    return regulationCells;
  }

  /** Every rule with its number of checks on a report of this format, in the spec's order. */
  public List<RuleDescriptor> describe() {
    Map<String, Integer> checks = new LinkedHashMap<>();
    int counts = 0;
    int amounts = 0;
    for (CellDefinition cell : catalogue.cells()) {
      if (cell.type() == CellType.DEC) {
        amounts++;
      } else {
        counts++;
      }
    }
    checks.put(Rules.FMT_02.id(), 1);
    checks.put(Rules.FMT_03.id(), catalogue.size());
    checks.put(Rules.FMT_04.id(), catalogue.size());
    checks.put(Rules.FMT_05.id(), counts);
    checks.put(Rules.FMT_06.id(), amounts);
    for (SumRule rule : sumRules) {
      checks.put(rule.spec().id(), rule.size());
    }
    checks.put(Rules.S2_03.id(), regulationCells.isEmpty() ? 0 : 1);
    checks.put(Rules.TXT_01.id(), NarrativeRules.QUANTITIES);
    checks.put(Rules.TXT_03.id(), catalogue.version() == FormatVersion.FMT2021 ? 1 : 0);
    List<RuleDescriptor> out = new ArrayList<>();
    for (RuleSpec rule : Rules.ALL) {
      out.add(
          new RuleDescriptor(
              rule.id(),
              rule.severity(),
              rule.overridable(),
              rule.origin(),
              rule.formula(),
              rule.messageZh(),
              rule.messageEn(),
              rule.stage(),
              checks.getOrDefault(rule.id(), 1)));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * S3-01 per applicant column: new + carried_in (expected) against total_processed + carried_out
   * (actual).
   */
  private SumRule s3Balance() {
    List<Check> checks = new ArrayList<>();
    for (String col : Catalogue.APPLICANT_COLUMNS) {
      String n = S3 + "new." + col;
      String in = S3 + "carried_in." + col;
      String done = S3 + "total_processed." + col;
      String out = S3 + "carried_out." + col;
      checks.add(
          new Check(
              terms(n, in),
              terms(done, out),
              List.of(n, in, done, out),
              colZh(n),
              Map.of("col", col)));
    }
    return new SumRule(Rules.S3_01, Relation.EQUAL, LEFT_EXPECTED, checks);
  }

  /** S3-02 per applicant column: Σ outcome rows (expected) against total_processed (actual). */
  private SumRule s3OutcomeTotals() {
    List<Check> checks = new ArrayList<>();
    List<String> rows = catalogue.section3ResultRows();
    for (String col : Catalogue.APPLICANT_COLUMNS) {
      String total = S3 + "total_processed." + col;
      List<String> parts = new ArrayList<>();
      for (String row : rows) {
        parts.add(S3 + row + "." + col);
      }
      checks.add(
          new Check(
              terms(parts.toArray(String[]::new)),
              terms(total),
              withTotalFirst(total, parts),
              colZh(total),
              Map.of("col", col)));
    }
    return new SumRule(Rules.S3_02, Relation.EQUAL, LEFT_EXPECTED, checks);
  }

  /** S3-03 per section 三 row: Σ six applicant columns (expected) against the 总计 column (actual). */
  private SumRule s3RowTotals() {
    List<Check> checks = new ArrayList<>();
    List<String> applicants =
        Catalogue.APPLICANT_COLUMNS.subList(0, Catalogue.APPLICANT_COLUMNS.size() - 1);
    for (String row : catalogue.section3Rows()) {
      String total = S3 + row + "." + TOTAL;
      List<String> parts = new ArrayList<>();
      for (String col : applicants) {
        parts.add(S3 + row + "." + col);
      }
      checks.add(
          new Check(
              terms(parts.toArray(String[]::new)),
              terms(total),
              withTotalFirst(total, parts),
              Map.of("row", rowLabel(catalogue.cell(total))),
              Map.of("row", row)));
    }
    return new SumRule(Rules.S3_03, Relation.EQUAL, LEFT_EXPECTED, checks);
  }

  /**
   * S3-04 per applicant column: last year's carried_out (expected) against this year's carried_in
   * (actual).
   */
  private SumRule s3Continuity() {
    List<Check> checks = new ArrayList<>();
    for (String col : Catalogue.APPLICANT_COLUMNS) {
      String in = S3 + "carried_in." + col;
      String out = S3 + "carried_out." + col;
      checks.add(
          new Check(
              new Term[] {previous(out)}, terms(in), List.of(in), colZh(in), Map.of("col", col)));
    }
    return new SumRule(Rules.S3_04, Relation.EQUAL, LEFT_ACTUAL, checks);
  }

  /** S4-01 per group: upheld + corrected + other + pending (expected) against total (actual). */
  private SumRule s4GroupTotals() {
    List<Check> checks = new ArrayList<>();
    List<String> columns = Catalogue.REVIEW_COLUMNS.subList(0, Catalogue.REVIEW_COLUMNS.size() - 1);
    for (String group : Catalogue.REVIEW_GROUPS) {
      String total = S4 + group + "." + TOTAL;
      List<String> parts = new ArrayList<>();
      for (String col : columns) {
        parts.add(S4 + group + "." + col);
      }
      checks.add(
          new Check(
              terms(parts.toArray(String[]::new)),
              terms(total),
              withTotalFirst(total, parts),
              Map.of("group", catalogue.cell(total).rowLabel().replace('/', '·')),
              Map.of("group", group)));
    }
    return new SumRule(Rules.S4_01, Relation.EQUAL, LEFT_EXPECTED, checks);
  }

  /**
   * S2-01 per document row with issued/abolished/in_force: last in_force + issued − abolished vs
   * in_force.
   */
  private SumRule s2InForceContinuity() {
    List<Check> checks = new ArrayList<>();
    for (String row : section2RowsWith("issued", "abolished", "in_force")) {
      String issued = row + ".issued";
      String abolished = row + ".abolished";
      String inForce = row + ".in_force";
      Term[] expected = {previous(inForce), term(issued, false), term(abolished, true)};
      checks.add(
          new Check(
              expected,
              terms(inForce),
              List.of(inForce, issued, abolished),
              docZh(inForce),
              docEn(inForce)));
    }
    Map<String, String> aliases = Map.of("a", "actual", "b", "e0", "c", "e1", "d", "e2");
    return new SumRule(Rules.S2_01, Relation.EQUAL, aliases, checks);
  }

  /**
   * S2-02 per document row with issued/in_force: issued (actual) at most in_force (expected bound).
   */
  private SumRule s2IssuedAtMostInForce() {
    List<Check> checks = new ArrayList<>();
    for (String row : section2RowsWith("issued", "in_force")) {
      String issued = row + ".issued";
      String inForce = row + ".in_force";
      checks.add(
          new Check(
              terms(inForce),
              terms(issued),
              List.of(issued, inForce),
              docZh(issued),
              docEn(issued)));
    }
    return new SumRule(Rules.S2_02, Relation.AT_MOST, Map.of(), checks);
  }

  /** Section 二 row prefixes (e.g. {@code s2.regulation}) that have every one of these columns. */
  private List<String> section2RowsWith(String... columns) {
    List<String> rows = new ArrayList<>();
    for (CellDefinition cell : catalogue.cells()) {
      if (cell.section() != 2) {
        continue;
      }
      String prefix = cell.key().substring(0, cell.key().lastIndexOf('.'));
      if (rows.contains(prefix)) {
        continue;
      }
      boolean all = true;
      for (String col : columns) {
        all &= catalogue.contains(prefix + "." + col);
      }
      if (all) {
        rows.add(prefix);
      }
    }
    return rows;
  }

  private Term[] terms(String... keys) {
    Term[] out = new Term[keys.length];
    for (int i = 0; i < keys.length; i++) {
      out[i] = term(keys[i], false);
    }
    return out;
  }

  private Term term(String key, boolean negative) {
    return new Term(key, catalogue.cell(key).index(), false, negative);
  }

  private Term previous(String key) {
    return new Term(key, catalogue.cell(key).index(), true, false);
  }

  private Map<String, String> colZh(String key) {
    return Map.of("col", CellParser.lastSegment(catalogue.cell(key).columnLabel()));
  }

  private Map<String, String> docZh(String key) {
    return Map.of("doc", CellParser.lastSegment(catalogue.cell(key).rowLabel()));
  }

  private Map<String, String> docEn(String key) {
    return Map.of("doc", catalogue.cell(key).rowKey());
  }

  /** The row label a reader recognises: the path without the heading 三、本年度办理结果. */
  private static String rowLabel(CellDefinition cell) {
    String label = cell.rowLabel();
    int slash = label.indexOf('/');
    return slash < 0 ? label : label.substring(slash + 1);
  }

  private static List<String> withTotalFirst(String total, List<String> parts) {
    List<String> cells = new ArrayList<>(parts.size() + 1);
    cells.add(total);
    cells.addAll(parts);
    return List.copyOf(cells);
  }
}

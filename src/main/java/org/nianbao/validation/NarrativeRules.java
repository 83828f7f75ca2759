package org.nianbao.validation;

import java.util.List;
import java.util.Map;
import org.nianbao.catalogue.FormatVersion;

/** Runs the narrative rule families over the texts {@code s1}…{@code s6}, in the spec's order. */
final class NarrativeRules {

  static final List<String> SECTIONS = List.of("s1", "s2", "s3", "s4", "s5", "s6");

  /** Number of table quantities TXT-01 compares. */
  static final int QUANTITIES = TableQuantityRule.QUANTITIES;

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

  private NarrativeRules() {}

  static void evaluate(
      Map<String, String> texts,
      CellValues values,
      FormatVersion format,
      ValidationContext context,
      Findings findings) {
    if (texts == null || texts.isEmpty()) {
      return;
    }
    NarrativeInput input = new NarrativeInput(texts, values, format, context);
    for (NarrativeRule rule : FAMILIES) {
      rule.evaluate(input, findings);
    }
  }
}

package org.nianbao.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the findings of one run, applying acknowledgements of overridable rules as they are
 * added.
 */
final class Findings {

  private static final Comparator<Finding> RULE_ORDER =
      Comparator.comparingInt(f -> Rules.rank(f.rule()));

  private final List<Acknowledgement> acknowledgements;
  private final List<Finding> list = new ArrayList<>();

  Findings(List<Acknowledgement> acknowledgements) {
    this.acknowledgements = acknowledgements == null ? List.of() : acknowledgements;
  }

  void add(
      RuleSpec rule,
      Severity severity,
      List<String> cells,
      Object expected,
      Object actual,
      Message message) {
    String reason = null;
    if (severity == Severity.ERROR && rule.overridable()) {
      reason = acknowledgedReason(rule.id());
      if (reason != null) {
        severity = Severity.WARNING;
      }
    }
    list.add(new Finding(rule.id(), severity, cells, expected, actual, message, reason));
  }

  /** A text finding: no cells, the quote as the actual value, and where it is. */
  void addText(RuleSpec rule, Severity severity, Object expected, TextSpan span, Message message) {
    list.add(
        new Finding(
            rule.id(),
            severity,
            List.of(),
            expected,
            span == null ? null : span.quote(),
            message,
            null,
            span,
            null,
            null,
            null));
  }

  /** A finding built by the rule itself (e.g. TXT-06 with its reference and shared spans). */
  void add(Finding finding) {
    list.add(finding);
  }

  private String acknowledgedReason(String ruleId) {
    for (Acknowledgement ack : acknowledgements) {
      if (ack != null
          && ruleId.equals(ack.rule())
          && ack.reason() != null
          && !ack.reason().isBlank()) {
        return ack.reason().strip();
      }
    }
    return null;
  }

  /** The findings in rule order, then in the order each rule produced them. */
  List<Finding> sorted() {
    if (list.isEmpty()) {
      return List.of();
    }
    list.sort(RULE_ORDER);
    return List.copyOf(list);
  }
}

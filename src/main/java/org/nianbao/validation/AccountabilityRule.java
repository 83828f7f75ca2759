package org.nianbao.validation;

import java.util.List;
import java.util.Map;

/** TXT-07: a people's government's report covers 工作考核、社会评议和责任追究结果 (Art. 50(4)). */
final class AccountabilityRule implements NarrativeRule {

  private static final String[] ACCOUNTABILITY = {"工作考核", "社会评议", "责任追究", "绩效考核", "考评", "考核", "评议"};

  @Override
  public void evaluate(NarrativeInput input, Findings findings) {
    if (!input.peoplesGovernment()) {
      return;
    }
    for (String section : NarrativeRules.SECTIONS) {
      String text = input.text(section);
      if (text != null && TextScan.containsAny(text, ACCOUNTABILITY)) {
        return;
      }
    }
    findings.add(
        Rules.TXT_07,
        Severity.WARNING,
        List.of(),
        "工作考核、社会评议和责任追究结果",
        null,
        Templates.message(Rules.TXT_07, Map.of()));
  }
}

package org.nianbao.validation;

import java.util.List;
import java.util.Map;

/**
 * TXT-03: in a 2021-format report, section 六 states the 信息处理费 collected, including that none was.
 */
final class ProcessingFeeRule implements NarrativeRule {

  private static final String[] FEE_STATEMENTS = {"处理费", "收取费用", "收费", "未收取", "不收取"};

  @Override
  public void evaluate(NarrativeInput input, Findings findings) {
    if (!input.current()) {
      return;
    }
    String text = input.text("s6");
    if (text != null && TextScan.containsAny(text, FEE_STATEMENTS)) {
      return;
    }
    findings.add(
        Rules.TXT_03,
        Severity.WARNING,
        List.of(),
        "信息处理费收取情况",
        null,
        Templates.message(Rules.TXT_03, Map.of()));
  }
}

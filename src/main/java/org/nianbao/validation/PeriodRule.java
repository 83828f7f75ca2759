package org.nianbao.validation;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FMT-07: a statistics period stated in the narrative (数据统计期限为2024年1月1日至12月31日) runs from 1 January
 * to 31 December of the report year. (That the report year ends before publication is LC-02.)
 */
final class PeriodRule implements NarrativeRule {

  private static final Pattern PERIOD =
      Pattern.compile(
          "(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*(?:起)?\\s*(?:至|到|—|－|-|~|～)\\s*"
              + "(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
  private static final int CONTEXT = 30;
  private static final String[] PERIOD_WORDS = {"统计期限", "统计期间", "统计时限", "统计时间", "统计周期", "数据统计"};

  @Override
  public void evaluate(NarrativeInput input, Findings findings) {
    Integer year = input.context().year();
    if (year == null) {
      return;
    }
    for (String section : NarrativeRules.SECTIONS) {
      String text = input.text(section);
      if (text == null || !text.contains("统计")) {
        continue;
      }
      Matcher m = PERIOD.matcher(text);
      while (m.find()) {
        String before = text.substring(Math.max(0, m.start() - CONTEXT), m.start());
        if (!TextScan.containsAny(before, PERIOD_WORDS)) {
          continue;
        }
        int fromYear = Integer.parseInt(m.group(1));
        int toYear = m.group(4) == null ? fromYear : Integer.parseInt(m.group(4));
        boolean calendarYear =
            fromYear == year
                && toYear == year
                && Integer.parseInt(m.group(2)) == 1
                && Integer.parseInt(m.group(3)) == 1
                && Integer.parseInt(m.group(5)) == 12
                && Integer.parseInt(m.group(6)) == 31;
        if (!calendarYear) {
          TextSpan span = TextSpan.of(section, text, m.start(), m.end());
          findings.addText(
              Rules.FMT_07,
              Severity.ERROR,
              year + "年1月1日至" + year + "年12月31日",
              span,
              Templates.message(Rules.FMT_07, Map.of("quote", span.quote())));
        }
        return;
      }
    }
  }
}

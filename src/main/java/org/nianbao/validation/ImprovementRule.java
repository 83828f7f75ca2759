package org.nianbao.validation;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * TXT-08: section 五 reports the problems and how they are improved. A section that says only 无,
 * 暂无问题 or the like, or that names no improvement (整改, 改进, 下一步, 将…), is flagged.
 */
final class ImprovementRule implements NarrativeRule {

  private static final String[] IMPROVEMENT = {
    "改进", "整改", "下一步", "今后", "将进一步", "将继续", "将持续", "将加强", "将严格", "将不断", "将着力", "将认真", "将积极", "加强",
    "提升", "完善", "推进", "措施", "计划", "努力", "强化", "优化", "持续", "进一步", "改善"
  };

  /** The section heading, which names 改进情况 itself and must not count as an improvement. */
  private static final Pattern HEADING =
      Pattern.compile("^\\s*(?:五\\s*[、.．]\\s*)?(?:政府信息公开工作)?存在的主要问题及改进情况\\s*");

  @Override
  public void evaluate(NarrativeInput input, Findings findings) {
    String text = input.text("s5");
    if (text == null) {
      return;
    }
    String body = HEADING.matcher(text).replaceFirst("");
    if (TextScan.containsAny(body, IMPROVEMENT)) {
      return;
    }
    int offset = text.length() - body.length();
    int start = offset;
    int end = text.length();
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    TextSpan span = TextSpan.of("s5", text, start, end);
    findings.addText(
        Rules.TXT_08,
        Severity.INFO,
        "存在的主要问题及改进情况",
        span,
        Templates.message(Rules.TXT_08, Map.of()));
  }
}

package org.nianbao.validation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TXT-02: an enumeration 共N…其中a…b…c… whose parts claim to partition N adds up to N. */
final class EnumerationRule implements NarrativeRule {

  private static final Pattern COUNTED =
      Pattern.compile("(\\d+(?:\\.\\d+)?)([万亿])?(余|多)?(人次|条次|条|件|篇|个|次|场|项|期|家|人|起|宗|份)");
  private static final String[] ENUMERATION_STOPS = {"已", "均", "共", "合计", "累计", "另", "总"};
  private static final String[] APPROX_BEFORE = {"约", "近", "逾", "超过", "大约", "将近"};

  @Override
  public void evaluate(NarrativeInput input, Findings findings) {
    for (String section : NarrativeRules.SECTIONS) {
      String text = input.text(section);
      if (text != null) {
        enumerations(section, text, findings);
      }
    }
  }

  private static void enumerations(String section, String text, Findings findings) {
    int from = 0;
    int among;
    while ((among = text.indexOf("其中", from)) >= 0) {
      from = among + 2;
      int start = TextScan.sentenceStart(text, among);
      int end = TextScan.sentenceEnd(text, from);
      int gong = text.lastIndexOf('共', among);
      if (gong < start || gong > 0 && text.charAt(gong - 1) == '公') {
        continue;
      }
      Matcher m = COUNTED.matcher(text);
      m.region(gong, among);
      if (!m.find() || m.group(3) != null || approximatedBefore(text, gong, m.start())) {
        continue;
      }
      BigDecimal total = amount(m);
      String unit = m.group(4);
      m.region(from, end);
      BigDecimal parts = BigDecimal.ZERO;
      int count = 0;
      int previousEnd = from;
      boolean approximate = false;
      while (m.find()) {
        String between = text.substring(previousEnd, m.start());
        if (TextScan.containsAny(between, ENUMERATION_STOPS)) {
          break;
        }
        previousEnd = m.end();
        if (!unit.equals(m.group(4))) {
          continue;
        }
        if (m.group(3) != null || TextScan.containsAny(between, APPROX_BEFORE)) {
          approximate = true;
          break;
        }
        parts = parts.add(amount(m));
        count++;
      }
      if (approximate || count < 2 || parts.compareTo(total) == 0) {
        continue;
      }
      int[] s = TextScan.sentence(text, among);
      TextSpan span = TextSpan.of(section, text, s[0], s[1]);
      Object sum = plain(parts);
      Map<String, Object> args =
          Map.of("N", plain(total), "S", sum, "d", plain(total.subtract(parts)));
      findings.add(
          new Finding(
              Rules.TXT_02.id(),
              Severity.WARNING,
              java.util.List.of(),
              sum,
              span.quote(),
              Templates.message(Rules.TXT_02, args),
              null,
              span,
              null,
              null,
              null));
    }
  }

  private static boolean approximatedBefore(String text, int from, int number) {
    return TextScan.containsAny(text.substring(from, number), APPROX_BEFORE);
  }

  private static BigDecimal amount(Matcher m) {
    BigDecimal n = new BigDecimal(m.group(1));
    if (m.group(2) != null) {
      n = n.multiply(BigDecimal.valueOf(m.group(2).equals("万") ? 10_000L : 100_000_000L));
    }
    return n;
  }

  private static Object plain(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    if (s.scale() <= 0 && s.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
      return s.longValueExact();
    }
    return s.toPlainString();
  }
}

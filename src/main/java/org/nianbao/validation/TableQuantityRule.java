package org.nianbao.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TXT-01: numbers in section 一 that name a table quantity equal the table. A figure is bound to the
 * noun it follows (收到/受理 … 申请 → 本年新收, 办结/答复 → 办理结果总计, 结转 → 结转下年度, 行政复议, 行政诉讼); a {@code 含/其中/包括}
 * clause qualifies the figure just before it (its own figures are parts, never compared alone;
 * {@code 含上年结转} after a 收到 figure makes it 新收 + 上年结转); approximations (约, 近, 逾, 余, 多, 左右) raise no
 * exact-match alarm; Chinese numerals and 万/亿 are read.
 */
final class TableQuantityRule implements NarrativeRule {

  /** Number of table quantities TXT-01 compares. */
  static final int QUANTITIES = 5;

  private static final String NUM = "(\\d+(?:\\.\\d+)?[万亿]?|[零〇一二两三四五六七八九十百千万亿]+)";
  private static final String GAP = "(?:下一年|[^。；;，,、：:！？\\n\\d零〇一二两三四五六七八九十百千万亿])";
  private static final String APPROX = "(余|多)?";

  /** A quantity named in section 一 and the table cells whose sum it must equal. */
  private record Quantity(String[] anchors, Pattern pattern, List<String> keys) {}

  private static final List<Quantity> QUANTITY_PATTERNS =
      List.of(
          new Quantity(
              new String[] {"收到", "新收", "受理"},
              Pattern.compile(
                  "(?:收到|新收|受理)" + GAP + "{0,15}?申请" + GAP + "{0,6}?" + NUM + APPROX + "(?:件|个)"),
              List.of("s3.new.total")),
          new Quantity(
              new String[] {"收到", "新收", "受理"},
              Pattern.compile(
                  "(?:收到|新收|受理)" + GAP + "{0,6}?" + NUM + APPROX + "件" + GAP + "{0,12}?申请"),
              List.of("s3.new.total")),
          new Quantity(
              new String[] {"办结", "答复"},
              Pattern.compile("(?:办结|答复)" + GAP + "{0,10}?" + NUM + APPROX + "件"),
              List.of("s3.total_processed.total")),
          new Quantity(
              new String[] {"结转"},
              Pattern.compile("(?<!上年|上年度|上一年|上一年度)结转" + GAP + "{0,10}?" + NUM + APPROX + "件"),
              List.of("s3.carried_out.total")),
          new Quantity(
              new String[] {"行政复议"},
              Pattern.compile("(?<!、)行政复议(?!、)" + GAP + "{0,10}?" + NUM + APPROX + "(?:件|起|宗|次)"),
              List.of("s4.review.total")),
          new Quantity(
              new String[] {"行政诉讼"},
              Pattern.compile("(?<!、)行政诉讼(?!、)" + GAP + "{0,10}?" + NUM + APPROX + "(?:件|起|宗|次)"),
              List.of("s4.litigation_direct.total", "s4.litigation_after_review.total")));

  private static final int QUANTITY_REACH = 48;
  private static final String[] QUALIFIERS = {"含", "其中", "包括"};
  private static final String CLAUSE_OPENERS = "（(，,；;：:、";
  private static final String[] APPROX_BEFORE = {"约", "近", "逾", "超过", "超", "将近", "大约", "接近", "达到近"};
  private static final String[] APPROX_AFTER = {"左右", "上下"};

  @Override
  public void evaluate(NarrativeInput input, Findings findings) {
    String text = input.text("s1");
    if (text == null) {
      return;
    }
    List<int[]> clauses = qualifierClauses(text);
    List<int[]> seen = new ArrayList<>();
    for (Quantity quantity : QUANTITY_PATTERNS) {
      if (!TextScan.containsAny(text, quantity.anchors())) {
        continue;
      }
      Matcher m = quantity.pattern().matcher(text);
      m.useTransparentBounds(true);
      for (String anchor : quantity.anchors()) {
        int at = -1;
        while ((at = text.indexOf(anchor, at + 1)) >= 0) {
          if (inside(clauses, at)) {
            continue; // a part of a figure stated before, never compared on its own
          }
          m.region(at, Math.min(text.length(), at + QUANTITY_REACH));
          if (m.lookingAt()) {
            compare(text, m, quantity, clauses, input.values(), seen, findings);
          }
        }
      }
    }
  }

  private static void compare(
      String text,
      Matcher m,
      Quantity quantity,
      List<int[]> clauses,
      CellValues values,
      List<int[]> seen,
      Findings findings) {
    if (overlaps(seen, m.start(), m.end())) {
      return;
    }
    seen.add(new int[] {m.start(), m.end()});
    if (approximate(text, m)) {
      return;
    }
    BigDecimal stated = ChineseNumbers.parse(m.group(1));
    if (stated == null) {
      return;
    }
    List<String> keys = quantity.keys();
    if (keys.get(0).equals("s3.new.total") && includesCarriedIn(text, m, clauses)) {
      keys = List.of("s3.new.total", "s3.carried_in.total");
    }
    Long table = sum(values, keys);
    if (table == null || stated.compareTo(BigDecimal.valueOf(table)) == 0) {
      return;
    }
    TextSpan span = TextSpan.of("s1", text, m.start(), m.end());
    String key = String.join("+", keys);
    Map<String, Object> args =
        Map.of(
            "quote",
            span.quote(),
            "n",
            stated.stripTrailingZeros().toPlainString(),
            "key",
            key,
            "v",
            table);
    findings.add(
        new Finding(
            Rules.TXT_01.id(),
            Severity.WARNING,
            keys,
            table,
            span.quote(),
            Templates.message(Rules.TXT_01, args),
            null,
            span,
            null,
            null,
            null));
  }

  /** 约/近/逾… before the figure, 余/多 after the number, 左右 after the unit. */
  private static boolean approximate(String text, Matcher m) {
    if (m.group(2) != null) {
      return true;
    }
    String before = text.substring(Math.max(0, m.start(1) - 4), m.start(1));
    for (String word : APPROX_BEFORE) {
      if (before.endsWith(word)) {
        return true;
      }
    }
    String number = m.group(1);
    if (number.endsWith("余") || number.contains("万余")) {
      return true;
    }
    for (String word : APPROX_AFTER) {
      if (text.startsWith(word, m.end())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a 收到 figure counts last year's carried-in applications too: 收到（含上年结转）N件, or a 含…上年…结转
   * clause right after the figure.
   */
  private static boolean includesCarriedIn(String text, Matcher m, List<int[]> clauses) {
    String lead = text.substring(m.start(), m.start(1));
    if (lead.contains("含上年") || lead.contains("包括上年")) {
      return true;
    }
    for (int[] clause : clauses) {
      if (clause[0] >= m.end() && clause[0] <= m.end() + 1) {
        String body = text.substring(clause[0], clause[1]);
        return body.startsWith("含") && body.contains("上") && body.contains("结转");
      }
    }
    return false;
  }

  /**
   * The 含/其中/包括 clauses: from the qualifier to the closing bracket when it opens a bracket, else to
   * the end of the sentence or clause (；).
   */
  static List<int[]> qualifierClauses(String text) {
    List<int[]> clauses = new ArrayList<>();
    for (String word : QUALIFIERS) {
      int at = -1;
      while ((at = text.indexOf(word, at + 1)) >= 0) {
        if (at == 0 || CLAUSE_OPENERS.indexOf(text.charAt(at - 1)) < 0) {
          continue;
        }
        char opener = text.charAt(at - 1);
        int end;
        if (opener == '（' || opener == '(') {
          end = firstOf(text, at, "）)");
        } else {
          end = firstOf(text, at, "。；;\n");
        }
        clauses.add(new int[] {at, end});
      }
    }
    return clauses;
  }

  private static int firstOf(String text, int from, String stops) {
    for (int i = from; i < text.length(); i++) {
      if (stops.indexOf(text.charAt(i)) >= 0 || text.charAt(i) == '。') {
        return i;
      }
    }
    return text.length();
  }

  private static boolean inside(List<int[]> spans, int at) {
    for (int[] span : spans) {
      if (at >= span[0] && at < span[1]) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlaps(List<int[]> spans, int start, int end) {
    for (int[] span : spans) {
      if (start < span[1] && span[0] < end) {
        return true;
      }
    }
    return false;
  }

  private static Long sum(CellValues values, List<String> keys) {
    long total = 0;
    for (String key : keys) {
      var v = values.count(key);
      if (v.isEmpty()) {
        return null;
      }
      total += v.getAsLong();
    }
    return total;
  }
}

package org.nianbao.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.catalogue.FormatVersion;

/**
 * The narrative rules (TXT-01 to TXT-05, TXT-07) over the texts {@code s1}…{@code s6}. Each rule first looks
 * for a cheap literal anchor with {@link String#indexOf} and only then runs a precompiled pattern locally.
 */
final class NarrativeRules {

  static final List<String> SECTIONS = List.of("s1", "s2", "s3", "s4", "s5", "s6");

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
              Pattern.compile("(?:收到|新收|受理)" + GAP + "{0,6}?" + NUM + APPROX + "件" + GAP + "{0,12}?申请"),
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
  private static final String INCLUDING_CARRIED_IN = "含上年";

  private static final Pattern COUNTED =
      Pattern.compile("(\\d+(?:\\.\\d+)?)([万亿])?(余|多)?(人次|条次|条|件|篇|个|次|场|项|期|家|人|起|宗|份)");
  private static final String[] ENUMERATION_STOPS = {"已", "均", "共", "合计", "累计", "另", "总"};

  private static final String WRONG_TITLE = "《中华人民共和国信息公开条例》";
  private static final String RIGHT_TITLE = "《中华人民共和国政府信息公开条例》";
  private static final Pattern OLD_FORMAT_BASIS =
      Pattern.compile("国办公开办函\\s*[〔\\[［(（]\\s*2019\\s*[〕\\]］)）]\\s*60\\s*号");
  private static final String CURRENT_FORMAT_BASIS = "国办公开办函〔2021〕30号";

  private static final String BOOKMARK = "[bookmark";
  private static final List<String> DOMAIN_TERMS =
      List.of(
          "政府信息公开", "政务信息公开", "依申请公开", "政府信息", "信息公开", "政务公开", "政务信息", "主动公开",
          "行政复议", "行政诉讼", "规范性文件", "年度报告", "人民政府", "政务服务");
  private static final int TERM_REACH = 5;

  private static final String[] FEE_STATEMENTS = {"处理费", "收取费用", "收费", "未收取", "不收取"};
  private static final String[] ACCOUNTABILITY = {"工作考核", "社会评议", "责任追究", "绩效考核", "考评", "考核", "评议"};

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
    String overview = texts.get("s1");
    if (overview != null) {
      tableQuantities(overview, values, findings);
    }
    for (String section : SECTIONS) {
      String text = texts.get(section);
      if (text != null) {
        enumerations(text, findings);
      }
    }
    boolean current =
        context.year() != null ? context.year() >= 2021 : format == FormatVersion.FMT2021;
    if (current) {
      processingFee(texts.get("s6"), findings);
    }
    for (String section : SECTIONS) {
      String text = texts.get(section);
      if (text != null) {
        citations(text, current, findings);
      }
    }
    for (String section : SECTIONS) {
      String text = texts.get(section);
      if (text != null) {
        artefacts(text, findings);
      }
    }
    ValidationContext.UnitProfile unit = context.unit();
    if (unit != null && "PEOPLES_GOV".equals(unit.kind())) {
      accountability(texts, findings);
    }
  }

  /** TXT-01: quantities named in section 一 against the table. */
  private static void tableQuantities(String text, CellValues values, Findings findings) {
    List<int[]> seen = new ArrayList<>();
    for (Quantity quantity : QUANTITY_PATTERNS) {
      if (!containsAny(text, quantity.anchors())) {
        continue;
      }
      Matcher m = quantity.pattern().matcher(text);
      m.useTransparentBounds(true);
      for (String anchor : quantity.anchors()) {
        int at = -1;
        while ((at = text.indexOf(anchor, at + 1)) >= 0) {
          m.region(at, Math.min(text.length(), at + QUANTITY_REACH));
          if (m.lookingAt()) {
            compare(text, m, quantity, values, seen, findings);
          }
        }
      }
    }
  }

  private static void compare(
      String text,
      Matcher m,
      Quantity quantity,
      CellValues values,
      List<int[]> seen,
      Findings findings) {
    if (m.group(2) != null || overlaps(seen, m.start(), m.end())) {
      return;
    }
    seen.add(new int[] {m.start(), m.end()});
    BigDecimal stated = ChineseNumbers.parse(m.group(1));
    if (stated == null) {
      return;
    }
    List<String> keys = quantity.keys();
    int after = Math.min(text.length(), m.end() + 12);
    if (keys.get(0).equals("s3.new.total")
        && text.substring(m.start(), after).contains(INCLUDING_CARRIED_IN)) {
      keys = List.of("s3.new.total", "s3.carried_in.total");
    }
    Long table = sum(values, keys);
    if (table == null || stated.compareTo(BigDecimal.valueOf(table)) == 0) {
      return;
    }
    String quote = m.group();
    String key = String.join("+", keys);
    Map<String, Object> args =
        Map.of("quote", quote, "n", stated.stripTrailingZeros().toPlainString(), "key", key, "v", table);
    findings.add(
        Rules.TXT_01, Severity.WARNING, keys, table, quote, Templates.message(Rules.TXT_01, args, args));
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

  /** TXT-02: 共N…其中a…b…c… whose parts must add up to N. */
  private static void enumerations(String text, Findings findings) {
    int from = 0;
    int among;
    while ((among = text.indexOf("其中", from)) >= 0) {
      from = among + 2;
      int start = sentenceStart(text, among);
      int end = sentenceEnd(text, from);
      int gong = text.lastIndexOf('共', among);
      if (gong < start || gong > 0 && text.charAt(gong - 1) == '公') {
        continue;
      }
      Matcher m = COUNTED.matcher(text);
      m.region(gong, among);
      if (!m.find() || m.group(3) != null) {
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
        if (containsAny(text.substring(previousEnd, m.start()), ENUMERATION_STOPS)) {
          break;
        }
        previousEnd = m.end();
        if (!unit.equals(m.group(4))) {
          continue;
        }
        if (m.group(3) != null) {
          approximate = true;
          break;
        }
        parts = parts.add(amount(m));
        count++;
      }
      if (approximate || count < 2 || parts.compareTo(total) == 0) {
        continue;
      }
      String quote = text.substring(start, end).strip();
      Object sum = plain(parts);
      Map<String, Object> args =
          Map.of("N", plain(total), "S", sum, "d", plain(total.subtract(parts)));
      findings.add(
          Rules.TXT_02, Severity.WARNING, List.of(), sum, quote, Templates.message(Rules.TXT_02, args, args));
    }
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

  /** TXT-03: section 六 states the information processing fees (the 2021 format). */
  private static void processingFee(String text, Findings findings) {
    if (text != null && containsAny(text, FEE_STATEMENTS)) {
      return;
    }
    findings.add(
        Rules.TXT_03,
        Severity.WARNING,
        List.of(),
        "信息处理费收取情况",
        null,
        Templates.message(Rules.TXT_03, Map.of(), Map.of()));
  }

  /** TXT-04: the regulation's title and, in a 2021+ report, the format basis. */
  private static void citations(String text, boolean current, Findings findings) {
    List<int[]> hits = new ArrayList<>();
    int i = 0;
    while ((i = text.indexOf(WRONG_TITLE, i)) >= 0) {
      hits.add(new int[] {i, i + WRONG_TITLE.length(), 0});
      i += WRONG_TITLE.length();
    }
    if (current && text.contains("国办公开办函")) {
      Matcher m = OLD_FORMAT_BASIS.matcher(text);
      while (m.find()) {
        hits.add(new int[] {m.start(), m.end(), 1});
      }
    }
    hits.sort((a, b) -> Integer.compare(a[0], b[0]));
    for (int[] hit : hits) {
      String quote = text.substring(hit[0], hit[1]);
      Map<String, Object> args = Map.of("quote", quote);
      findings.add(
          Rules.TXT_04,
          Severity.WARNING,
          List.of(),
          hit[2] == 0 ? RIGHT_TITLE : CURRENT_FORMAT_BASIS,
          quote,
          Templates.message(Rules.TXT_04, args, args));
    }
  }

  /** TXT-05: conversion artefacts and digits stuck inside a domain term, in text order. */
  private static void artefacts(String text, Findings findings) {
    List<String[]> found = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    int i = 0;
    while ((i = text.indexOf(BOOKMARK, i)) >= 0) {
      int close = text.indexOf(']', i);
      int end = close < 0 ? Math.min(text.length(), i + BOOKMARK.length()) : close + 1;
      found.add(new String[] {text.substring(i, end), null});
      at.add(i);
      i = end;
    }
    int n = text.length();
    for (int p = 1; p < n - 1; p++) {
      char c = text.charAt(p);
      if (c < '0' || c > '9' || !cjk(text.charAt(p - 1))) {
        continue;
      }
      int q = p;
      while (q < n && text.charAt(q) >= '0' && text.charAt(q) <= '9') {
        q++;
      }
      if (q < n && cjk(text.charAt(q))) {
        String[] stray = strayDigits(text, p, q);
        if (stray != null) {
          int pos = p - stray[1].length();
          found.add(new String[] {stray[0], stray[1] + stray[2]});
          at.add(pos);
        }
      }
      p = q;
    }
    Integer[] order = new Integer[found.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(at.get(a), at.get(b)));
    for (int k : order) {
      String quote = found.get(k)[0];
      Map<String, Object> args = Map.of("quote", quote);
      findings.add(
          Rules.TXT_05,
          Severity.WARNING,
          List.of(),
          found.get(k)[1],
          quote,
          Templates.message(Rules.TXT_05, args, args));
    }
  }

  /**
   * If the digits at [from, to) sit inside a domain term, returns {quote with digits, term left part, term
   * right part}; else null.
   */
  private static String[] strayDigits(String text, int from, int to) {
    int left = Math.max(0, from - TERM_REACH);
    int right = Math.min(text.length(), to + TERM_REACH);
    String joined = text.substring(left, from) + text.substring(to, right);
    int joint = from - left;
    for (String term : DOMAIN_TERMS) {
      int k = joined.indexOf(term);
      while (k >= 0) {
        if (k < joint && k + term.length() > joint) {
          String head = joined.substring(k, joint);
          String tail = joined.substring(joint, k + term.length());
          return new String[] {head + text.substring(from, to) + tail, head, tail};
        }
        k = joined.indexOf(term, k + 1);
      }
    }
    return null;
  }

  /** TXT-07: a people's government addresses 工作考核、社会评议和责任追究. */
  private static void accountability(Map<String, String> texts, Findings findings) {
    for (String section : SECTIONS) {
      String text = texts.get(section);
      if (text != null && containsAny(text, ACCOUNTABILITY)) {
        return;
      }
    }
    findings.add(
        Rules.TXT_07,
        Severity.WARNING,
        List.of(),
        "工作考核、社会评议和责任追究结果",
        null,
        Templates.message(Rules.TXT_07, Map.of(), Map.of()));
  }

  private static boolean cjk(char c) {
    return c >= '\u4e00' && c <= '\u9fff';
  }

  private static boolean containsAny(String text, String[] needles) {
    for (String needle : needles) {
      if (text.contains(needle)) {
        return true;
      }
    }
    return false;
  }

  private static int sentenceStart(String text, int from) {
    for (int i = from - 1; i >= 0; i--) {
      if (sentenceBreak(text.charAt(i))) {
        return i + 1;
      }
    }
    return 0;
  }

  private static int sentenceEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (sentenceBreak(text.charAt(i))) {
        return i;
      }
    }
    return text.length();
  }

  private static boolean sentenceBreak(char c) {
    return c == '。' || c == '！' || c == '？' || c == '\n';
  }
}

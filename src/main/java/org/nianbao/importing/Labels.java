package org.nianbao.importing;

/** Label normalisation for matching printed table labels against catalogue labels (SPEC §7.5). */
final class Labels {

  private static final String CHINESE_DIGITS = "一二三四五六七八九十";

  private Labels() {}

  /**
   * True for whitespace as printed in Chinese documents: ASCII, no-break, ideographic, zero-width.
   */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c)
        || c == '\u00A0'
        || c == '\u3000'
        || c == '\u200B'
        || c == '\uFEFF'
        || c == '\u2007'
        || c == '\u202F';
  }

  /** Strips leading and trailing {@link #isSpace} characters. */
  static String trim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isSpace(s.charAt(from))) {
      from++;
    }
    while (to > from && isSpace(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  /**
   * The normalised form of a label: no whitespace, full-width brackets and colon, no quotes, ASCII
   * digits and slash, item numbering {@code 1.}, and the synonyms of §7.5 applied.
   */
  static String normalise(String label) {
    StringBuilder sb = new StringBuilder(label.length());
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (isSpace(c)) {
        continue;
      }
      switch (c) {
        case '(' -> sb.append('（');
        case ')' -> sb.append('）');
        case ':' -> sb.append('：');
        case '／' -> sb.append('/');
        case '“', '”', '"', '＂', '‘', '’', '\'', '「', '」' -> {}
        default -> {
          if (c >= '０' && c <= '９') {
            sb.append((char) (c - '０' + '0'));
          } else {
            sb.append(c);
          }
        }
      }
    }
    int digits = 0;
    while (digits < sb.length() && sb.charAt(digits) >= '0' && sb.charAt(digits) <= '9') {
      digits++;
    }
    if (digits > 0 && digits < sb.length() && "．、,，".indexOf(sb.charAt(digits)) >= 0) {
      sb.setCharAt(digits, '.');
    }
    return synonym(sb.toString());
  }

  private static String synonym(String s) {
    if (s.equals("规范性文件")) {
      return "行政规范性文件";
    }
    if (s.startsWith("现行有效件数")) {
      return "现行有效件数";
    }
    if (s.startsWith("（二）部分公开") || s.startsWith("部分公开")) {
      return "（二）部分公开";
    }
    return s;
  }

  /**
   * A normalised label without a trailing parenthetical note: {@code 本年收费金额（单位：元）} → {@code
   * 本年收费金额}.
   */
  static String core(String normalised) {
    int n = normalised.length();
    if (n < 3 || normalised.charAt(n - 1) != '）') {
      return normalised;
    }
    int open = normalised.lastIndexOf('（');
    if (open <= 0 || normalised.indexOf('）', open) != n - 1) {
      return normalised;
    }
    return normalised.substring(0, open);
  }

  /** A normalised label without its leading item number ({@code 1.}, {@code 一、}, {@code （一）}). */
  static String unnumbered(String normalised) {
    int end = numberingEnd(normalised);
    return end > 0 && end < normalised.length() ? normalised.substring(end) : normalised;
  }

  /** The length of a leading {@code 1.}, {@code 一、} or {@code （一）}, or 0. */
  private static int numberingEnd(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (i > 0) {
      return i < s.length() && s.charAt(i) == '.' ? i + 1 : 0;
    }
    boolean paren = s.startsWith("（");
    i = paren ? 1 : 0;
    int start = i;
    while (i < s.length() && CHINESE_DIGITS.indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    if (i == start || i >= s.length()) {
      return 0;
    }
    char end = s.charAt(i);
    return (paren && end == '）') || (!paren && end == '、') ? i + 1 : 0;
  }

  private static final String DROPPED = "，、。；：;,.（）“”《》【】[]<>—-－·*#/|_~`!！?？的之";

  /**
   * The form of a label compared by meaning: normalised, without item numbering anywhere ({@code
   * 1.}, {@code （三）}, {@code 一、}), punctuation, markdown marks and 的/之, with 行政规范性文件 read as 规范性文件.
   */
  static String key(String label) {
    String n = normalise(label);
    StringBuilder sb = new StringBuilder(n.length());
    int i = 0;
    while (i < n.length()) {
      int skip = numberingAt(n, i);
      if (skip > 0) {
        i += skip;
        continue;
      }
      char c = n.charAt(i++);
      if (DROPPED.indexOf(c) < 0) {
        sb.append(c);
      }
    }
    int at = sb.indexOf("行政规范性文件");
    if (at >= 0) {
      sb.delete(at, at + 2);
    }
    return sb.toString();
  }

  /** The length of item numbering at {@code i} ({@code （三）}, {@code 三、}, {@code 12.}), or 0. */
  private static int numberingAt(String s, int i) {
    int j = i;
    boolean paren = s.charAt(j) == '（';
    if (paren) {
      j++;
    }
    int start = j;
    while (j < s.length() && j - start < 3 && CHINESE_DIGITS.indexOf(s.charAt(j)) >= 0) {
      j++;
    }
    if (j > start && j < s.length()) {
      if (paren && s.charAt(j) == '）' || !paren && s.charAt(j) == '、') {
        return j + 1 - i;
      }
      return 0;
    }
    if (paren) {
      return 0;
    }
    while (j < s.length() && j - start < 2 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
      j++;
    }
    if (j > start
        && j < s.length()
        && s.charAt(j) == '.'
        && (j + 1 >= s.length() || !Character.isDigit(s.charAt(j + 1)))
        && (i == 0 || !Character.isDigit(s.charAt(i - 1)))) {
      return j + 1 - i;
    }
    return 0;
  }

  /** The sorted character bigrams of a key (a one-character key is its own bigram). */
  static int[] bigrams(String key) {
    if (key.isEmpty()) {
      return new int[0];
    }
    if (key.length() == 1) {
      return new int[] {key.charAt(0) << 16};
    }
    int[] out = new int[key.length() - 1];
    for (int i = 0; i + 1 < key.length(); i++) {
      out[i] = (key.charAt(i) << 16) | key.charAt(i + 1);
    }
    java.util.Arrays.sort(out);
    return out;
  }

  /** Dice similarity of two bigram multisets, 0 (nothing shared) to 1 (the same). */
  static double dice(int[] a, int[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return 2.0 * common / (a.length + b.length);
  }

  /** The last segment of a catalogue label path ({@code a/b/c} → {@code c}). */
  static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}

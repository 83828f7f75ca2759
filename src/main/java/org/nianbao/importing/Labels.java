package org.nianbao.importing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Label normalisation for matching printed table labels against catalogue labels (SPEC §7.5). */
final class Labels {

  private static final Pattern ITEM_NUMBER = Pattern.compile("^(\\d+)[.．、,，]");
  private static final Pattern ANY_NUMBERING =
      Pattern.compile("^(\\d+\\.|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)");
  private static final Pattern TRAILING_NOTE = Pattern.compile("^(.+?)（[^（）]*）$");

  private Labels() {}

  /** True for whitespace as printed in Chinese documents: ASCII, no-break, ideographic, zero-width. */
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
   * The normalised form of a label: no whitespace, full-width brackets and colon, no quotes, ASCII digits
   * and slash, item numbering {@code 1.}, and the synonyms of §7.5 applied.
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
    String s = sb.toString();
    Matcher m = ITEM_NUMBER.matcher(s);
    if (m.find()) {
      s = m.group(1) + "." + s.substring(m.end());
    }
    return synonym(s);
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

  /** A normalised label without a trailing parenthetical note: {@code 本年收费金额（单位：元）} → {@code 本年收费金额}. */
  static String core(String normalised) {
    Matcher m = TRAILING_NOTE.matcher(normalised);
    return m.matches() ? m.group(1) : normalised;
  }

  /** A normalised label without its leading item number ({@code 1.}, {@code 一、}, {@code （一）}). */
  static String unnumbered(String normalised) {
    Matcher m = ANY_NUMBERING.matcher(normalised);
    return m.find() && m.end() < normalised.length() ? normalised.substring(m.end()) : normalised;
  }

  /** The last segment of a catalogue label path ({@code a/b/c} → {@code c}). */
  static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}

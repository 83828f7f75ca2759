package org.nianbao.importing;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.CellType;

/**
 * The reading of one printed table cell (SPEC §7.5): a number in the catalogue unit, a blank or
 * placeholder, or something unreadable.
 *
 * @param kind what the cell holds
 * @param number the value in the catalogue unit (万元 for amounts), only for {@link Kind#NUMBER}
 */
record CellValue(Kind kind, BigDecimal number) {

  /** The three readings of a cell. */
  enum Kind {
    NUMBER,
    BLANK,
    UNREADABLE
  }

  private static final Set<String> PLACEHOLDERS =
      Set.of("", "—", "——", "－", "-", "--", "–", "―", "/", "／", "无", "\\", "、");
  private static final Pattern NUMBER =
      Pattern.compile("^([+-]?)(\\d+(?:\\.\\d+)?)(亿元|万元|元|万件|万条|万|件|条|宗|项|个)?$");

  /** A number followed by a remark in brackets: {@code 55（含自然失效29件）}. */
  private static final Pattern REMARK = Pattern.compile("^([^（(]*\\d[^（(]*)[（(][^0-9]*.*$");

  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  static final CellValue BLANK = new CellValue(Kind.BLANK, null);
  static final CellValue UNREADABLE = new CellValue(Kind.UNREADABLE, null);

  /** True if the text looks like a value cell (a number or a placeholder) rather than a label. */
  static boolean looksLikeValue(String raw) {
    if (!raw.isEmpty() && !mayBeValue(raw.charAt(0))) {
      return false;
    }
    String s = withoutRemark(compact(raw));
    if (PLACEHOLDERS.contains(s)) {
      return true;
    }
    return NUMBER.matcher(s).matches();
  }

  /**
   * The number of a cell with a remark beside it ({@code 55（含自然失效29件）} → {@code 55}), else the
   * cell.
   */
  private static String withoutRemark(String s) {
    if (s.indexOf('（') < 0 && s.indexOf('(') < 0) {
      return s;
    }
    Matcher m = REMARK.matcher(s);
    return m.matches() && NUMBER.matcher(m.group(1)).matches() ? m.group(1) : s;
  }

  /** True if the text is blank or a placeholder. */
  static boolean isBlank(String raw) {
    return PLACEHOLDERS.contains(compact(raw));
  }

  /**
   * Reads a cell for a catalogue definition. {@code headerUnit} is the unit printed in the column
   * header (e.g. 元 in 本年收费金额（单位：元）), or null.
   */
  static CellValue read(String raw, CellDefinition cell, String headerUnit) {
    String s = withoutRemark(compact(raw));
    if (PLACEHOLDERS.contains(s)) {
      return BLANK;
    }
    Matcher m = NUMBER.matcher(s);
    if (!m.matches()) {
      return UNREADABLE;
    }
    String sign = m.group(1);
    if (sign.equals("+") && cell.type() != CellType.SINT) {
      return UNREADABLE;
    }
    // a negative count is read as printed: the rule engine names it (FMT-05 / FMT-06), it is not a
    // blank
    BigDecimal value = new BigDecimal(m.group(2));
    if (sign.equals("-")) {
      value = value.negate();
    }
    String unit = m.group(3) != null ? m.group(3) : headerUnit;
    if (cell.type() == CellType.DEC) {
      if (unit == null || unit.equals("万元") || unit.equals("万")) {
        // already 万元
      } else if (unit.equals("元")) {
        value = value.divide(TEN_THOUSAND);
      } else if (unit.equals("亿元")) {
        value = value.multiply(TEN_THOUSAND);
      } else {
        return UNREADABLE;
      }
    } else {
      if (unit != null && unit.endsWith("元")) {
        return UNREADABLE;
      }
      if (unit != null && unit.startsWith("万")) {
        value = value.multiply(TEN_THOUSAND);
      }
      if (value.abs().compareTo(LONG_MAX) > 0) {
        return UNREADABLE;
      }
    }
    return new CellValue(Kind.NUMBER, value);
  }

  /** Removes spaces and thousands separators, converts full-width digits, signs and points. */
  private static String compact(String raw) {
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Labels.isSpace(c)) {
        continue;
      }
      if (c >= '０' && c <= '９') {
        sb.append((char) (c - '０' + '0'));
      } else if (c == '．') {
        sb.append('.');
      } else if (c == '＋') {
        sb.append('+');
      } else if ((c == ',' || c == '，') && isThousandsSeparator(raw, i)) {
        continue;
      } else if (c == '－' && i + 1 < raw.length() && isDigit(raw.charAt(i + 1))) {
        sb.append('-');
      } else {
        sb.append(c);
      }
    }
    String s = sb.toString();
    if (s.equalsIgnoreCase("&nbsp;")) {
      return "";
    }
    return s;
  }

  private static boolean isThousandsSeparator(String raw, int i) {
    return i > 0
        && isDigit(raw.charAt(i - 1))
        && i + 3 < raw.length()
        && isDigit(raw.charAt(i + 1))
        && isDigit(raw.charAt(i + 2))
        && isDigit(raw.charAt(i + 3))
        && (i + 4 >= raw.length() || !isDigit(raw.charAt(i + 4)));
  }

  /** A quick filter: can a value cell start with this character? */
  private static boolean mayBeValue(char c) {
    return isDigit(c) || Labels.isSpace(c) || "+-＋－—–―/／\\无、&".indexOf(c) >= 0;
  }

  private static boolean isDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
  }
}

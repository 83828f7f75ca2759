package org.nianbao.validation;

import java.math.BigDecimal;

/** Reads the numbers narratives write: "247", "1.5万", "3亿", "二百零五", "两千". */
final class ChineseNumbers {

  private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
  private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);

  private ChineseNumbers() {}

  /** The value of a number as written, or null if it cannot be read. */
  static BigDecimal parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String s = text.strip();
    char first = s.charAt(0);
    if (first >= '0' && first <= '9') {
      BigDecimal multiplier = BigDecimal.ONE;
      char last = s.charAt(s.length() - 1);
      if (last == '万' || last == '亿') {
        multiplier = last == '万' ? WAN : YI;
        s = s.substring(0, s.length() - 1).strip();
      }
      try {
        return new BigDecimal(s).multiply(multiplier);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return chinese(s);
  }

  private static BigDecimal chinese(String s) {
    long total = 0;
    long section = 0;
    long digit = 0;
    boolean any = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d = digit(c);
      if (d >= 0) {
        digit = d;
        any = true;
        continue;
      }
      switch (c) {
        case '十' -> {
          section += (digit == 0 && !any ? 1 : digit) * 10;
          digit = 0;
        }
        case '百' -> {
          section += digit * 100;
          digit = 0;
        }
        case '千' -> {
          section += digit * 1000;
          digit = 0;
        }
        case '万' -> {
          total += (section + digit) * 10_000;
          section = 0;
          digit = 0;
        }
        case '亿' -> {
          total = (total + section + digit) * 100_000_000;
          section = 0;
          digit = 0;
        }
        default -> {
          return null;
        }
      }
      any = true;
    }
    return any ? BigDecimal.valueOf(total + section + digit) : null;
  }

  private static int digit(char c) {
    return switch (c) {
      case '零', '〇' -> 0;
      case '一' -> 1;
      case '二', '两' -> 2;
      case '三' -> 3;
      case '四' -> 4;
      case '五' -> 5;
      case '六' -> 6;
      case '七' -> 7;
      case '八' -> 8;
      case '九' -> 9;
      default -> -1;
    };
  }
}

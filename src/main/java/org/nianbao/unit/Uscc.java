package org.nianbao.unit;

import java.util.Locale;

/** 统一社会信用代码 (GB 32100-2015) check: 18 characters, positions 3–8 digits, check character (ID-02). */
public final class Uscc {

  private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private Uscc() {}

  /** The full 18-character code: {@code first17} followed by its check character (upper case). */
  public static String withCheckCharacter(String first17) {
    if (first17 == null || first17.length() != 17) {
      throw new IllegalArgumentException("A USCC body has 17 characters / 统一社会信用代码本体应为17位");
    }
    String s = first17.toUpperCase(Locale.ROOT);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = CHARSET.indexOf(s.charAt(i));
      if (v < 0) {
        throw new IllegalArgumentException(
            "Character not allowed in a USCC / 非法字符: " + s.charAt(i));
      }
      sum += v * WEIGHTS[i];
    }
    int check = 31 - sum % 31;
    return s + CHARSET.charAt(check == 31 ? 0 : check);
  }

  /** Whether {@code code} is a well-formed USCC with a correct check character. */
  public static boolean isValid(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    String s = code.toUpperCase(Locale.ROOT);
    for (int i = 2; i < 8; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = CHARSET.indexOf(s.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += v * WEIGHTS[i];
    }
    if (CHARSET.indexOf(s.charAt(17)) < 0) {
      return false;
    }
    int check = 31 - sum % 31;
    return s.charAt(17) == CHARSET.charAt(check == 31 ? 0 : check);
  }
}

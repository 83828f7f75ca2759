package org.nianbao.validation;

import java.util.List;
import java.util.Map;
import org.nianbao.validation.ValidationContext.UnitProfile;

/**
 * ID-01, ID-03 and ID-04: the unit's division code is valid in the report year; the organisation
 * code inside a 统一社会信用代码 passes its GB 11714 check; the USCC's registration province is the unit's
 * province.
 */
final class IdentityRules {

  private static final int[] GB11714_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
  private static final int USCC_LENGTH = 18;

  private IdentityRules() {}

  static void evaluate(UnitProfile unit, Integer year, Findings findings) {
    if (unit == null) {
      return;
    }
    String region = unit.regionCode();
    if (region != null && year != null && !DivisionCodes.validIn(region, year)) {
      Map<String, Object> args = Map.of("code", region, "year", year);
      findings.add(
          Rules.ID_01,
          Severity.ERROR,
          List.of("unit"),
          "a division code valid in " + year,
          region,
          Templates.message(Rules.ID_01, args));
    }
    String code = unit.code();
    if (code == null || code.length() != USCC_LENGTH) {
      return;
    }
    if (!organisationCodeValid(code.substring(8, 17))) {
      findings.add(
          Rules.ID_03,
          Severity.WARNING,
          List.of("unit"),
          "GB 11714 check character",
          code.substring(8, 17),
          Templates.message(Rules.ID_03, Map.of()));
    }
    if (region != null
        && region.length() >= 2
        && !code.substring(2, 4).equals(region.substring(0, 2))) {
      findings.add(
          Rules.ID_04,
          Severity.WARNING,
          List.of("unit"),
          region.substring(0, 2),
          code.substring(2, 4),
          Templates.message(Rules.ID_04, Map.of()));
    }
  }

  /** GB 11714: eight body characters and a check character (0–9 or X). */
  static boolean organisationCodeValid(String code) {
    if (code.length() != 9) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      int v = value(code.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += v * GB11714_WEIGHTS[i];
    }
    int c = 11 - sum % 11;
    char expected = c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    return Character.toUpperCase(code.charAt(8)) == expected;
  }

  private static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char u = Character.toUpperCase(c);
    if (u >= 'A' && u <= 'Z') {
      return u - 'A' + 10;
    }
    return -1;
  }
}

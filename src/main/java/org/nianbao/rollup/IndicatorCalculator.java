package org.nianbao.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.rollup.RollupViews.Indicators;

/**
 * The rollup indicators, always computed from summed cells (never averages of per-unit ratios), as
 * decimals rounded half-up to 4 places, null when the denominator is 0 or the format lacks a cell.
 */
final class IndicatorCalculator {

  private IndicatorCalculator() {}

  /**
   * @param sums the rollup of the year
   * @param previous the rollup of the year before under the same filter (null when unavailable)
   */
  static Indicators of(Sums sums, Sums previous) {
    Long processed = sums.count("s3.total_processed.total");
    long withheld = 0;
    for (CellDefinition cell : sums.catalogue().cells()) {
      if (cell.section() == 3
          && cell.rowKey().startsWith("withheld.")
          && "total".equals(cell.columnKey())) {
        withheld += (Long) sums.value(cell);
      }
    }
    Long newTotal = sums.count("s3.new.total");
    Long previousNew = previous == null ? null : previous.count("s3.new.total");
    return new Indicators(
        ratio(sums.count("s3.granted.total"), processed),
        ratio(sums.count("s3.partial.total"), processed),
        ratio(processed == null ? null : withheld, processed),
        ratio(sums.count("s3.unable.not_held.total"), processed),
        correction(sums, "review"),
        correction(sums, "litigation_direct", "litigation_after_review"),
        ratio(
            sums.count("s3.carried_out.total"), plus(newTotal, sums.count("s3.carried_in.total"))),
        newTotal == null || previousNew == null
            ? null
            : ratio(newTotal - previousNew, previousNew));
  }

  /**
   * corrected / (upheld + corrected + other) over the given section 四 groups (pending excluded).
   */
  private static BigDecimal correction(Sums sums, String... groups) {
    Long corrected = 0L;
    Long decided = 0L;
    for (String g : groups) {
      corrected = plus(corrected, sums.count("s4." + g + ".corrected"));
      decided =
          plus(
              decided,
              plus(
                  sums.count("s4." + g + ".upheld"),
                  plus(sums.count("s4." + g + ".corrected"), sums.count("s4." + g + ".other"))));
    }
    return ratio(corrected, decided);
  }

  private static Long plus(Long a, Long b) {
    return a == null || b == null ? null : a + b;
  }

  static BigDecimal ratio(Long numerator, Long denominator) {
    if (numerator == null || denominator == null || denominator == 0) {
      return null;
    }
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
  }
}

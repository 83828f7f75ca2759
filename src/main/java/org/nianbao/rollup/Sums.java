package org.nianbao.rollup;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.CellType;

/**
 * A running sum of report cells of one format, by catalogue index, and how many reports it holds.
 */
final class Sums {

  private final Catalogue catalogue;
  private final long[] counts;
  private final BigDecimal[] amounts;
  private long reports;

  Sums(Catalogue catalogue) {
    this.catalogue = catalogue;
    this.counts = new long[catalogue.size()];
    this.amounts = new BigDecimal[catalogue.size()];
    java.util.Arrays.fill(amounts, BigDecimal.ZERO);
  }

  Catalogue catalogue() {
    return catalogue;
  }

  /** Adds a stored summary row (arrays by catalogue index, as in {@code rollup_sum}). */
  void add(long reportCount, Long[] rowCounts, BigDecimal[] rowAmounts) {
    reports += reportCount;
    for (int i = 0; i < counts.length && i < rowCounts.length; i++) {
      if (rowCounts[i] != null) {
        counts[i] = Math.addExact(counts[i], rowCounts[i]);
      }
    }
    for (int i = 0; i < amounts.length && i < rowAmounts.length; i++) {
      if (rowAmounts[i] != null) {
        amounts[i] = amounts[i].add(rowAmounts[i]);
      }
    }
  }

  /** Adds the reports of a stored row of which only one count was read. */
  void addCount(long reportCount, int index, long value) {
    reports += reportCount;
    counts[index] = Math.addExact(counts[index], value);
  }

  void addAmount(int index, BigDecimal value) {
    if (value != null) {
      amounts[index] = amounts[index].add(value);
    }
  }

  long reports() {
    return reports;
  }

  /** The summed count of a cell, or null when the format has no such count cell. */
  Long count(String key) {
    return catalogue
        .find(key)
        .filter(c -> c.type() != CellType.DEC)
        .map(c -> counts[c.index()])
        .orElse(null);
  }

  /** Cell key → value (Long, or BigDecimal in 万元 for amounts), in table order. */
  Map<String, Object> cells() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (CellDefinition cell : catalogue.cells()) {
      out.put(cell.key(), value(cell));
    }
    return out;
  }

  Object value(CellDefinition cell) {
    if (cell.type() != CellType.DEC) {
      return counts[cell.index()];
    }
    BigDecimal amount = amounts[cell.index()];
    return amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
  }
}

package org.nianbao.validation;

import java.math.BigDecimal;
import java.util.OptionalLong;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.CellType;

/**
 * The typed cells of one report, indexed by catalogue position: counts as {@code long}, amounts as
 * {@link BigDecimal}, and a known flag per cell (blank, missing or invalid cells are unknown, never
 * 0).
 */
public final class CellValues {

  private final Catalogue catalogue;
  private final long[] counts;
  private final BigDecimal[] amounts;
  private final boolean[] known;

  CellValues(Catalogue catalogue) {
    this.catalogue = catalogue;
    int n = catalogue.size();
    this.counts = new long[n];
    this.amounts = new BigDecimal[n];
    this.known = new boolean[n];
  }

  void setCount(int index, long value) {
    counts[index] = value;
    known[index] = true;
  }

  void setAmount(int index, BigDecimal value) {
    amounts[index] = value;
    known[index] = true;
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  /** Whether the cell at this catalogue index holds a valid value. */
  public boolean known(int index) {
    return known[index];
  }

  /** The count at this catalogue index (meaningful only when {@link #known(int)}). */
  public long count(int index) {
    return counts[index];
  }

  /** The amount at this catalogue index (DEC cells), or null when unknown. */
  public BigDecimal amount(int index) {
    return amounts[index];
  }

  /** The count of a cell by key, empty when the key is not a known count of this format. */
  public OptionalLong count(String key) {
    return catalogue
        .find(key)
        .filter(c -> c.type() != CellType.DEC && known[c.index()])
        .map(c -> OptionalLong.of(counts[c.index()]))
        .orElse(OptionalLong.empty());
  }

  /** The value of a cell as a number (Long or BigDecimal), or null when unknown. */
  public Object value(String key) {
    CellDefinition cell = catalogue.find(key).orElse(null);
    if (cell == null || !known[cell.index()]) {
      return null;
    }
    return cell.type() == CellType.DEC ? amounts[cell.index()] : (Object) counts[cell.index()];
  }

  /** How many cells hold a valid value. */
  public int knownCount() {
    int n = 0;
    for (boolean k : known) {
      if (k) {
        n++;
      }
    }
    return n;
  }
}

package org.nianbao.catalogue;

/**
 * One cell of a report format: its stable key, where it sits in the printed table and what it
 * holds.
 *
 * @param index position of the cell in its catalogue (table order), 0-based
 * @param key stable key, e.g. {@code s3.new.natural}
 * @param section report section (2, 3 or 4)
 * @param rowLabel Chinese row label path, '/'-separated
 * @param columnLabel Chinese column label path, '/'-separated
 * @param type value type
 * @param total whether the cell is a printed total that must equal a sum of other cells
 * @param unit unit of measure as printed (件, 项, 万元)
 */
public record CellDefinition(
    int index,
    String key,
    int section,
    String rowLabel,
    String columnLabel,
    CellType type,
    boolean total,
    String unit) {

  /**
   * The row part of the key: {@code s3.withheld.state_secret.natural} → {@code
   * withheld.state_secret}.
   */
  public String rowKey() {
    int first = key.indexOf('.');
    int last = key.lastIndexOf('.');
    return key.substring(first + 1, last);
  }

  /** The column part of the key: {@code s3.new.natural} → {@code natural}. */
  public String columnKey() {
    return key.substring(key.lastIndexOf('.') + 1);
  }

  /** The label a person reads: the last row label and the last column label. */
  public String shortLabel() {
    return lastSegment(rowLabel) + "／" + lastSegment(columnLabel);
  }

  private static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}

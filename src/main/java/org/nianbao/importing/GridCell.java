package org.nianbao.importing;

/**
 * One cell of an imported table grid: its text and whether it only continues a merged cell.
 *
 * @param text the cell text as printed (a vertical continuation carries the text of the merged cell)
 * @param merge how the cell relates to a merged neighbour
 */
public record GridCell(String text, Merge merge) {

  /** How a grid position relates to a merged cell. */
  public enum Merge {
    /** An ordinary cell, or the origin of a merge. */
    NONE,
    /** Covered by a horizontal merge from the left; matching drops it so a spanning cell counts once. */
    LEFT,
    /** Covered by a vertical merge from above; the text is copied down from the origin. */
    UP
  }

  public GridCell {
    text = text == null ? "" : text;
  }

  static GridCell of(String text) {
    return new GridCell(text, Merge.NONE);
  }
}

package org.nianbao.importing;

/**
 * One cell of an imported table grid: its text, whether it only continues a merged cell, and where
 * its line printed it.
 *
 * @param text the cell text as printed (a vertical continuation carries the text of the merged
 *     cell)
 * @param merge how the cell relates to a merged neighbour
 * @param x the display column its text starts at in a printed line (a CJK character two columns
 *     wide), or -1 when the front end has no positions (HTML, .docx)
 */
public record GridCell(String text, Merge merge, int x) {

  /** How a grid position relates to a merged cell. */
  public enum Merge {
    /** An ordinary cell, or the origin of a merge. */
    NONE,
    /**
     * Covered by a horizontal merge from the left; matching drops it so a spanning cell counts
     * once.
     */
    LEFT,
    /** Covered by a vertical merge from above; the text is copied down from the origin. */
    UP
  }

  public GridCell {
    text = text == null ? "" : text;
  }

  public GridCell(String text, Merge merge) {
    this(text, merge, -1);
  }

  static GridCell of(String text) {
    return new GridCell(text, Merge.NONE, -1);
  }

  static GridCell at(String text, int x) {
    return new GridCell(text, Merge.NONE, x);
  }

  /** The display width of a text: two columns for CJK and full-width characters, one otherwise. */
  static int width(CharSequence s) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += s.charAt(i) >= 0x1100 ? 2 : 1;
    }
    return w;
  }
}

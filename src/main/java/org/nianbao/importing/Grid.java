package org.nianbao.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a rectangular table grid from cells with row and column spans: a vertical span copies the
 * text down (marked {@link GridCell.Merge#UP}), a horizontal span marks the covered positions
 * {@link GridCell.Merge#LEFT}. Positions no cell covers are also marked LEFT, so they never count
 * as values.
 */
final class Grid {

  private final List<List<GridCell>> rows = new ArrayList<>();
  private final int rowCount;

  Grid(int rowCount) {
    this.rowCount = rowCount;
    for (int i = 0; i < rowCount; i++) {
      rows.add(new ArrayList<>());
    }
  }

  /** The first column at or after {@code col} that no earlier span covers in row {@code r}. */
  int nextFree(int r, int col) {
    List<GridCell> row = rows.get(r);
    while (col < row.size() && row.get(col) != null) {
      col++;
    }
    return col;
  }

  /**
   * Places a cell spanning {@code rowSpan} × {@code colSpan} positions from ({@code r}, {@code
   * col}).
   */
  void place(int r, int col, int rowSpan, int colSpan, String text) {
    int lastRow = Math.min(rowCount, r + rowSpan);
    for (int i = r; i < lastRow; i++) {
      for (int j = col; j < col + colSpan; j++) {
        GridCell.Merge merge =
            j > col ? GridCell.Merge.LEFT : i > r ? GridCell.Merge.UP : GridCell.Merge.NONE;
        set(i, j, new GridCell(text, merge));
      }
    }
  }

  /** Places a cell that continues the vertical merge of the cell above. */
  void continueAbove(int r, int col, int colSpan) {
    String text = "";
    if (r > 0 && col < rows.get(r - 1).size() && rows.get(r - 1).get(col) != null) {
      text = rows.get(r - 1).get(col).text();
    }
    for (int j = col; j < col + colSpan; j++) {
      set(r, j, new GridCell(text, j > col ? GridCell.Merge.LEFT : GridCell.Merge.UP));
    }
  }

  private void set(int r, int col, GridCell cell) {
    List<GridCell> row = rows.get(r);
    while (row.size() <= col) {
      row.add(null);
    }
    if (row.get(col) == null) {
      row.set(col, cell);
    }
  }

  /** The grid, padded to its widest row. */
  List<List<GridCell>> rows() {
    int width = 0;
    for (List<GridCell> row : rows) {
      width = Math.max(width, row.size());
    }
    List<List<GridCell>> out = new ArrayList<>(rows.size());
    for (List<GridCell> row : rows) {
      List<GridCell> filled = new ArrayList<>(width);
      for (int j = 0; j < width; j++) {
        GridCell cell = j < row.size() ? row.get(j) : null;
        filled.add(cell != null ? cell : new GridCell("", GridCell.Merge.LEFT));
      }
      out.add(filled);
    }
    return out;
  }
}

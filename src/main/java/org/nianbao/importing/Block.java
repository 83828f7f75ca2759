package org.nianbao.importing;

import java.util.ArrayList;
import java.util.List;

/** A block of an imported document in reading order: a paragraph of narrative text or a table. */
public sealed interface Block {

  /** A paragraph of running text (one line or one block element of the source). */
  record Paragraph(String text) implements Block {}

  /**
   * A table as a grid of rows. Front ends that see merges (docx, HTML) produce a rectangular grid with
   * {@link GridCell.Merge} marks; the text front end produces rows as printed (merges already collapsed).
   */
  record Table(List<List<GridCell>> rows) implements Block {

    public Table {
      rows = List.copyOf(rows.stream().map(List::copyOf).toList());
    }

    /** Each row with horizontal merge continuations dropped, as plain strings. */
    public List<List<String>> collapsedRows() {
      List<List<String>> out = new ArrayList<>(rows.size());
      for (List<GridCell> row : rows) {
        List<String> cells = new ArrayList<>(row.size());
        for (GridCell cell : row) {
          if (cell.merge() != GridCell.Merge.LEFT) {
            cells.add(cell.text());
          }
        }
        out.add(cells);
      }
      return out;
    }
  }
}

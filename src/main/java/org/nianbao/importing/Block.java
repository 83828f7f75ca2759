package org.nianbao.importing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A block of an imported document in reading order: a paragraph of narrative text or a table. */
public sealed interface Block {

  /**
   * A paragraph of running text (one line or one block element of the source), with where it was
   * printed.
   */
  record Paragraph(String text, Position at) implements Block {

    public Paragraph(String text) {
      this(text, Position.UNKNOWN);
    }
  }

  /**
   * A table as a grid of rows. Front ends that see merges (docx, HTML) produce a rectangular grid
   * with {@link GridCell.Merge} marks; the text front end produces rows as printed (merges already
   * collapsed). {@code at} holds each row's position when the front end knows it (else empty).
   */
  record Table(List<List<GridCell>> rows, List<Position> at) implements Block {

    public Table {
      rows = List.copyOf(rows.stream().map(List::copyOf).toList());
      at = List.copyOf(at);
    }

    public Table(List<List<GridCell>> rows) {
      this(rows, Collections.nCopies(rows.size(), Position.UNKNOWN));
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

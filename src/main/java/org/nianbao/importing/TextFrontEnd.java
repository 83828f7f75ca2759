package org.nianbao.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads plain text into the document model. Two layouts are recognised: text converted from .docx (one
 * cell per TAB-prefixed line, a blank line between rows, untabbed continuation lines; SPEC §7.3) and
 * {@code pdftotext -layout} output (a table row per line, columns separated by two or more spaces).
 */
final class TextFrontEnd {

  private static final Pattern PAGE_FOOTER =
      Pattern.compile(
          "^\\s*(?:[—–\\-－]+\\s*\\d+\\s*[—–\\-－]+|第\\s*\\d+\\s*页(?:\\s*[，,/]?\\s*共\\s*\\d+\\s*页)?"
              + "|\\d+\\s*/\\s*\\d+|-\\s*\\d+\\s*-)\\s*$");
  private static final Pattern COLUMN_GAP = Pattern.compile("[ \\u3000\\u00A0]{2,}|\\t");
  private static final Pattern TOKEN_GAP = Pattern.compile("[ \\u3000\\u00A0]+");
  private static final int MAX_FRAGMENT_LENGTH = 40;

  private TextFrontEnd() {}

  static DocumentModel read(String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n').split("\n", -1);
    for (String line : lines) {
      if (line.startsWith("\t")) {
        return readDocxText(lines);
      }
    }
    return readLayout(lines);
  }

  /** The docx→text layout: TAB-prefixed cells, blank lines between rows. */
  private static DocumentModel readDocxText(String[] lines) {
    List<Block> blocks = new ArrayList<>();
    List<List<GridCell>> rows = null;
    List<String> row = null;
    for (String line : lines) {
      if (line.startsWith("\t")) {
        if (rows == null) {
          rows = new ArrayList<>();
        }
        if (row == null) {
          row = new ArrayList<>();
        }
        row.add(line.substring(1));
      } else if (Labels.trim(line).isEmpty()) {
        if (row != null) {
          rows.add(toCells(row));
          row = null;
        }
      } else if (row != null) {
        int last = row.size() - 1;
        row.set(last, row.get(last) + "\n" + line);
      } else {
        if (rows != null) {
          blocks.add(new Block.Table(rows));
          rows = null;
        }
        blocks.add(new Block.Paragraph(line));
      }
    }
    if (row != null) {
      rows.add(toCells(row));
    }
    if (rows != null) {
      blocks.add(new Block.Table(rows));
    }
    return new DocumentModel(blocks);
  }

  private static List<GridCell> toCells(List<String> texts) {
    List<GridCell> cells = new ArrayList<>(texts.size());
    for (String t : texts) {
      cells.add(GridCell.of(t));
    }
    return cells;
  }

  /**
   * The {@code pdftotext -layout} layout: a line with two or more columns is a table row; short single
   * cell lines inside a table are kept as one-cell rows (captions and wrapped label fragments); page
   * footers are dropped; a section heading or a long line ends the table.
   */
  private static DocumentModel readLayout(String[] lines) {
    List<Block> blocks = new ArrayList<>();
    List<List<GridCell>> rows = null;
    for (String line : lines) {
      String trimmed = Labels.trim(line);
      if (trimmed.isEmpty() || PAGE_FOOTER.matcher(trimmed).matches()) {
        continue;
      }
      List<String> cells = splitColumns(trimmed);
      boolean heading = Sections.headingOf(trimmed) > 0;
      if (!heading && (cells.size() > 1 || (rows != null && trimmed.length() <= MAX_FRAGMENT_LENGTH))) {
        if (rows == null) {
          rows = new ArrayList<>();
        }
        rows.add(toCells(cells));
      } else {
        if (rows != null) {
          blocks.add(new Block.Table(rows));
          rows = null;
        }
        blocks.add(new Block.Paragraph(trimmed));
      }
    }
    if (rows != null) {
      blocks.add(new Block.Table(rows));
    }
    return new DocumentModel(blocks);
  }

  /** Splits a layout line into label cells (2+ spaces apart) and trailing value tokens (any space apart). */
  static List<String> splitColumns(String line) {
    String[] tokens = TOKEN_GAP.split(line);
    int firstValue = tokens.length;
    while (firstValue > 0 && CellValue.looksLikeValue(tokens[firstValue - 1])
        && !CellValue.isBlank(tokens[firstValue - 1]) || firstValue > 0 && isDash(tokens[firstValue - 1])) {
      firstValue--;
    }
    List<String> cells = new ArrayList<>();
    if (firstValue > 0) {
      // the label part: everything before the first trailing value token
      int cut = 0;
      int seen = 0;
      int idx = 0;
      while (seen < firstValue) {
        while (idx < line.length() && isGap(line.charAt(idx))) {
          idx++;
        }
        idx += tokens[seen].length();
        seen++;
      }
      cut = idx;
      for (String part : COLUMN_GAP.split(line.substring(0, cut))) {
        String p = Labels.trim(part);
        if (!p.isEmpty()) {
          cells.add(p);
        }
      }
    }
    for (int i = firstValue; i < tokens.length; i++) {
      cells.add(tokens[i]);
    }
    return cells;
  }

  private static boolean isDash(String token) {
    return token.equals("—") || token.equals("－") || token.equals("-") || token.equals("/") || token.equals("无");
  }

  private static boolean isGap(char c) {
    return c == ' ' || c == '\u3000' || c == '\u00A0' || c == '\t';
  }
}

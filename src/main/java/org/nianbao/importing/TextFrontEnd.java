package org.nianbao.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads plain text in any layout into the document model, one printed line at a time with its page
 * and line number: text converted from .docx (one TAB-prefixed cell per line), TAB-separated rows,
 * markdown pipe tables, {@code pdftotext -layout} lines (columns two or more spaces apart, trailing
 * values any space apart), and one cell per line. A form feed starts a new page (as {@code
 * pdftotext} and the PDF front end print them); page footers such as {@code — 3 —} are dropped. How
 * rows and labels fit together is left to the template alignment ({@link ReportMatcher}), so the
 * front end never has to understand a table.
 */
final class TextFrontEnd {

  private static final Pattern PAGE_FOOTER =
      Pattern.compile(
          "^\\s*(?:[—–\\-－]+\\s*\\d+\\s*[—–\\-－]+|第\\s*\\d+\\s*页(?:\\s*[，,/]?\\s*共\\s*\\d+\\s*页)?"
              + "|\\d+\\s*/\\s*\\d+|-\\s*\\d+\\s*-)\\s*$");
  private static final Pattern PIPE_RULE = Pattern.compile("^\\|?\\s*:?-{2,}.*$");
  private static final Pattern COLUMN_GAP = Pattern.compile("[ \\u3000\\u00A0]{2,}|\\t");
  private static final Pattern TOKEN_GAP = Pattern.compile("[ \\u3000\\u00A0]+");

  private TextFrontEnd() {}

  static DocumentModel read(String text) {
    ReportMatcher.checkLength(text.chars().filter(c -> c == '\n').count() + 1);
    List<Block> blocks = new ArrayList<>();
    List<List<GridCell>> rows = new ArrayList<>();
    List<Position> rowsAt = new ArrayList<>();
    int page = 1;
    int lineNo = 0;
    int start = 0;
    int length = text.length();
    while (start <= length) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = length;
      }
      String line = text.substring(start, end);
      start = end + 1;
      lineNo++;
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      while (line.indexOf('\f') >= 0) {
        page++;
        line = line.replaceFirst("\f", "");
      }
      List<String> cells = cells(line);
      if (cells == null) {
        continue;
      }
      Position at = new Position(page, lineNo);
      if (cells.size() == 1 && !line.startsWith("\t") && !CellValue.looksLikeValue(cells.get(0))) {
        if (!rows.isEmpty()) {
          blocks.add(new Block.Table(rows, rowsAt));
          rows = new ArrayList<>();
          rowsAt = new ArrayList<>();
        }
        blocks.add(new Block.Paragraph(cells.get(0), at));
      } else {
        List<GridCell> row = new ArrayList<>(cells.size());
        boolean positioned =
            !line.startsWith("\t") && line.indexOf('\t') < 0 && !Labels.trim(line).startsWith("|");
        int cursor = 0;
        for (String cell : cells) {
          int x = -1;
          int found = positioned && !cell.isEmpty() ? line.indexOf(cell, cursor) : -1;
          if (found >= 0) {
            x = GridCell.width(line.substring(0, found));
            cursor = found + cell.length();
          }
          row.add(GridCell.at(cell, x));
        }
        rows.add(row);
        rowsAt.add(at);
      }
      if (end == length) {
        break;
      }
    }
    if (!rows.isEmpty()) {
      blocks.add(new Block.Table(rows, rowsAt));
    }
    return new DocumentModel(blocks);
  }

  /**
   * The cells of one printed line, or null when the line carries nothing (blank, rule, page
   * footer).
   */
  static List<String> cells(String line) {
    String trimmed = Labels.trim(line);
    if (line.startsWith("\t")) {
      // text converted from .docx: one cell per TAB-prefixed line, an empty one is a blank cell
      List<String> cells = new ArrayList<>();
      for (String part : line.substring(1).split("\t", -1)) {
        cells.add(Labels.trim(part));
      }
      return cells;
    }
    if (trimmed.isEmpty() || PAGE_FOOTER.matcher(trimmed).matches()) {
      return null;
    }
    if (trimmed.startsWith("|")) {
      if (PIPE_RULE.matcher(trimmed).matches()) {
        return null;
      }
      String inner = trimmed.substring(1);
      if (inner.endsWith("|")) {
        inner = inner.substring(0, inner.length() - 1);
      }
      List<String> cells = new ArrayList<>();
      for (String part : inner.split("\\|", -1)) {
        cells.add(Labels.trim(part));
      }
      return cells;
    }
    if (trimmed.indexOf('\t') >= 0) {
      // split the line as printed: a trailing TAB ends with a blank cell
      List<String> cells = new ArrayList<>();
      for (String part : line.substring(line.indexOf(trimmed.charAt(0))).split("\t", -1)) {
        cells.add(Labels.trim(part));
      }
      return cells;
    }
    return splitColumns(trimmed);
  }

  /**
   * Splits a layout line into label cells (2+ spaces apart) and trailing value tokens (any space
   * apart).
   */
  static List<String> splitColumns(String line) {
    int lastGap = line.length() - 1;
    boolean wideGap = false;
    for (int i = 0; i < line.length(); i++) {
      if (isGap(line.charAt(i)) && i + 1 < line.length() && isGap(line.charAt(i + 1))) {
        wideGap = true;
        break;
      }
    }
    while (lastGap >= 0 && !isGap(line.charAt(lastGap))) {
      lastGap--;
    }
    if (!wideGap && lastGap >= 0 && !CellValue.looksLikeValue(line.substring(lastGap + 1))) {
      return List.of(line);
    }
    String[] tokens = TOKEN_GAP.split(line);
    int firstValue = tokens.length;
    while (firstValue > 0
            && CellValue.looksLikeValue(tokens[firstValue - 1])
            && !CellValue.isBlank(tokens[firstValue - 1])
        || firstValue > 0 && isDash(tokens[firstValue - 1])) {
      firstValue--;
    }
    List<String> cells = new ArrayList<>();
    if (firstValue > 0) {
      int seen = 0;
      int idx = 0;
      while (seen < firstValue) {
        while (idx < line.length() && isGap(line.charAt(idx))) {
          idx++;
        }
        idx += tokens[seen].length();
        seen++;
      }
      for (String part : COLUMN_GAP.split(line.substring(0, idx))) {
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
    return token.equals("—")
        || token.equals("－")
        || token.equals("-")
        || token.equals("/")
        || token.equals("无");
  }

  private static boolean isGap(char c) {
    return c == ' ' || c == '\u3000' || c == '\u00A0' || c == '\t';
  }
}

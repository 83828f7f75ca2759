package org.nianbao.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of value cells printed one after another with no label between them (one table row, several
 * unlabelled rows, or section 四's flat row of 15), with the labels printed around it: on the lines
 * before it since the previous run, on its own line before its first value, and after its last
 * value until the next run.
 */
final class Run {

  /**
   * One printed cell of the document: its text, whether it is a value, its line index and position.
   */
  record Token(String text, boolean value, int line, Position at, int x, String key) {

    Token(String text, boolean value, int line, Position at, int x) {
      this(text, value, line, at, x, value || text.length() > 60 ? "" : Labels.key(text));
    }

    /** The display column of the middle of the text, or -1. */
    double centre() {
      return x < 0 ? -1 : x + GridCell.width(text) / 2.0;
    }
  }

  private final List<Token> values = new ArrayList<>();
  private final List<String> before = new ArrayList<>();
  private final List<String> same = new ArrayList<>();
  private final List<String> after = new ArrayList<>();
  private boolean allBlank = true;

  void add(Token value) {
    values.add(value);
    allBlank &= CellValue.isBlank(value.text());
  }

  List<Token> values() {
    return values;
  }

  int size() {
    return values.size();
  }

  boolean allBlank() {
    return allBlank;
  }

  /**
   * True if the run fills a row of this width: as many values, or more whose extras are all blank.
   */
  boolean fits(int width) {
    if (values.size() < width) {
      return false;
    }
    for (int k = width; k < values.size(); k++) {
      if (!CellValue.isBlank(values.get(k).text())) {
        return false;
      }
    }
    return true;
  }

  List<String> before() {
    return before;
  }

  List<String> same() {
    return same;
  }

  List<String> after() {
    return after;
  }

  /** True if every value was printed on one line at a known column. */
  boolean positioned() {
    for (Token t : values) {
      if (t.x() < 0 || t.line() != values.get(0).line()) {
        return false;
      }
    }
    return true;
  }

  /** Line index of the first value. */
  int firstLine() {
    return values.get(0).line();
  }

  int lastLine() {
    return values.get(values.size() - 1).line();
  }

  /** The raw text of the run, for a finding. */
  String raw() {
    StringBuilder sb = new StringBuilder();
    for (Token t : values) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(t.text());
    }
    return sb.toString();
  }

  /**
   * Cuts a table's tokens into runs. A run breaks at every label, and at the start and end of a
   * line that holds two or more values (a printed row), so rows printed one per line stay apart
   * while cells printed one per line join.
   */
  static List<Run> runs(List<Token> tokens, int[] valuesOnLine) {
    List<Run> runs = new ArrayList<>();
    List<Token> pending = new ArrayList<>();
    Run current = null;
    int currentLine = -1;
    int printedLine = -1;
    int printedPage = -1;
    int spacing = spacing(tokens, valuesOnLine);
    for (Token t : tokens) {
      if (!t.value()) {
        String text = Labels.trim(t.text());
        if (text.isEmpty() || text.length() > 60) {
          continue;
        }
        current = null;
        pending.add(t);
        continue;
      }
      // a blank line between cells printed one per line (text from .docx) ends a row; in a document
      // that
      // puts a blank line after every line, it takes more than the usual spacing
      // (a page break between two cells is no gap: the footer's lines are not blank lines)
      boolean gap =
          printedLine > 0 && t.at().line() - printedLine > spacing && t.at().page() == printedPage;
      if (current != null
          && t.line() != currentLine
          && (gap || valuesOnLine[t.line()] >= 2 || valuesOnLine[currentLine] >= 2)) {
        current = null;
      }
      if (current == null) {
        current = new Run();
        for (Token label : pending) {
          (label.line() == t.line() ? current.same : current.before).add(label.text());
        }
        if (!runs.isEmpty()) {
          runs.get(runs.size() - 1).after.addAll(current.before);
        }
        pending.clear();
        runs.add(current);
      }
      current.add(t);
      currentLine = t.line();
      printedLine = t.at().line();
      printedPage = t.at().page();
    }
    if (!runs.isEmpty()) {
      for (Token label : pending) {
        runs.get(runs.size() - 1).after.add(label.text());
      }
    }
    return runs;
  }

  /**
   * The usual number of printed lines from one cell to the next among values printed one per line:
   * 1, or 2 when the document puts an empty line after every line (crawled or re-pasted text).
   */
  private static int spacing(List<Token> tokens, int[] valuesOnLine) {
    int[] counts = new int[3];
    int previous = -1;
    for (Token t : tokens) {
      if (!t.value() || t.at().line() <= 0 || valuesOnLine[t.line()] >= 2) {
        previous = -1;
        continue;
      }
      int delta = previous < 0 ? 0 : t.at().line() - previous;
      if (delta >= 1 && delta <= 2) {
        counts[delta]++;
      }
      previous = t.at().line();
    }
    return counts[2] > 2 * counts[1] ? 2 : 1;
  }

  /**
   * Reads a table printed column by column (plain {@code pdftotext} of some PDFs): {@code width}
   * runs of {@code height} values each in a row, or one run of {@code height × width} values whose
   * column-major reading satisfies more row totals (总计 = the sum of the other columns) than its
   * row-major one, become {@code height} runs of one row each. Anything else is returned as it is.
   */
  static List<Run> columnMajor(List<Run> runs, int height, int width) {
    List<Run> out = new ArrayList<>(runs.size());
    for (int i = 0; i < runs.size(); i++) {
      Run run = runs.get(i);
      if (run.size() == height && !run.allBlank() && i + width <= runs.size()) {
        boolean columns = true;
        for (int k = 1; k < width; k++) {
          columns &= runs.get(i + k).size() == height && runs.get(i + k).same().isEmpty();
        }
        if (columns) {
          for (int r = 0; r < height; r++) {
            Run row = new Run();
            for (int k = 0; k < width; k++) {
              row.add(runs.get(i + k).values().get(r));
            }
            out.add(row);
          }
          i += width - 1;
          continue;
        }
      }
      if (run.size() == height * width
          && height > 1
          && totals(run, height, width, true) < totals(run, height, width, false)) {
        for (int r = 0; r < height; r++) {
          Run row = new Run();
          for (int k = 0; k < width; k++) {
            row.add(run.values().get(k * height + r));
          }
          if (r == 0) {
            row.before.addAll(run.before);
            row.same.addAll(run.same);
          }
          out.add(row);
        }
        continue;
      }
      out.add(run);
    }
    return out;
  }

  /**
   * How many rows of a block read row- or column-major have their last value equal to the sum of
   * the others.
   */
  private static int totals(Run run, int height, int width, boolean rowMajor) {
    int holds = 0;
    for (int r = 0; r < height; r++) {
      java.math.BigInteger sum = java.math.BigInteger.ZERO;
      java.math.BigInteger total = null;
      boolean readable = true;
      for (int k = 0; k < width; k++) {
        String text = run.values().get(rowMajor ? r * width + k : k * height + r).text();
        String digits = text.replaceAll("[,，\\s]", "");
        if (!digits.matches("\\d{1,18}")) {
          readable = false;
          break;
        }
        java.math.BigInteger v = new java.math.BigInteger(digits);
        if (k == width - 1) {
          total = v;
        } else {
          sum = sum.add(v);
        }
      }
      if (readable && sum.equals(total)) {
        holds++;
      }
    }
    return holds;
  }
}

package org.nianbao.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.nianbao.validation.Message;

/**
 * Reads the text layer of a PDF with Apache PDFBox into layout text, as {@code pdftotext -layout}
 * prints it: one printed line per text line, each glyph placed at the column of its x position (a
 * CJK glyph is two columns wide) so table columns survive, pages separated by form feeds (the page
 * number of every line is its provenance), running page numbers and repeated running headers
 * dropped. Where a page draws ruled tables, each table row between two borders becomes one line
 * with every cell's text joined however it wrapped ({@link PdfTables}). The text front end reads
 * the result. Input is bounded: pages, glyphs and the memory PDFBox may use.
 */
final class PdfFrontEnd {

  static final int MAX_PAGES = 200;
  static final int MAX_GLYPHS = 1_000_000;
  static final long MAX_MEMORY = 64L * 1024 * 1024;

  /** Fewer printed characters than this in the whole document: a scan without a text layer. */
  static final int MIN_GLYPHS = 20;

  /** A page number alone on a line: — 3 —, -3-, 第3页, 第3页 共9页, 3/9, 3. */
  private static final Pattern PAGE_NUMBER =
      Pattern.compile(
          "^[—–\\-－\\s]*(?:第\\s*)?\\d{1,4}(?:\\s*页)?(?:\\s*[，,/／]?\\s*共?\\s*\\d{1,4}\\s*页?)?[—–\\-－\\s]*$");

  /**
   * The share of the page height at the top and bottom where running headers and footers are
   * printed.
   */
  private static final float MARGIN = 0.1f;

  private PdfFrontEnd() {}

  static DocumentModel read(byte[] body) {
    return TextFrontEnd.read(layoutText(body));
  }

  /**
   * The layout text of a PDF: pages separated by {@code \f}, running page numbers and headers
   * dropped.
   */
  static String layoutText(byte[] body) {
    try (PDDocument doc =
        Loader.loadPDF(
            body, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(MAX_MEMORY).streamCache)) {
      if (doc.getNumberOfPages() > MAX_PAGES) {
        throw new ImportException(
            new Message(
                "PDF页数超过" + MAX_PAGES + "页，不像一份年度报告。",
                "The PDF has more than " + MAX_PAGES + " pages; that is not an annual report."),
            List.of());
      }
      GlyphCollector collector = new GlyphCollector();
      collector.getText(doc);
      int glyphs = collector.pages.stream().mapToInt(p -> p.glyphs.size()).sum();
      if (glyphs < MIN_GLYPHS) {
        throw new NoTextLayerException();
      }
      return render(collector.pages);
    } catch (InvalidPasswordException e) {
      throw new ImportException(
          new Message(
              "PDF已加密，须口令才能打开；请提交未加密的文件。",
              "The PDF is encrypted with a password; send an unencrypted file."),
          List.of(),
          e);
    } catch (IOException e) {
      throw new ImportException(
          new Message("PDF文件无法读取，可能已损坏。", "The PDF cannot be read; it may be damaged."),
          List.of(),
          e);
    }
  }

  /** A printed character: its text, its baseline position (y from the top) and its size. */
  private record Glyph(String text, float x, float y, float width, float size) {

    float centreY() {
      return y - 0.35f * size;
    }

    float centreX() {
      return x + width / 2;
    }
  }

  /** The glyphs and ruling segments of one page. */
  private record Page(List<Glyph> glyphs, List<PdfRulings.Segment> rulings, float height) {}

  /** A text line of a page: its glyphs left to right and the y of its baseline. */
  private record Line(List<Glyph> glyphs, float y) {}

  /**
   * A printed line as text: its y (for order), its text, and whether it is a row of a ruled table.
   */
  private record Row(float y, String text, boolean tableRow) {}

  /**
   * Collects every upright glyph and the ruling lines of every page instead of letting PDFBox build
   * lines.
   */
  private static final class GlyphCollector extends PDFTextStripper {

    final List<Page> pages = new ArrayList<>();
    private List<Glyph> current;
    private int total;

    @Override
    protected void startPage(PDPage page) {
      current = new ArrayList<>();
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
      pages.add(new Page(current, PdfRulings.of(page), page.getCropBox().getHeight()));
    }

    @Override
    protected void processTextPosition(TextPosition p) {
      String text = p.getUnicode();
      if (text == null || text.isBlank() || Math.abs(p.getDir()) > 0.5f) {
        return;
      }
      if (++total > MAX_GLYPHS) {
        throw new ImportException(
            new Message("PDF的文字过多，不像一份年度报告。", "The PDF holds too much text for an annual report."),
            List.of());
      }
      float size = Math.max(1f, p.getFontSizeInPt() > 0 ? p.getFontSizeInPt() : p.getHeightDir());
      current.add(new Glyph(text, p.getXDirAdj(), p.getYDirAdj(), p.getWidthDirAdj(), size));
    }
  }

  private static String render(List<Page> pages) {
    List<List<Row>> rows = new ArrayList<>(pages.size());
    for (Page page : pages) {
      rows.add(rows(page));
    }
    dropRunningLines(pages, rows);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        out.append('\f');
      }
      for (Row row : rows.get(i)) {
        out.append(row.text()).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * The printed lines of a page, top to bottom. Inside a ruled table every row between two borders
   * becomes one line, each cell's text joined however it wrapped and placed at its column;
   * elsewhere glyphs on one baseline make a line.
   */
  private static List<Row> rows(Page page) {
    float unit = columnUnit(page.glyphs());
    List<Glyph> free = new ArrayList<>(page.glyphs());
    List<Row> out = new ArrayList<>();
    for (float[] table : PdfTables.regions(page.rulings())) {
      for (PdfTables.Band band : PdfTables.bands(table, page.rulings())) {
        List<List<Glyph>> cells = new ArrayList<>();
        for (int c = 0; c + 1 < band.columns().length; c++) {
          cells.add(new ArrayList<>());
        }
        for (Glyph g : free) {
          float cy = g.centreY();
          float cx = g.centreX();
          if (cy < band.top() || cy >= band.bottom() || cx < table[0] || cx > table[2]) {
            continue;
          }
          for (int c = 0; c + 1 < band.columns().length; c++) {
            if (cx >= band.columns()[c] && cx < band.columns()[c + 1]) {
              cells.get(c).add(g);
              break;
            }
          }
        }
        if (cells.stream().anyMatch(cell -> stackedValues(cell, unit))) {
          continue; // borders missing between rows: leave these glyphs to plain lines rather than
          // join numbers
        }
        cells.forEach(free::removeAll);
        String text = bandText(cells, unit);
        if (!text.isBlank()) {
          out.add(new Row(band.top(), text, true));
        }
      }
    }
    for (Line line : lines(free)) {
      out.add(new Row(line.y(), render(line, unit), false));
    }
    out.sort(Comparator.comparingDouble(Row::y));
    return out;
  }

  /**
   * Whether a cell holds two or more lines of values: rows whose border between them was not found.
   */
  private static boolean stackedValues(List<Glyph> cell, float unit) {
    List<Line> lines = lines(cell);
    return lines.size() > 1
        && lines.stream().allMatch(l -> CellValue.looksLikeValue(render(l, unit).strip()));
  }

  /**
   * A table row as one line: each cell's lines joined, the cell placed at its first glyph's column.
   */
  private static String bandText(List<List<Glyph>> cells, float unit) {
    StringBuilder sb = new StringBuilder();
    int width = 0;
    for (List<Glyph> cell : cells) {
      if (cell.isEmpty()) {
        continue;
      }
      StringBuilder text = new StringBuilder();
      float x = Float.MAX_VALUE;
      for (Line line : lines(cell)) {
        String part = render(line, unit).strip();
        x = Math.min(x, line.glyphs().get(0).x());
        if (!text.isEmpty() && isLatin(text.charAt(text.length() - 1)) && isLatin(part.charAt(0))) {
          text.append(' ');
        }
        text.append(part);
      }
      int target = Math.round(x / unit);
      width = pad(sb, width, sb.isEmpty() ? target : Math.max(target, width + 2));
      sb.append(text);
      width += displayWidth(text.toString());
    }
    return sb.toString();
  }

  private static boolean isLatin(char c) {
    return c < 0x2E80 && Character.isLetterOrDigit(c);
  }

  /**
   * Groups glyphs into lines: a glyph whose baseline is within 40% of the font size joins the line.
   */
  private static List<Line> lines(List<Glyph> glyphs) {
    List<Glyph> sorted = new ArrayList<>(glyphs);
    sorted.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
    List<Line> out = new ArrayList<>();
    List<Glyph> line = new ArrayList<>();
    float lineY = Float.NaN;
    for (Glyph g : sorted) {
      if (!line.isEmpty() && Math.abs(g.y() - lineY) > 0.4f * g.size()) {
        out.add(finish(line, lineY));
        line = new ArrayList<>();
      }
      if (line.isEmpty()) {
        lineY = g.y();
      }
      line.add(g);
    }
    if (!line.isEmpty()) {
      out.add(finish(line, lineY));
    }
    return out;
  }

  private static Line finish(List<Glyph> glyphs, float y) {
    glyphs.sort(Comparator.comparingDouble(Glyph::x));
    return new Line(glyphs, y);
  }

  /** Half the most common font size: the width of one text column (a CJK glyph takes two). */
  private static float columnUnit(List<Glyph> glyphs) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (Glyph g : glyphs) {
      counts.merge(Math.round(g.size() * 2), 1, Integer::sum);
    }
    int mode =
        counts.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(21);
    return Math.max(1f, mode / 4f);
  }

  /**
   * One line as text: a glyph touching the previous one follows it directly; after a gap the glyph
   * goes to the column of its x position (at least one space, two when the gap is wider than a
   * glyph, so that table cells stay apart).
   */
  private static String render(Line line, float unit) {
    StringBuilder sb = new StringBuilder();
    int width = 0;
    float previousEnd = Float.NaN;
    for (Glyph g : line.glyphs()) {
      if (!Float.isNaN(previousEnd)) {
        float gap = g.x() - previousEnd;
        if (gap > 0.25f * g.size()) {
          int target = Math.round(g.x() / unit);
          int minimum = width + (gap > g.size() ? 2 : 1);
          width = pad(sb, width, Math.max(target, minimum));
        }
      } else {
        width = pad(sb, width, Math.round(g.x() / unit));
      }
      sb.append(g.text());
      width += displayWidth(g.text());
      previousEnd = Math.max(g.x() + g.width(), Float.isNaN(previousEnd) ? 0 : previousEnd);
    }
    return sb.toString();
  }

  private static int pad(StringBuilder sb, int width, int target) {
    for (int w = width; w < target; w++) {
      sb.append(' ');
    }
    return Math.max(width, target);
  }

  /** Display columns of a text: East Asian wide and full-width characters take two. */
  static int displayWidth(String text) {
    int w = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      boolean wide =
          (cp >= 0x1100 && cp <= 0x115F)
              || (cp >= 0x2E80 && cp <= 0xA4CF)
              || (cp >= 0xAC00 && cp <= 0xD7A3)
              || (cp >= 0xF900 && cp <= 0xFAFF)
              || (cp >= 0xFE30 && cp <= 0xFE4F)
              || (cp >= 0xFF00 && cp <= 0xFF60)
              || (cp >= 0xFFE0 && cp <= 0xFFE6)
              || (cp >= 0x20000 && cp <= 0x3FFFD);
      w += wide ? 2 : 1;
    }
    return w;
  }

  /**
   * Drops running page furniture: a page number alone on a line in the top or bottom margin, and a
   * line printed identically (digits aside) in the same margin of two or more pages; only the first
   * and last two lines of a page outside tables are candidates.
   */
  private static void dropRunningLines(List<Page> pages, List<List<Row>> rows) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < pages.size(); i++) {
      for (Row row : rows.get(i)) {
        if (inMargin(row, pages.get(i), rows.get(i))) {
          seen.merge(marginKey(row, pages.get(i)), 1, Integer::sum);
        }
      }
    }
    for (int i = 0; i < pages.size(); i++) {
      Page page = pages.get(i);
      List<Row> pageRows = List.copyOf(rows.get(i));
      rows.get(i)
          .removeIf(
              row ->
                  inMargin(row, page, pageRows)
                      && (PAGE_NUMBER.matcher(plain(row)).matches()
                          || pages.size() > 1 && seen.get(marginKey(row, page)) > 1));
    }
  }

  private static boolean inMargin(Row row, Page page, List<Row> rows) {
    int at = rows.indexOf(row);
    boolean edge = at < 2 || at >= rows.size() - 2;
    return edge
        && !row.tableRow()
        && (row.y() < page.height() * MARGIN || row.y() > page.height() * (1 - MARGIN));
  }

  private static String marginKey(Row row, Page page) {
    return (row.y() < page.height() / 2 ? "top:" : "bottom:") + plain(row).replaceAll("\\d+", "#");
  }

  private static String plain(Row row) {
    return row.text().replaceAll("\\s+", "");
  }
}

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
 * Reads the text layer of a PDF with Apache PDFBox into layout text, as {@code pdftotext -layout} prints
 * it: one printed line per text line, each glyph placed at the column of its x position (a CJK glyph is two
 * columns wide) so table columns survive, pages separated by form feeds (the page number of every line is
 * its provenance), running page numbers and repeated running headers dropped. The text front end reads
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
  /** The share of the page height at the top and bottom where running headers and footers are printed. */
  private static final float MARGIN = 0.1f;

  private PdfFrontEnd() {}

  static DocumentModel read(byte[] body) {
    return TextFrontEnd.read(layoutText(body));
  }

  /** The layout text of a PDF: pages separated by {@code \f}, running page numbers and headers dropped. */
  static String layoutText(byte[] body) {
    try (PDDocument doc =
        Loader.loadPDF(body, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(MAX_MEMORY).streamCache)) {
      if (doc.getNumberOfPages() > MAX_PAGES) {
        throw new ImportException(
            new Message("PDF页数超过" + MAX_PAGES + "页，不像一份年度报告。",
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
          new Message("PDF已加密，须口令才能打开；请提交未加密的文件。",
              "The PDF is encrypted with a password; send an unencrypted file."),
          List.of(),
          e);
    } catch (IOException e) {
      throw new ImportException(
          new Message("PDF文件无法读取，可能已损坏。", "The PDF cannot be read; it may be damaged."), List.of(), e);
    }
  }

  /** A printed character: its text and its box in page coordinates (y grows downwards). */
  private record Glyph(String text, float x, float y, float width, float size) {}

  /** The glyphs of one page with its height. */
  private record Page(List<Glyph> glyphs, float height) {}

  /** A text line of a page: its glyphs left to right and the y of its baseline. */
  private record Line(List<Glyph> glyphs, float y) {}

  /** Collects every upright glyph of every page instead of letting PDFBox build its own lines. */
  private static final class GlyphCollector extends PDFTextStripper {

    final List<Page> pages = new ArrayList<>();
    private List<Glyph> current;
    private int total;

    @Override
    protected void startPage(PDPage page) {
      current = new ArrayList<>();
    }

    @Override
    protected void endPage(PDPage page) {
      pages.add(new Page(current, page.getMediaBox().getHeight()));
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
    List<List<Line>> lines = new ArrayList<>(pages.size());
    for (Page page : pages) {
      lines.add(lines(page.glyphs()));
    }
    dropRunningLines(pages, lines);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        out.append('\f');
      }
      float unit = columnUnit(pages.get(i).glyphs());
      for (Line line : lines.get(i)) {
        out.append(render(line, unit)).append('\n');
      }
    }
    return out.toString();
  }

  /** Groups glyphs into lines: a glyph whose baseline is within 40% of the font size joins the line. */
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
    int mode = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(21);
    return Math.max(1f, mode / 4f);
  }

  /**
   * One line as text: a glyph touching the previous one follows it directly; after a gap the glyph goes to
   * the column of its x position (at least one space, two when the gap is wider than a glyph, so that table
   * cells stay apart).
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
          (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
              || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
              || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
      w += wide ? 2 : 1;
    }
    return w;
  }

  /**
   * Drops running page furniture: a page number alone on a line in the top or bottom margin, and a line
   * printed identically (digits aside) in the same margin of two or more pages; only the first and
   * last two lines of a page are candidates.
   */
  private static void dropRunningLines(List<Page> pages, List<List<Line>> lines) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < pages.size(); i++) {
      for (Line line : lines.get(i)) {
        if (inMargin(line, pages.get(i), lines.get(i))) {
          seen.merge(marginKey(line, pages.get(i)), 1, Integer::sum);
        }
      }
    }
    for (int i = 0; i < pages.size(); i++) {
      Page page = pages.get(i);
      List<Line> pageLines = List.copyOf(lines.get(i));
      lines.get(i).removeIf(
          line -> inMargin(line, page, pageLines)
              && (PAGE_NUMBER.matcher(plain(line)).matches()
                  || pages.size() > 1 && seen.get(marginKey(line, page)) > 1));
    }
  }

  private static boolean inMargin(Line line, Page page, List<Line> lines) {
    int at = lines.indexOf(line);
    boolean edge = at < 2 || at >= lines.size() - 2;
    return edge && (line.y() < page.height() * MARGIN || line.y() > page.height() * (1 - MARGIN));
  }

  private static String marginKey(Line line, Page page) {
    return (line.y() < page.height() / 2 ? "top:" : "bottom:") + plain(line).replaceAll("\\d+", "#");
  }

  private static String plain(Line line) {
    StringBuilder sb = new StringBuilder();
    for (Glyph g : line.glyphs()) {
      sb.append(g.text());
    }
    return sb.toString();
  }
}

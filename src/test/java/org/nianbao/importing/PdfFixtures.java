package org.nianbao.importing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.nianbao.catalogue.FormatVersion;

/**
 * Prints test PDFs with PDFBox as a word processor would export them: A4 pages, a CJK font embedded
 * as a subset (WenQuanYi Micro Hei, Debian's {@code fonts-wqy-microhei}: TrueType outlines, which
 * PDFBox can subset; the CFF outlines of Noto Sans CJK it cannot), narrative paragraphs wrapped at
 * the margin, the report's tables as ruled grids with merged cells, labels wrapped inside their
 * cells, rows split across pages and a page footer {@code — n —} on every page.
 */
final class PdfFixtures {

  static final File CJK_FONT = new File("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

  private static final float MARGIN = 56;
  private static final float BODY = 10.5f;
  private static final float TABLE = 8f;
  private static final float PAD = 2.5f;

  private PdfFixtures() {}

  static boolean fontInstalled() {
    return CJK_FONT.canRead();
  }

  /** The 卧龙区 2024 report: the seed's narrative and its three tables, over three to four pages. */
  static byte[] wolong() throws IOException {
    return wolong(0);
  }

  /**
   * The same with {@code gap} points of blank space before table 三, which moves the page breaks
   * (e.g. 330 breaks table 三 between its rows, its merged group labels printed on the first page
   * only).
   */
  static byte[] wolong(float gap) throws IOException {
    String seed = new String(TextImportTest.resource("wolong-2024.txt"), StandardCharsets.UTF_8);
    List<List<List<ReportFixtures.Span>>> tables =
        ReportFixtures.tables(FormatVersion.FMT2021, ReportFixtures.wolongRaw());
    try (Printer p = new Printer()) {
      p.title(HtmlImportTest.TITLE);
      for (String line : narrative(seed, "一、总体情况", "二、主动公开政府信息情况")) {
        p.paragraph(line);
      }
      float[][] widths = {
        {190, 105, 94, 94}, {52, 64, 122, 35, 35, 35, 35, 35, 35, 35}, repeat(15, 483f / 15)
      };
      for (int t = 0; t < tables.size(); t++) {
        if (t == 1) {
          p.skip(gap);
        }
        p.paragraph(ReportFixtures.HEADINGS.get(t));
        p.table(tables.get(t), widths[t]);
      }
      for (String line : narrative(seed, "五、存在的主要问题及改进情况", null)) {
        p.paragraph(line.replace("[bookmark: _GoBack]", ""));
      }
      return p.finish();
    }
  }

  private static float[] repeat(int n, float w) {
    float[] out = new float[n];
    java.util.Arrays.fill(out, w);
    return out;
  }

  /** The seed's lines from one heading up to (not including) another. */
  private static List<String> narrative(String seed, String from, String to) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : seed.split("\n")) {
      String t = line.replace("[bookmark: _GoBack]", "").strip();
      if (t.equals(from)) {
        in = true;
      } else if (to != null && t.equals(to)) {
        break;
      }
      if (in && !t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Lays text out on pages top to bottom, starting a new page (with its footer) when one is full.
   */
  static final class Printer implements AutoCloseable {

    private final PDDocument doc = new PDDocument();
    private final TrueTypeCollection collection = new TrueTypeCollection(CJK_FONT);
    private final PDFont font;
    private PDPageContentStream out;
    private float y;
    private int pages;

    Printer() throws IOException {
      font = PDType0Font.load(doc, collection.getFontByName("WenQuanYiMicroHei"), true);
      newPage();
    }

    private void newPage() throws IOException {
      if (out != null) {
        footer();
        out.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      pages++;
      out = new PDPageContentStream(doc, page);
      out.setLineWidth(0.5f);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void footer() throws IOException {
      String text = "— " + pages + " —";
      text(text, (PDRectangle.A4.getWidth() - width(text, BODY)) / 2, 30, BODY);
    }

    void title(String text) throws IOException {
      float size = 16;
      y -= size;
      text(text, (PDRectangle.A4.getWidth() - width(text, size)) / 2, y, size);
      y -= size;
    }

    /** Blank space, up to the rest of the page. */
    void skip(float points) {
      y = Math.max(MARGIN + 20, y - points);
    }

    /** A paragraph wrapped at the right margin, first line indented by two characters. */
    void paragraph(String text) throws IOException {
      float lineHeight = BODY * 1.6f;
      List<String> lines = wrap("　　" + text, PDRectangle.A4.getWidth() - 2 * MARGIN, BODY);
      for (String line : lines) {
        if (y - lineHeight < MARGIN) {
          newPage();
        }
        y -= lineHeight;
        text(line, MARGIN, y, BODY);
      }
    }

    /**
     * A ruled table: each span's text wrapped in its (merged) cell, vertically centred; a row that
     * does not fit starts a new page (a merged cell's text is printed on the page of its first
     * row).
     */
    void table(List<List<ReportFixtures.Span>> rows, float[] widths) throws IOException {
      int height = rows.size();
      int cols = widths.length;
      ReportFixtures.Span[][] origin = new ReportFixtures.Span[height][cols];
      int[][] startRow = new int[height][cols];
      int[][] startCol = new int[height][cols];
      for (int r = 0; r < height; r++) {
        int c = 0;
        for (ReportFixtures.Span span : rows.get(r)) {
          while (c < cols && origin[r][c] != null) {
            c++;
          }
          for (int i = r; i < Math.min(height, r + span.rows()); i++) {
            for (int j = c; j < Math.min(cols, c + span.cols()); j++) {
              origin[i][j] = span;
              startRow[i][j] = r;
              startCol[i][j] = c;
            }
          }
          c += span.cols();
        }
      }
      float lineHeight = TABLE * 1.35f;
      float[] rowHeights = new float[height];
      for (int r = 0; r < height; r++) {
        rowHeights[r] = lineHeight + 2 * PAD;
        for (int c = 0; c < cols; c++) {
          ReportFixtures.Span s = origin[r][c];
          if (s != null && startRow[r][c] == r && startCol[r][c] == c && s.rows() == 1) {
            int lines = lines(s.text(), spanWidth(widths, c, s.cols())).size();
            rowHeights[r] = Math.max(rowHeights[r], lines * lineHeight + 2 * PAD);
          }
        }
      }
      y -= 4;
      float x0 = MARGIN;
      for (int r = 0; r < height; r++) {
        if (y - rowHeights[r] < MARGIN + 20) {
          newPage();
        }
        float top = y;
        float bottom = y - rowHeights[r];
        float x = x0;
        for (int c = 0; c < cols; c++) {
          ReportFixtures.Span s = origin[r][c];
          float w = widths[c];
          if (s != null) {
            boolean lastRowOfSpan = r == height - 1 || origin[r + 1][c] != s;
            boolean lastColOfSpan = c == cols - 1 || origin[r][c + 1] != s;
            boolean firstRowOfSpan = startRow[r][c] == r;
            boolean firstColOfSpan = startCol[r][c] == c;
            if (firstRowOfSpan || top == PDRectangle.A4.getHeight() - MARGIN) {
              line(x, top, x + w, top);
            }
            if (lastRowOfSpan) {
              line(x, bottom, x + w, bottom);
            }
            if (firstColOfSpan) {
              line(x, top, x, bottom);
            }
            if (lastColOfSpan) {
              line(x + w, top, x + w, bottom);
            }
            if (firstRowOfSpan && firstColOfSpan) {
              float cellWidth = spanWidth(widths, c, s.cols());
              float cellHeight = 0;
              for (int i = r; i < Math.min(height, r + s.rows()); i++) {
                cellHeight += rowHeights[i];
              }
              // a merged cell's text is centred in the part of it on this page
              cellHeight = Math.min(cellHeight, top - MARGIN - 20);
              List<String> lines = lines(s.text(), cellWidth);
              float textTop = top - (cellHeight - lines.size() * lineHeight) / 2;
              for (int i = 0; i < lines.size(); i++) {
                String t = lines.get(i);
                float tx = x + (cellWidth - width(t, TABLE)) / 2;
                text(t, tx, textTop - (i + 1) * lineHeight + 2, TABLE);
              }
            }
          }
          x += w;
        }
        y = bottom;
      }
      y -= 6;
    }

    private static float spanWidth(float[] widths, int c, int n) {
      float w = 0;
      for (int i = c; i < Math.min(widths.length, c + n); i++) {
        w += widths[i];
      }
      return w;
    }

    private List<String> lines(String text, float cellWidth) throws IOException {
      List<String> out = new ArrayList<>();
      for (String part : text.split("\n")) {
        out.addAll(wrap(part, cellWidth - 2 * PAD, TABLE));
      }
      return out;
    }

    private List<String> wrap(String text, float maxWidth, float size) throws IOException {
      List<String> out = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        String next = line.toString() + text.charAt(i);
        if (width(next, size) > maxWidth && !line.isEmpty()) {
          out.add(line.toString());
          line.setLength(0);
        }
        line.append(text.charAt(i));
      }
      if (!line.isEmpty() || out.isEmpty()) {
        out.add(line.toString());
      }
      return out;
    }

    private float width(String text, float size) throws IOException {
      return font.getStringWidth(text) / 1000 * size;
    }

    private void text(String text, float x, float y, float size) throws IOException {
      if (text.isEmpty()) {
        return;
      }
      out.beginText();
      out.setFont(font, size);
      out.newLineAtOffset(x, y);
      out.showText(text);
      out.endText();
    }

    private void line(float x1, float y1, float x2, float y2) throws IOException {
      out.moveTo(x1, y1);
      out.lineTo(x2, y2);
      out.stroke();
    }

    byte[] finish() throws IOException {
      footer();
      out.close();
      out = null;
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
      if (out != null) {
        out.close();
      }
      doc.close();
      collection.close();
    }
  }

  /**
   * A PDF whose page is only a drawn picture of text (boxes, no text layer), as a scanner makes.
   */
  static byte[] scanned() {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
        for (int i = 0; i < 40; i++) {
          out.addRect(60, 780 - i * 18, 400 - (i % 7) * 30, 9);
        }
        out.fill();
      }
      doc.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

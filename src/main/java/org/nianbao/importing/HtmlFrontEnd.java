package org.nianbao.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads an HTML page into the document model with jsoup: the report's article is located in the
 * whole page ({@link HtmlArticle}), then its block elements become paragraphs, tables become grids
 * with rowspan and colspan expanded (labels copied down, spans marked).
 */
final class HtmlFrontEnd {

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "section",
          "article",
          "blockquote",
          "center",
          "header",
          "footer",
          "main",
          "pre",
          "dl",
          "dt",
          "dd",
          "form",
          "tr",
          "td",
          "th",
          "caption",
          "hr");
  private static final Set<String> SKIPPED =
      Set.of("script", "style", "noscript", "template", "head");
  private static final int MAX_SPAN = 200;

  private HtmlFrontEnd() {}

  static DocumentModel read(String html) {
    HtmlArticle.checkSource(html);
    Document doc = Jsoup.parse(html);
    List<Block> blocks = new ArrayList<>();
    String title = Labels.trim(doc.title());
    if (!title.isEmpty()) {
      blocks.add(new Block.Paragraph(title));
    }
    Element article = HtmlArticle.locate(doc);
    Element heading = doc.selectFirst("ucaptitle, h1");
    if (heading != null && article != doc.body() && !heading.parents().contains(article)) {
      String text = Labels.trim(heading.text());
      if (!text.isEmpty() && !text.equals(title)) {
        blocks.add(new Block.Paragraph(text));
      }
    }
    StringBuilder paragraph = new StringBuilder();
    walk(article, blocks, paragraph);
    flush(blocks, paragraph);
    return new DocumentModel(blocks);
  }

  private static void walk(Element element, List<Block> blocks, StringBuilder paragraph) {
    for (Node child : element.childNodes()) {
      if (child instanceof TextNode text) {
        paragraph.append(collapse(text.getWholeText()));
      } else if (child instanceof Element e) {
        String tag = e.normalName();
        if (SKIPPED.contains(tag)) {
          continue;
        }
        if (tag.equals("table")) {
          flush(blocks, paragraph);
          blocks.add(table(e));
        } else if (tag.equals("br")) {
          flush(blocks, paragraph);
        } else if (BLOCKS.contains(tag)) {
          flush(blocks, paragraph);
          walk(e, blocks, paragraph);
          flush(blocks, paragraph);
        } else {
          walk(e, blocks, paragraph);
        }
      }
    }
  }

  private static void flush(List<Block> blocks, StringBuilder paragraph) {
    String text = Labels.trim(paragraph.toString());
    paragraph.setLength(0);
    if (!text.isEmpty()) {
      blocks.add(new Block.Paragraph(text));
    }
  }

  /** Collapses HTML source whitespace (not no-break spaces) to single spaces. */
  private static String collapse(String s) {
    return s.replaceAll("[ \\t\\r\\n\\f]+", " ");
  }

  private static Block.Table table(Element table) {
    List<Element> trs = new ArrayList<>();
    for (Element child : table.children()) {
      String tag = child.normalName();
      if (tag.equals("tr")) {
        trs.add(child);
      } else if (tag.equals("thead") || tag.equals("tbody") || tag.equals("tfoot")) {
        for (Element tr : child.children()) {
          if (tr.normalName().equals("tr")) {
            trs.add(tr);
          }
        }
      }
    }
    Grid grid = new Grid(trs.size());
    for (int r = 0; r < trs.size(); r++) {
      int col = 0;
      for (Element td : trs.get(r).children()) {
        String tag = td.normalName();
        if (!tag.equals("td") && !tag.equals("th")) {
          continue;
        }
        col = grid.nextFree(r, col);
        int rows = span(td.attr("rowspan"));
        int cols = span(td.attr("colspan"));
        grid.place(r, col, rows, cols, cellText(td));
        col += cols;
      }
    }
    return new Block.Table(grid.rows());
  }

  private static int span(String attr) {
    try {
      int n = Integer.parseInt(attr.strip());
      return Math.max(1, Math.min(n, MAX_SPAN));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** The text of a cell: {@code <br>} and block children start new lines; lines are trimmed. */
  private static String cellText(Element cell) {
    StringBuilder sb = new StringBuilder();
    appendText(cell, sb);
    StringBuilder out = new StringBuilder();
    for (String line : sb.toString().split("\n")) {
      String t = Labels.trim(line);
      if (!t.isEmpty()) {
        if (!out.isEmpty()) {
          out.append('\n');
        }
        out.append(t);
      }
    }
    return out.toString();
  }

  private static void appendText(Element element, StringBuilder sb) {
    for (Node child : element.childNodes()) {
      if (child instanceof TextNode text) {
        sb.append(collapse(text.getWholeText()));
      } else if (child instanceof Element e) {
        String tag = e.normalName();
        if (SKIPPED.contains(tag)) {
          continue;
        }
        if (tag.equals("br")) {
          sb.append('\n');
        } else if (BLOCKS.contains(tag) || tag.equals("table")) {
          sb.append('\n');
          appendText(e, sb);
          sb.append('\n');
        } else {
          appendText(e, sb);
        }
      }
    }
  }
}

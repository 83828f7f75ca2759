package org.nianbao.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.nianbao.validation.Message;

/**
 * Finds the report inside a whole web page as a browser saves it from a government site: the
 * article body (the CMS's {@code <ucapcontent>} when there is one, else the smallest element
 * holding the report's tables widened to the section headings around them), with the site's chrome
 * — navigation, share and print links, font-size switches, site maps, ICP filings, scripts — left
 * out. Info tables of the page (名称/索引号/发布机构) are not report tables and stay outside.
 */
final class HtmlArticle {

  /**
   * Deeper element nesting than this is not a web page anyone published (and would exhaust the
   * stack).
   */
  static final int MAX_DEPTH = 400;

  /** Elements that never hold report text. */
  private static final Set<String> CHROME_TAGS =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "iframe",
          "nav",
          "form",
          "select",
          "button",
          "input",
          "textarea",
          "svg",
          "canvas",
          "object",
          "embed",
          "audio",
          "video",
          "map");

  /** Short texts (up to 80 characters) that are only ever site furniture. */
  private static final Pattern CHROME_TEXT =
      Pattern.compile(
          ".{0,20}(?:字体[:：]?\\s*[【\\[]?\\s*大\\s*中\\s*小|分享到|打印本页|关闭窗口|网站地图|ICP备|公网安备|网站标识码|扫一扫"
              + "|返回顶部|上一篇|下一篇|浏览次数|【\\s*打印\\s*】|【\\s*关闭\\s*】|打印\\s+关闭).*",
          Pattern.DOTALL);

  /**
   * Words of site furniture that a report could also use: only for very short texts not numbered as
   * a heading.
   */
  private static final Pattern CHROME_WORD =
      Pattern.compile(
          "[^（(一二三四五六七八九十0-9]{0,12}(?:无障碍|适老化|繁體版?|当前位置|您现在的位置|版权所有|主办单位|承办单位|联系我们).{0,15}");

  /** A table is the report's when it holds one of these labels. */
  private static final Pattern REPORT_TABLE = Pattern.compile("本年新收|申请人情况|行政复议|本年制发件数|信息内容|予以公开");

  /** The six section titles of the format, by their key words. */
  private static final List<String> SECTION_WORDS =
      List.of("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请", "行政复议、行政诉讼", "存在的主要问题", "其他需要报告");

  private HtmlArticle() {}

  /**
   * Start tags left open in the source beyond this: refused before parsing (parsing such nesting is
   * slow).
   */
  static final int MAX_OPEN_TAGS = 3_000;

  /**
   * A linear scan of the source before parsing: start tags minus end tags (void elements aside)
   * never above {@link #MAX_OPEN_TAGS}. Generous (a page may leave paragraphs unclosed); the parsed
   * tree's depth is checked against {@link #MAX_DEPTH} afterwards.
   */
  static void checkSource(String html) {
    int open = 0;
    int length = html.length();
    for (int i = 0; i + 1 < length; i++) {
      if (html.charAt(i) != '<') {
        continue;
      }
      char c = html.charAt(i + 1);
      if (c == '/') {
        open = Math.max(0, open - 1);
      } else if (Character.isLetter(c)) {
        int end = i + 1;
        while (end < length && Character.isLetterOrDigit(html.charAt(end))) {
          end++;
        }
        String tag = html.substring(i + 1, end).toLowerCase(java.util.Locale.ROOT);
        if (!VOID_TAGS.contains(tag) && ++open > MAX_OPEN_TAGS) {
          throw tooDeep();
        }
      }
    }
  }

  private static final Set<String> VOID_TAGS =
      Set.of(
          "br", "hr", "img", "input", "meta", "link", "col", "area", "base", "wbr", "source",
          "track", "param", "embed");

  private static ImportException tooDeep() {
    return new ImportException(
        new Message(
            "网页的元素嵌套超过" + MAX_DEPTH + "层，无法读取。",
            "The page nests elements more than " + MAX_DEPTH + " deep; it cannot be read."),
        List.of());
  }

  /** The element to read the report from; chrome inside it is removed from the document. */
  static Element locate(Document doc) {
    checkDepth(doc);
    doc.select(String.join(",", CHROME_TAGS)).remove();
    Element root = doc.selectFirst("ucapcontent");
    if (root == null) {
      root = byTables(doc);
    }
    removeChrome(root);
    return root;
  }

  /**
   * The lowest common ancestor of the report tables, widened while that takes in more section
   * headings.
   */
  private static Element byTables(Document doc) {
    List<Element> tables = new ArrayList<>();
    for (Element table : doc.select("table")) {
      if (REPORT_TABLE.matcher(table.text()).find()
          && table.parents().stream().noneMatch(p -> p.nameIs("table"))) {
        tables.add(table);
      }
    }
    Element body = doc.body();
    if (tables.isEmpty() || body == null) {
      return body == null ? doc : body;
    }
    Element root = tables.get(0);
    for (Element t : tables) {
      while (!isAncestorOrSelf(root, t)) {
        root = root.parent();
      }
    }
    int headings = headings(root);
    while (root.parent() != null && root != body) {
      int wider = headings(root.parent());
      if (wider <= headings) {
        break;
      }
      root = root.parent();
      headings = wider;
    }
    return root;
  }

  private static boolean isAncestorOrSelf(Element ancestor, Element e) {
    for (Element x = e; x != null; x = x.parent()) {
      if (x == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** How many of the format's section titles the element's text holds. */
  private static int headings(Element e) {
    String text = e.text();
    return (int) SECTION_WORDS.stream().filter(text::contains).count();
  }

  /** Removes the smallest elements whose whole text is site furniture (and holds no table). */
  private static void removeChrome(Element root) {
    Elements all = root.getAllElements();
    for (Element e : all) {
      if (e == root || e.parent() == null) {
        continue;
      }
      String text = shortText(e, 80);
      if (text == null) {
        continue;
      }
      boolean chrome =
          text.length() <= 80 && CHROME_TEXT.matcher(text).matches()
              || text.length() <= 30 && CHROME_WORD.matcher(text).matches();
      if (chrome && e.selectFirst("table") == null) {
        e.remove();
      }
    }
  }

  /**
   * The element's text (whitespace collapsed) if it is at most {@code limit} characters, else null;
   * stops early.
   */
  private static String shortText(Element e, int limit) {
    StringBuilder sb = new StringBuilder();
    java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
    stack.push(e);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      if (n instanceof org.jsoup.nodes.TextNode t) {
        sb.append(t.text());
        if (sb.length() > limit * 2) {
          return null;
        }
      } else {
        for (int i = n.childNodeSize() - 1; i >= 0; i--) {
          stack.push(n.childNode(i));
        }
      }
    }
    String text = sb.toString().replaceAll("\\s+", " ").strip();
    return text.length() <= limit ? text : null;
  }

  private static void checkDepth(Document doc) {
    int[] depth = {0};
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int d) {
            if (d > MAX_DEPTH) {
              throw tooDeep();
            }
            depth[0] = Math.max(depth[0], d);
          }
        },
        doc);
  }
}

package org.nianbao.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.FormatVersion;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Builds test documents of the official table layout from the catalogue labels: HTML with rowspan
 * and colspan, .docx with gridSpan and vMerge. Cell texts come from a key → raw text map.
 */
final class ReportFixtures {

  /** A printed cell with its spans. */
  record Span(String text, int rows, int cols) {
    static Span of(String text) {
      return new Span(text, 1, 1);
    }
  }

  private ReportFixtures() {}

  /** The 卧龙区 2024 cells as printed raw texts. */
  static Map<String, String> wolongRaw() {
    try {
      JsonNode json =
          new ObjectMapper().readTree(TextImportTest.resource("wolong-2024.cells.json"));
      Map<String, String> raw = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = json.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        raw.put(e.getKey(), e.getValue().asText());
      }
      return raw;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The four section tables (二, 三, 四) of a format, filled from the raw texts. */
  static List<List<List<Span>>> tables(FormatVersion version, Map<String, String> raw) {
    Catalogue catalogue = Catalogue.of(version);
    return List.of(section2(catalogue, raw), section3(catalogue, raw), section4(raw));
  }

  private static List<List<Span>> section2(Catalogue catalogue, Map<String, String> raw) {
    Map<String, Map<String, List<CellDefinition>>> items = new LinkedHashMap<>();
    for (CellDefinition cell : catalogue.cells()) {
      if (cell.section() == 2) {
        String[] label = cell.rowLabel().split("/");
        items
            .computeIfAbsent(label[0], k -> new LinkedHashMap<>())
            .computeIfAbsent(label[1], k -> new ArrayList<>())
            .add(cell);
      }
    }
    List<List<Span>> rows = new ArrayList<>();
    items.forEach(
        (item, itemRows) -> {
          rows.add(List.of(new Span(item, 1, 4)));
          List<CellDefinition> first = itemRows.values().iterator().next();
          List<Span> header = new ArrayList<>(List.of(Span.of("信息内容")));
          for (int i = 0; i < first.size(); i++) {
            header.add(
                new Span(
                    first.get(i).columnLabel(), 1, i == first.size() - 1 ? 4 - first.size() : 1));
          }
          rows.add(header);
          itemRows.forEach(
              (label, cells) -> {
                List<Span> row = new ArrayList<>(List.of(Span.of(label)));
                for (int i = 0; i < cells.size(); i++) {
                  row.add(
                      new Span(
                          raw.get(cells.get(i).key()),
                          1,
                          i == cells.size() - 1 ? 4 - cells.size() : 1));
                }
                rows.add(row);
              });
        });
    return rows;
  }

  private static List<List<Span>> section3(Catalogue catalogue, Map<String, String> raw) {
    List<List<Span>> rows = new ArrayList<>();
    rows.add(
        List.of(new Span("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), new Span("申请人情况", 1, 7)));
    rows.add(List.of(new Span("自然人", 2, 1), new Span("法人或其他组织", 1, 5), new Span("总计", 2, 1)));
    rows.add(
        List.of(
            Span.of("商业\n企业"),
            Span.of("科研\n机构"),
            Span.of("社会公益组织"),
            Span.of("法律服务机构"),
            Span.of("其他")));
    List<String> rowKeys = catalogue.section3Rows();
    Map<String, Integer> topCounts = new LinkedHashMap<>();
    Map<String, Integer> groupCounts = new LinkedHashMap<>();
    for (String rowKey : rowKeys) {
      String[] seg = catalogue.cell("s3." + rowKey + ".natural").rowLabel().split("/");
      if (seg.length >= 2) {
        topCounts.merge(seg[0], 1, Integer::sum);
      }
      if (seg.length == 3) {
        groupCounts.merge(seg[1], 1, Integer::sum);
      }
    }
    for (String rowKey : rowKeys) {
      String[] seg = catalogue.cell("s3." + rowKey + ".natural").rowLabel().split("/");
      List<Span> row = new ArrayList<>();
      if (seg.length == 1) {
        row.add(new Span(seg[0], 1, 3));
      } else {
        Integer top = topCounts.remove(seg[0]);
        if (top != null) {
          row.add(new Span(seg[0], top, 1));
        }
        if (seg.length == 2) {
          row.add(new Span(seg[1], 1, 2));
        } else {
          Integer group = groupCounts.remove(seg[1]);
          if (group != null) {
            row.add(new Span(seg[1], group, 1));
          }
          row.add(Span.of(seg[2]));
        }
      }
      for (String column : Catalogue.APPLICANT_COLUMNS) {
        row.add(Span.of(raw.get("s3." + rowKey + "." + column)));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<List<Span>> section4(Map<String, String> raw) {
    List<List<Span>> rows = new ArrayList<>();
    rows.add(List.of(new Span("行政复议", 1, 5), new Span("行政诉讼", 1, 10)));
    List<Span> second = new ArrayList<>();
    List<Span> third = new ArrayList<>();
    List<String> labels = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
    for (String label : labels) {
      second.add(new Span(label.substring(0, 2) + "\n" + label.substring(2), 2, 1));
    }
    second.add(new Span("未经复议直接起诉", 1, 5));
    second.add(new Span("复议后起诉", 1, 5));
    for (int g = 0; g < 2; g++) {
      for (String label : labels) {
        third.add(Span.of(label));
      }
    }
    rows.add(second);
    rows.add(third);
    List<Span> values = new ArrayList<>();
    for (String group : Catalogue.REVIEW_GROUPS) {
      for (String column : Catalogue.REVIEW_COLUMNS) {
        values.add(Span.of(raw.get("s4." + group + "." + column)));
      }
    }
    rows.add(values);
    return rows;
  }

  static final List<String> HEADINGS =
      List.of("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况");

  /** A whole HTML article page with the three tables. */
  static String html(String title, List<List<List<Span>>> tables) {
    StringBuilder sb =
        new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
            .append(title)
            .append("</title></head><body><div class=\"article\">");
    sb.append("<h1>").append(title).append("</h1>");
    sb.append("<p>一、总体情况</p><p>　　本年度，本机关认真落实政府信息公开条例。</p>");
    for (int t = 0; t < tables.size(); t++) {
      sb.append("<p><strong>").append(HEADINGS.get(t)).append("</strong></p>");
      sb.append("<table border=\"1\" cellspacing=\"0\"><tbody>");
      for (List<Span> row : tables.get(t)) {
        sb.append("<tr>");
        for (Span cell : row) {
          sb.append("<td");
          if (cell.rows() > 1) {
            sb.append(" rowspan=\"").append(cell.rows()).append('"');
          }
          if (cell.cols() > 1) {
            sb.append(" colspan=\"").append(cell.cols()).append('"');
          }
          sb.append("><p style=\"text-align:center\"><span>")
              .append(cell.text().replace("\n", "<br/>"))
              .append("</span></p></td>");
        }
        sb.append("</tr>\n");
      }
      sb.append("</tbody></table>");
    }
    sb.append("<p>五、存在的主要问题及改进情况</p><p>（一）存在问题。信息发布不够及时。</p><p>（二）改进情况。加强审核。</p>");
    sb.append("<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>");
    return sb.append("</div></body></html>").toString();
  }

  /** A whole .docx document with the three tables, merged cells as gridSpan and vMerge. */
  static byte[] docx(String title, List<List<List<Span>>> tables) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText(title);
      doc.createParagraph().createRun().setText("一、总体情况");
      doc.createParagraph().createRun().setText("本年度，本机关认真落实政府信息公开条例。");
      for (int t = 0; t < tables.size(); t++) {
        doc.createParagraph().createRun().setText(HEADINGS.get(t));
        XWPFTable table = doc.createTable();
        fill(table.getCTTbl(), tables.get(t));
      }
      doc.createParagraph().createRun().setText("五、存在的主要问题及改进情况");
      doc.createParagraph().createRun().setText("（一）存在问题。（二）改进情况。");
      doc.createParagraph().createRun().setText("六、其他需要报告的事项");
      doc.createParagraph().createRun().setText("本年度未收取信息处理费。");
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fill(CTTbl tbl, List<List<Span>> rows) {
    while (tbl.sizeOfTrArray() > 0) {
      tbl.removeTr(0);
    }
    // place spans on a grid to know which positions continue a vertical merge
    int height = rows.size();
    Span[][] origin = new Span[height][64];
    boolean[][] start = new boolean[height][64];
    int width = 0;
    for (int r = 0; r < height; r++) {
      int col = 0;
      for (Span span : rows.get(r)) {
        while (origin[r][col] != null) {
          col++;
        }
        for (int i = r; i < Math.min(height, r + span.rows()); i++) {
          for (int j = col; j < col + span.cols(); j++) {
            origin[i][j] = span;
          }
        }
        start[r][col] = true;
        col += span.cols();
        width = Math.max(width, col);
      }
    }
    for (int r = 0; r < height; r++) {
      CTRow tr = tbl.addNewTr();
      for (int c = 0; c < width; ) {
        Span span = origin[r][c];
        if (span == null) {
          c++;
          continue;
        }
        CTTc tc = tr.addNewTc();
        CTTcPr pr = tc.addNewTcPr();
        if (span.cols() > 1) {
          pr.addNewGridSpan().setVal(BigInteger.valueOf(span.cols()));
        }
        if (start[r][c]) {
          if (span.rows() > 1) {
            pr.addNewVMerge().setVal(STMerge.RESTART);
          }
          for (String line : span.text().split("\n", -1)) {
            tc.addNewP().addNewR().addNewT().setStringValue(line);
          }
        } else {
          pr.addNewVMerge();
          tc.addNewP();
        }
        c += span.cols();
      }
    }
  }
}

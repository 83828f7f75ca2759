package org.nianbao.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.CellType;
import org.nianbao.catalogue.FormatVersion;

/**
 * Prints a report's tables, from the catalogue's labels and a key → raw text map, in the text
 * layouts units publish: one cell per line with or without TABs, TAB-separated rows, markdown
 * pipes, {@code pdftotext -layout} with wrapped labels and a page break inside table 三, and plain
 * {@code pdftotext} that prints table 三's label column before its values.
 */
final class LayoutFixtures {

  /** A printed table row: its label cells and its value cells. */
  record Row(List<String> labels, List<String> values) {
    Row {
      labels = new ArrayList<>(labels);
      values = new ArrayList<>(values);
    }
  }

  /** The three tables of a report, row by row, as the format prints them. */
  record Tables(List<Row> s2, List<Row> s3, List<Row> s4) {}

  private LayoutFixtures() {}

  /** Distinct values for every cell so that a row read into the wrong place cannot go unnoticed. */
  static Map<String, String> distinctValues(FormatVersion version) {
    Map<String, String> raw = new LinkedHashMap<>();
    int i = 1;
    for (CellDefinition def : Catalogue.of(version).cells()) {
      raw.put(def.key(), def.type() == CellType.DEC ? i + ".25" : String.valueOf(i * 3 + 1));
      i++;
    }
    return raw;
  }

  static Tables tables(FormatVersion version, Map<String, String> raw) {
    Catalogue catalogue = Catalogue.of(version);
    List<Row> s2 = new ArrayList<>();
    String caption = null;
    Map<String, List<CellDefinition>> s2Rows = new LinkedHashMap<>();
    Map<String, List<CellDefinition>> s3Rows = new LinkedHashMap<>();
    for (CellDefinition def : catalogue.cells()) {
      if (def.section() == 2) {
        s2Rows.computeIfAbsent(def.rowLabel(), k -> new ArrayList<>()).add(def);
      } else if (def.section() == 3) {
        s3Rows.computeIfAbsent(def.rowLabel(), k -> new ArrayList<>()).add(def);
      }
    }
    for (Map.Entry<String, List<CellDefinition>> e : s2Rows.entrySet()) {
      String[] seg = e.getKey().split("/");
      if (!seg[0].equals(caption)) {
        caption = seg[0];
        s2.add(new Row(List.of(caption), List.of()));
        List<String> header = new ArrayList<>(List.of("信息内容"));
        e.getValue().forEach(d -> header.add(d.columnLabel()));
        s2.add(new Row(header, List.of()));
      }
      s2.add(new Row(List.of(seg[1]), e.getValue().stream().map(d -> raw.get(d.key())).toList()));
    }
    List<Row> s3 = new ArrayList<>();
    s3.add(new Row(List.of("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"), List.of()));
    s3.add(new Row(List.of("自然人", "法人或其他组织", "总计"), List.of()));
    s3.add(new Row(List.of("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"), List.of()));
    String top = null;
    String group = null;
    for (Map.Entry<String, List<CellDefinition>> e : s3Rows.entrySet()) {
      String[] seg = e.getKey().split("/");
      List<String> labels = new ArrayList<>();
      if (seg.length > 1 && !seg[0].equals(top)) {
        labels.add(seg[0]);
      }
      top = seg[0];
      if (seg.length == 3 && !seg[1].equals(group)) {
        labels.add(seg[1]);
      }
      group = seg.length == 3 ? seg[1] : null;
      labels.add(seg[seg.length - 1]);
      s3.add(new Row(labels, e.getValue().stream().map(d -> raw.get(d.key())).toList()));
    }
    List<Row> s4 = new ArrayList<>();
    s4.add(new Row(List.of("行政复议", "行政诉讼"), List.of()));
    s4.add(new Row(List.of("未经复议直接起诉", "复议后起诉"), List.of()));
    List<String> heads = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (String g : Catalogue.REVIEW_GROUPS) {
      for (String c : Catalogue.REVIEW_COLUMNS) {
        heads.add(catalogue.cell("s4." + g + "." + c).columnLabel());
        values.add(raw.get("s4." + g + "." + c));
      }
    }
    s4.add(new Row(heads, List.of()));
    s4.add(new Row(List.of(), values));
    return new Tables(s2, s3, s4);
  }

  /** A whole report around the tables, each table printed by {@code table}. */
  static String document(
      String title, Tables tables, java.util.function.Function<List<Row>, String> table) {
    return title
        + "\n\n一、总体情况\n本机关认真落实政府信息公开条例，全年主动公开信息1200条。\n"
        + "二、主动公开政府信息情况\n"
        + table.apply(tables.s2())
        + "三、收到和处理政府信息公开申请情况\n"
        + table.apply(tables.s3())
        + "四、政府信息公开行政复议、行政诉讼情况\n"
        + table.apply(tables.s4())
        + "五、存在的主要问题及改进情况\n（一）存在问题。信息发布不够及时。\n（二）改进情况。加强审核。\n"
        + "六、其他需要报告的事项\n本年度未收取信息处理费。\n";
  }

  /** One cell per line; with TABs as text converted from .docx (a blank line between rows). */
  static String oneCellPerLine(List<Row> rows, boolean tabs) {
    StringBuilder sb = new StringBuilder();
    for (Row row : rows) {
      for (String cell : cells(row)) {
        sb.append(tabs ? "\t" : "").append(cell).append('\n');
      }
      if (tabs) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /** A browser table copy: each row's cells separated by TABs. */
  static String tabRows(List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    for (Row row : rows) {
      sb.append(String.join("\t", cells(row))).append('\n');
    }
    return sb.toString();
  }

  /** Markdown pipe tables. */
  static String pipes(List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    boolean first = true;
    for (Row row : rows) {
      List<String> cells = cells(row);
      sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
      if (first) {
        sb.append("|").append("---|".repeat(cells.size())).append('\n');
        first = false;
      }
    }
    return sb.toString();
  }

  /**
   * {@code pdftotext -layout}: labels left, values right; labels longer than 14 characters wrap,
   * the tail printed below the values line (even rows) or the head above it (odd rows); a page
   * footer and a form feed in the middle of a long table.
   */
  static String layout(List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    int data = 0;
    for (Row row : rows) {
      if (row.values().isEmpty()) {
        sb.append("    ").append(String.join("    ", row.labels())).append('\n');
        continue;
      }
      String label = String.join("  ", row.labels());
      String head = label;
      String tail = "";
      if (label.length() > 14) {
        head = label.substring(0, 14);
        tail = label.substring(14);
      }
      String values = String.join("    ", row.values());
      if (tail.isEmpty()) {
        sb.append("  ").append(pad(head)).append(values).append('\n');
      } else if (data % 2 == 0) {
        sb.append("  ").append(pad(head)).append(values).append('\n');
        sb.append("      ").append(tail).append('\n');
      } else {
        sb.append("  ").append(head).append('\n');
        sb.append("      ").append(pad(tail)).append(values).append('\n');
      }
      data++;
      if (data == 9) {
        sb.append("\n                         — 3 —\n\f");
      }
    }
    return sb.toString();
  }

  /**
   * {@code pdftotext -layout} of a table with blank cells: every value right-aligned in its column,
   * a blank cell printed as nothing at all.
   */
  static String layoutWithBlanks(List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    for (Row row : rows) {
      if (row.values().isEmpty()) {
        sb.append("    ").append(String.join("    ", row.labels())).append('\n');
        continue;
      }
      StringBuilder line = new StringBuilder("  ").append(pad(String.join("  ", row.labels())));
      for (String value : row.values()) {
        line.append(" ".repeat(Math.max(1, 8 - value.length()))).append(value);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  /**
   * Plain {@code pdftotext}: the label column of a table first, then its value rows one per line.
   */
  static String labelsThenValues(List<Row> rows) {
    StringBuilder labels = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (Row row : rows) {
      for (String label : row.labels()) {
        labels.append(label).append('\n');
      }
      if (!row.values().isEmpty()) {
        values.append(String.join(" ", row.values())).append('\n');
      }
    }
    return labels.toString() + values;
  }

  private static String pad(String s) {
    int width = 0;
    for (int i = 0; i < s.length(); i++) {
      width += s.charAt(i) < 0x2E80 ? 1 : 2;
    }
    return s + " ".repeat(Math.max(2, 60 - width));
  }

  private static List<String> cells(Row row) {
    List<String> cells = new ArrayList<>(row.labels());
    cells.addAll(row.values());
    return cells;
  }

  /** A copy of the tables with every label of a row in table 三 changed. */
  static Tables relabel(Tables t, String leaf, UnaryOperator<String> change) {
    List<Row> s3 = new ArrayList<>();
    for (Row row : t.s3()) {
      List<String> labels = new ArrayList<>();
      for (String label : row.labels()) {
        labels.add(label.equals(leaf) ? change.apply(label) : label);
      }
      s3.add(new Row(labels, row.values()));
    }
    return new Tables(t.s2(), s3, t.s4());
  }
}

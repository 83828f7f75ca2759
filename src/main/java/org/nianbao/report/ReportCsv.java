package org.nianbao.report;

import java.util.List;
import org.nianbao.report.ReportViews.ReportListItem;

/** The report list as CSV for spreadsheets: UTF-8 with a byte-order mark, Chinese column titles. */
final class ReportCsv {

  static final int MAX_ROWS = 100_000;

  private static final String HEADER =
      "单位代码,单位名称,单位类型,行政区划代码,年度,版本,状态,格式版本,口径,公布日期,提交时间,错误数,警告数";

  private ReportCsv() {}

  static String list(List<ReportListItem> items) {
    StringBuilder sb = new StringBuilder(items.size() * 120 + 128);
    sb.append('\uFEFF').append(HEADER).append("\r\n");
    for (ReportListItem i : items) {
      sb.append(cell(i.unit())).append(',')
          .append(cell(i.unitName())).append(',')
          .append(i.unitKind()).append(',')
          .append(i.regionCode()).append(',')
          .append(i.year()).append(',')
          .append(i.version()).append(',')
          .append(i.status()).append(',')
          .append(i.formatVersion()).append(',')
          .append(i.scope()).append(',')
          .append(i.publishedAt() == null ? "" : i.publishedAt()).append(',')
          .append(i.submittedAt()).append(',')
          .append(i.errors()).append(',')
          .append(i.warnings()).append("\r\n");
    }
    return sb.toString();
  }

  /** Quotes a field when needed; a leading formula character is neutralised against CSV injection. */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}

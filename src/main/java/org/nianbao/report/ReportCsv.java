package org.nianbao.report;

import java.util.List;
import org.nianbao.common.Csv;
import org.nianbao.report.ReportViews.ReportListItem;

/** The report list as CSV, one line per report, with Chinese column titles. */
final class ReportCsv {

  static final int MAX_ROWS = 100_000;

  private static final List<String> HEADER =
      List.of(
          "单位代码", "单位名称", "单位类型", "行政区划代码", "年度", "版本", "状态", "格式版本", "口径", "公布日期", "提交时间", "错误数",
          "警告数");

  private ReportCsv() {}

  static String list(List<ReportListItem> items) {
    StringBuilder out = Csv.document();
    Csv.line(out, HEADER);
    for (ReportListItem i : items) {
      Csv.line(
          out,
          List.of(
              i.unit(),
              i.unitName(),
              i.unitKind(),
              i.regionCode(),
              String.valueOf(i.year()),
              String.valueOf(i.version()),
              i.status().name(),
              i.formatVersion().name(),
              i.scope().name(),
              i.publishedAt() == null ? "" : i.publishedAt().toString(),
              i.submittedAt().toString(),
              String.valueOf(i.errors()),
              String.valueOf(i.warnings())));
    }
    return out.toString();
  }
}

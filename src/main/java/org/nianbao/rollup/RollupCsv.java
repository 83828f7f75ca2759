package org.nianbao.rollup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.common.Csv;
import org.nianbao.rollup.RollupViews.Indicators;
import org.nianbao.rollup.RollupViews.Rollup;
import org.nianbao.rollup.RollupViews.RollupChild;

/**
 * A rollup as a spreadsheet: one line per cell in table order (key, 栏目 row／column label, unit), the
 * region's value, then one column per child region so that children compare side by side; indicator
 * and coverage lines follow. UTF-8 with a byte-order mark so that Excel reads the Chinese labels.
 */
final class RollupCsv {

  private RollupCsv() {}

  static String write(Rollup rollup) {
    List<RollupChild> children = rollup.children() == null ? List.of() : rollup.children();
    StringBuilder out = Csv.document();
    List<String> header = new ArrayList<>(List.of("键 key", "栏目 label", "单位 unit"));
    header.add(rollup.region().name() + "（" + rollup.region().code() + "）" + rollup.year());
    children.forEach(c -> header.add(c.region().name() + "（" + c.region().code() + "）"));
    Csv.line(out, header);
    for (CellDefinition cell :
        Catalogue.of(FormatVersion.valueOf(rollup.formatVersion())).cells()) {
      List<String> row = new ArrayList<>(List.of(cell.key(), cell.shortLabel(), cell.unit()));
      row.add(text(rollup.cells().get(cell.key())));
      children.forEach(c -> row.add(text(c.cells().get(cell.key()))));
      Csv.line(out, row);
    }
    String[][] indicators = {
      {"disclosureRate", "予以公开率 disclosure rate"},
      {"partialRate", "部分公开率 partial rate"},
      {"withheldRate", "不予公开率 withheld rate"},
      {"notHeldRate", "本机关不掌握率 not-held rate"},
      {"reviewCorrectionRate", "行政复议纠错率 review correction rate"},
      {"litigationCorrectionRate", "行政诉讼纠错率 litigation correction rate"},
      {"carriedOutShare", "结转下年度占比 carried-out share"},
      {"newApplicationsChange", "新收申请同比变化 new applications change"}
    };
    for (String[] indicator : indicators) {
      List<String> row =
          new ArrayList<>(List.of("indicator." + indicator[0], indicator[1], "比率 ratio"));
      row.add(text(indicator(rollup.indicators(), indicator[0])));
      children.forEach(c -> row.add(text(indicator(c.indicators(), indicator[0]))));
      Csv.line(out, row);
    }
    String[][] coverage = {
      {"expectedUnits", "应报单位数 expected units"},
      {"reportingUnits", "已报（计入合计）单位数 reporting units"},
      {"missingTotal", "缺报单位数 missing units"},
      {"aggregateOnlyTotal", "仅报汇总型年报单位数 aggregate-only units"},
      {"excludedOtherFormatTotal", "其他格式版本未计入单位数 other-format units"}
    };
    for (String[] item : coverage) {
      List<String> row = new ArrayList<>(List.of("coverage." + item[0], item[1], "个 units"));
      row.add(String.valueOf(coverageValue(rollup.coverage(), item[0])));
      children.forEach(c -> row.add(String.valueOf(coverageValue(c.coverage(), item[0]))));
      Csv.line(out, row);
    }
    return out.toString();
  }

  private static Object indicator(Indicators i, String name) {
    return switch (name) {
      case "disclosureRate" -> i.disclosureRate();
      case "partialRate" -> i.partialRate();
      case "withheldRate" -> i.withheldRate();
      case "notHeldRate" -> i.notHeldRate();
      case "reviewCorrectionRate" -> i.reviewCorrectionRate();
      case "litigationCorrectionRate" -> i.litigationCorrectionRate();
      case "carriedOutShare" -> i.carriedOutShare();
      default -> i.newApplicationsChange();
    };
  }

  private static long coverageValue(RollupViews.Coverage c, String name) {
    return switch (name) {
      case "expectedUnits" -> c.expectedUnits();
      case "reportingUnits" -> c.reportingUnits();
      case "missingTotal" -> c.missingTotal();
      case "aggregateOnlyTotal" -> c.aggregateOnlyTotal();
      default -> c.excludedOtherFormatTotal();
    };
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
  }
}

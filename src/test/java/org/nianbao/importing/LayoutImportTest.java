package org.nianbao.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.importing.LayoutFixtures.Row;
import org.nianbao.importing.LayoutFixtures.Tables;
import org.nianbao.validation.Finding;
import org.nianbao.validation.Severity;

/**
 * Every text layout units publish, generated from distinct cell values: every cell must come back.
 */
class LayoutImportTest {

  private static final String TITLE = "某某区人民政府2024年政府信息公开工作年度报告";
  private static final Map<String, String> RAW =
      LayoutFixtures.distinctValues(FormatVersion.FMT2021);
  private static final Tables TABLES = LayoutFixtures.tables(FormatVersion.FMT2021, RAW);

  /** The layouts, each printing all three tables. */
  enum Layout {
    ONE_CELL_PER_LINE_WITH_TABS(rows -> LayoutFixtures.oneCellPerLine(rows, true)),
    ONE_CELL_PER_LINE(rows -> LayoutFixtures.oneCellPerLine(rows, false)),
    TAB_SEPARATED_ROWS(LayoutFixtures::tabRows),
    MARKDOWN_PIPES(LayoutFixtures::pipes),
    PDFTOTEXT_LAYOUT(LayoutFixtures::layout),
    PDFTOTEXT_LABELS_THEN_VALUES(LayoutFixtures::labelsThenValues);

    final Function<List<Row>, String> print;

    Layout(Function<List<Row>, String> print) {
      this.print = print;
    }
  }

  private final DocumentImporter importer = new DocumentImporter();

  private ImportResult read(String text) {
    return importer.importDocument(
        text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8");
  }

  private static void assertAll(Map<String, String> raw, ImportResult result, List<String> except) {
    for (Map.Entry<String, String> e : raw.entrySet()) {
      if (except.contains(e.getKey())) {
        continue;
      }
      JsonNode got = result.report().cells().get(e.getKey());
      assertTrue(got != null && got.isNumber(), e.getKey() + " is " + got);
      assertEquals(
          0,
          new BigDecimal(e.getValue()).compareTo(got.decimalValue()),
          e.getKey() + " read as " + got);
    }
  }

  private static long count(ImportResult result, String rule) {
    return result.findings().stream().filter(f -> f.rule().equals(rule)).count();
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void readsEveryCellOfEveryLayout(Layout layout) {
    ImportResult result = read(LayoutFixtures.document(TITLE, TABLES, layout.print));

    assertAll(RAW, result, List.of());
    assertEquals(
        0, count(result, "FMT-03") + count(result, "FMT-04"), () -> result.findings().toString());
    assertEquals("某某区人民政府", result.unitName());
    assertEquals(2024, result.year());
    assertEquals(200, result.sources().size());
    assertEquals("本年度未收取信息处理费。", result.report().texts().get("s6"));
  }

  @Test
  void aMistypedLabelIsTheNearestRowByAMargin() {
    Tables typo = LayoutFixtures.relabel(TABLES, "2.其他法律行政法规禁止公开", l -> "2.其他法律行政止公开");
    ImportResult result = read(LayoutFixtures.document(TITLE, typo, LayoutFixtures::layout));

    assertAll(RAW, result, List.of());
    assertEquals("nearest", result.sources().get("s3.withheld.law_prohibited.natural").match());
    assertEquals("exact", result.sources().get("s3.not_processed.repeat.natural").match());

    List<Finding> uncertain =
        result.findings().stream().filter(f -> f.rule().equals("IMP-01")).toList();
    assertEquals(1, uncertain.size(), uncertain::toString);
    Finding f = uncertain.get(0);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(
        List.of(
            "s3.withheld.law_prohibited.natural",
            "s3.withheld.law_prohibited.business",
            "s3.withheld.law_prohibited.research",
            "s3.withheld.law_prohibited.nonprofit",
            "s3.withheld.law_prohibited.legal_service",
            "s3.withheld.law_prohibited.other_org",
            "s3.withheld.law_prohibited.total"),
        f.cells());
    assertEquals("第三部分“2.其他法律行政法规禁止公开”一行按最相近的标签读取，未由标签确认，请核对。", f.message().zh());
    assertEquals(
        "Row \"2.其他法律行政法规禁止公开\" of section 三 was read by the nearest label, not confirmed by its"
            + " label; please check it.",
        f.message().en());
  }

  @ParameterizedTest
  @EnumSource(
      value = Layout.class,
      names = "PDFTOTEXT_LABELS_THEN_VALUES",
      mode = EnumSource.Mode.EXCLUDE)
  void rowsReadByTheirLabelsGiveNoUncertainRowFinding(Layout layout) {
    ImportResult result = read(LayoutFixtures.document(TITLE, TABLES, layout.print));

    assertEquals(0, count(result, "IMP-01"), () -> result.findings().toString());
  }

  @Test
  void labelsAreComparedByMeaning() {
    Tables variants =
        LayoutFixtures.relabel(
            LayoutFixtures.relabel(TABLES, "1.属于国家秘密", l -> "１． 属于 国家秘密"),
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            l -> "(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)");
    ImportResult result = read(LayoutFixtures.document(TITLE, variants, LayoutFixtures::pipes));

    assertAll(RAW, result, List.of());
    assertEquals("normalised", result.sources().get("s3.withheld.state_secret.total").match());
    assertEquals("normalised", result.sources().get("s3.partial.total").match());
  }

  @Test
  void aMergedOtherRowLeavesItsSubRowsUnreadNotGuessed() {
    List<Row> s3 = new ArrayList<>();
    for (Row row : TABLES.s3()) {
      String leaf = row.labels().isEmpty() ? "" : row.labels().get(row.labels().size() - 1);
      if (leaf.startsWith("1.申请人无正当理由")) {
        s3.add(new Row(List.of("（六）其他处理"), List.of("1", "2", "3", "4", "5", "6", "21")));
      } else if (!leaf.startsWith("2.申请人逾期未按") && !leaf.equals("3.其他")) {
        s3.add(row);
      }
    }
    ImportResult result =
        read(
            LayoutFixtures.document(
                TITLE, new Tables(TABLES.s2(), s3, TABLES.s4()), LayoutFixtures::layout));

    List<String> other = new ArrayList<>();
    for (String row :
        List.of("other.no_correction_overdue", "other.fee_unpaid_overdue", "other.other")) {
      for (String column : Catalogue.APPLICANT_COLUMNS) {
        String key = "s3." + row + "." + column;
        other.add(key);
        assertTrue(result.report().cells().get(key).isNull(), key);
      }
    }
    assertAll(RAW, result, other);
    assertEquals(21, count(result, "FMT-03"));
  }

  @Test
  void missingRowsGiveAPartialResultWithAFindingPerCell() {
    List<Row> s3 = new ArrayList<>();
    for (Row row : TABLES.s3()) {
      if (!row.labels().contains("5.属于三类内部事务信息") && !row.labels().contains("2.重复申请")) {
        s3.add(row);
      }
    }
    ImportResult result =
        read(
            LayoutFixtures.document(
                TITLE, new Tables(TABLES.s2(), s3, TABLES.s4()), LayoutFixtures::pipes));

    List<String> missing = new ArrayList<>();
    for (String column : Catalogue.APPLICANT_COLUMNS) {
      missing.add("s3.withheld.internal_affairs." + column);
      missing.add("s3.not_processed.repeat." + column);
    }
    assertAll(RAW, result, missing);
    for (String key : missing) {
      assertTrue(result.report().cells().get(key).isNull(), key);
      assertEquals("none", result.sources().get(key).match());
    }
    List<Finding> unread =
        result.findings().stream().filter(f -> f.rule().equals("FMT-03")).toList();
    assertEquals(14, unread.size());
    assertTrue(unread.get(0).message().zh().contains("第三部分"), unread.get(0).message().zh());
    assertTrue(unread.get(0).message().en().contains("section 三"), unread.get(0).message().en());
  }

  @Test
  void valuesAsUnitsPrintThem() {
    Map<String, String> raw = new LinkedHashMap<>(RAW);
    raw.put("s2.normative_doc.abolished", "55（含自然失效29件）");
    raw.put("s2.licensing.decisions", "8,339");
    raw.put("s3.granted.natural", "１４８");
    raw.put("s3.granted.business", "—");
    raw.put("s3.granted.research", "/");
    raw.put("s4.review.other", "无");
    Tables tables = LayoutFixtures.tables(FormatVersion.FMT2021, raw);
    String doc =
        LayoutFixtures.document(TITLE, tables, LayoutFixtures::tabRows)
            .replace("本年收费金额（单位：万元）", "本年收费金额（单位：元）")
            .replace("\t" + RAW.get("s2.admin_fee.amount") + "\n", "\t1432062\n");
    ImportResult result = read(doc);

    assertEquals(55L, result.report().cells().get("s2.normative_doc.abolished").longValue());
    assertEquals("55（含自然失效29件）", result.provenance().get("s2.normative_doc.abolished"));
    assertEquals(8339L, result.report().cells().get("s2.licensing.decisions").longValue());
    assertEquals(148L, result.report().cells().get("s3.granted.natural").longValue());
    assertEquals(
        0,
        new BigDecimal("143.2062")
            .compareTo(result.report().cells().get("s2.admin_fee.amount").decimalValue()));
    for (String key : List.of("s3.granted.business", "s3.granted.research", "s4.review.other")) {
      assertTrue(result.report().cells().get(key).isNull(), key);
    }
    assertEquals(3, count(result, "FMT-04"));
    assertEquals(0, count(result, "FMT-03"));
  }

  @Test
  void readsThe2019TrialFormat() {
    Map<String, String> raw = LayoutFixtures.distinctValues(FormatVersion.FMT2019);
    Tables tables = LayoutFixtures.tables(FormatVersion.FMT2019, raw);
    ImportResult result =
        read(LayoutFixtures.document("某某县人民政府2020年政府信息公开工作年度报告", tables, LayoutFixtures::layout));

    assertEquals(FormatVersion.FMT2019, result.formatVersion());
    assertAll(raw, result, List.of());
    assertEquals(2020, result.year());
  }

  @Test
  void misnumberedAndMissingHeadingsAreToldApart() {
    String doc =
        LayoutFixtures.document(TITLE, TABLES, LayoutFixtures::pipes)
            .replace("二、主动公开", "三、主动公开")
            .replace("三、收到和处理", "四、收到和处理")
            .replace("四、政府信息公开行政复议", "## 五、政府信息公开行政复议")
            .replace("五、存在的主要问题及改进情况\n（一）存在问题。信息发布不够及时。\n（二）改进情况。加强审核。\n", "");
    ImportResult result = read(doc);

    assertAll(RAW, result, List.of());
    List<Finding> fmt01 =
        result.findings().stream().filter(f -> f.rule().equals("FMT-01")).toList();
    assertEquals(4, fmt01.size(), fmt01::toString);
    assertEquals(
        List.of(Severity.WARNING, Severity.WARNING, Severity.WARNING, Severity.ERROR),
        fmt01.stream().map(Finding::severity).toList());
    assertEquals("第二部分“主动公开政府信息情况”的标题编号有误：印作“三、”。", fmt01.get(0).message().zh());
    assertEquals("年度报告缺少第五部分“存在的主要问题及改进情况”。", fmt01.get(3).message().zh());
    assertTrue(result.report().texts().get("s1").contains("1200条"));
    assertEquals("本年度未收取信息处理费。", result.report().texts().get("s6"));
  }

  @Test
  void readsATitleSplitOverTwoLines() {
    String doc =
        LayoutFixtures.document("2024年某某市科学技术局政府信息公开\n工作年度报告", TABLES, LayoutFixtures::pipes);
    ImportResult result = read(doc);
    assertEquals("某某市科学技术局", result.unitName());
    assertEquals(2024, result.year());
  }

  @Test
  void aDocumentsOwnInconsistencyIsImportedAsPrinted() {
    Map<String, String> raw = new LinkedHashMap<>(RAW);
    raw.put("s4.review.total", "0");
    ImportResult result =
        read(
            LayoutFixtures.document(
                TITLE, LayoutFixtures.tables(FormatVersion.FMT2021, raw), LayoutFixtures::layout));
    assertEquals(0L, result.report().cells().get("s4.review.total").longValue());
    assertAll(raw, result, List.of());
  }

  @Test
  void everyCellSaysWhereItWasPrinted() {
    ImportResult result = read(LayoutFixtures.document(TITLE, TABLES, LayoutFixtures::layout));
    CellSource source = result.sources().get("s3.new.natural");
    assertEquals(RAW.get("s3.new.natural"), source.raw());
    assertEquals(1, source.page());
    assertEquals("exact", source.match());
    assertEquals(2, result.sources().get("s3.carried_out.total").page());
    assertNull(result.sources().get("s3.carried_out.total").line() == null ? null : null);
  }

  /** Distinct values whose table 三 row totals are the sums of the six applicant columns. */
  private static Map<String, String> balancedRows() {
    Map<String, String> raw = new LinkedHashMap<>(RAW);
    for (String row : Catalogue.of(FormatVersion.FMT2021).section3Rows()) {
      long sum = 0;
      for (String column : Catalogue.APPLICANT_COLUMNS.subList(0, 6)) {
        sum += Long.parseLong(raw.get("s3." + row + "." + column));
      }
      raw.put("s3." + row + ".total", String.valueOf(sum));
    }
    return raw;
  }

  /** Table 三 printed column by column: its labels, then each column's values top to bottom. */
  private static String byColumns(List<Row> rows, boolean headed) {
    StringBuilder sb = new StringBuilder();
    List<Row> data = new ArrayList<>();
    for (Row row : rows) {
      row.labels().forEach(l -> sb.append(l).append('\n'));
      if (!row.values().isEmpty()) {
        data.add(row);
      }
    }
    List<String> heads = List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计");
    for (int c = 0; c < 7; c++) {
      if (headed) {
        sb.append(heads.get(c)).append('\n');
      }
      for (Row row : data) {
        sb.append(row.values().get(c)).append('\n');
      }
    }
    return sb.toString();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
  void readsATablePrintedColumnByColumn(boolean headed) {
    Map<String, String> raw = balancedRows();
    Tables tables = LayoutFixtures.tables(FormatVersion.FMT2021, raw);
    String doc =
        TITLE
            + "\n一、总体情况\n本机关认真落实条例。\n二、主动公开政府信息情况\n"
            + LayoutFixtures.layout(tables.s2())
            + "三、收到和处理政府信息公开申请情况\n"
            + byColumns(tables.s3(), headed)
            + "四、政府信息公开行政复议、行政诉讼情况\n"
            + LayoutFixtures.layout(tables.s4())
            + "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n";
    ImportResult result = read(doc);

    assertAll(raw, result, List.of());
    assertEquals("structure", result.sources().get("s3.granted.natural").match());
  }

  @Test
  void blankCellsThatPdftotextDropsAreFoundByTheirColumns() {
    Map<String, String> raw = new LinkedHashMap<>(RAW);
    List<String> blank = new ArrayList<>();
    for (String row : List.of("granted", "withheld.state_secret", "unable.not_held")) {
      for (String column :
          List.of("business", "research", "nonprofit", "legal_service", "other_org")) {
        raw.put("s3." + row + "." + column, "");
        blank.add("s3." + row + "." + column);
      }
    }
    raw.put("s3.carried_out.natural", "");
    blank.add("s3.carried_out.natural");
    ImportResult result =
        read(
            LayoutFixtures.document(
                TITLE,
                LayoutFixtures.tables(FormatVersion.FMT2021, raw),
                LayoutFixtures::layoutWithBlanks));

    Map<String, String> printed = new LinkedHashMap<>(raw);
    blank.forEach(printed::remove);
    assertAll(printed, result, List.of());
    for (String key : blank) {
      assertTrue(result.report().cells().get(key).isNull(), key);
    }
    assertEquals(blank.size(), count(result, "FMT-04"));
    assertEquals(0, count(result, "FMT-03"));
  }

  @Test
  void blankCellsOfTableFourThatPdftotextDropsAreFoundByTheirHeader() {
    String document = LayoutFixtures.document(TITLE, TABLES, LayoutFixtures::layout);
    String[] leaves = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
    List<String> keys = new ArrayList<>();
    for (String group : List.of("review", "litigation_direct", "litigation_after_review")) {
      for (String column : List.of("upheld", "corrected", "other", "pending", "total")) {
        keys.add("s4." + group + "." + column);
      }
    }
    // every column 10 display columns wide from column 4; the values centred under their labels,
    // two dropped
    StringBuilder header = new StringBuilder("    ");
    StringBuilder values = new StringBuilder("    ");
    for (int c = 0; c < 15; c++) {
      String label = leaves[c % 5];
      header.append(label).append(" ".repeat(10 - 2 * label.length()));
      String value = c == 1 || c == 8 ? "" : RAW.get(keys.get(c));
      int left = (8 - value.length()) / 2;
      values.append(" ".repeat(left)).append(value).append(" ".repeat(10 - left - value.length()));
    }
    int start = document.indexOf("    结果维持");
    int end = document.indexOf("五、存在的主要问题");
    String printed =
        document.substring(0, start)
            + header
            + "\n"
            + values.toString().stripTrailing()
            + "\n"
            + document.substring(end);
    ImportResult result = read(printed);

    Map<String, String> expected = new LinkedHashMap<>(RAW);
    expected.remove(keys.get(1));
    expected.remove(keys.get(8));
    assertAll(expected, result, List.of());
    assertTrue(result.report().cells().get(keys.get(1)).isNull());
    assertTrue(result.report().cells().get(keys.get(8)).isNull());
    assertEquals(2, count(result, "FMT-04"));
    assertEquals(0, count(result, "FMT-03"));
  }

  @Test
  void aBlankCellCopiedAsAnEmptyLineIsPlacedWhenTheRowDecidesAndNeverShiftsAValue() {
    Map<String, String> raw = new LinkedHashMap<>(RAW);
    raw.put("s3.partial.research", "");
    raw.put("s2.normative_doc.abolished", "");
    ImportResult result =
        read(
            LayoutFixtures.document(
                TITLE,
                LayoutFixtures.tables(FormatVersion.FMT2021, raw),
                rows -> LayoutFixtures.oneCellPerLine(rows, false)));

    for (Map.Entry<String, String> e : raw.entrySet()) {
      JsonNode got = result.report().cells().get(e.getKey());
      if (!got.isNull()) {
        assertEquals(
            0,
            new BigDecimal(e.getValue()).compareTo(got.decimalValue()),
            e.getKey() + " read as " + got);
      }
    }
    assertTrue(result.report().cells().get("s3.partial.research").isNull());
    assertTrue(result.report().cells().get("s2.normative_doc.abolished").isNull());
    // the empty line between two values of a table 三 row decides: the row is read whole, the blank
    // is FMT-04
    for (String column : Catalogue.APPLICANT_COLUMNS) {
      String key = "s3.partial." + column;
      if (!column.equals("research")) {
        assertEquals(
            0,
            new BigDecimal(raw.get(key)).compareTo(result.report().cells().get(key).decimalValue()),
            key);
      }
    }
    assertTrue(
        result.findings().stream()
            .anyMatch(
                f ->
                    f.rule().equals("FMT-04") && f.cells().equals(List.of("s3.partial.research"))));
    assertEquals(
        0,
        new BigDecimal(raw.get("s2.normative_doc.issued"))
            .compareTo(result.report().cells().get("s2.normative_doc.issued").decimalValue()));
    assertEquals(
        0,
        new BigDecimal(raw.get("s2.normative_doc.in_force"))
            .compareTo(result.report().cells().get("s2.normative_doc.in_force").decimalValue()));
    assertEquals(0, count(result, "FMT-03"), () -> result.findings().toString());
    List<String> unread =
        result.findings().stream()
            .filter(f -> f.rule().equals("FMT-03"))
            .flatMap(f -> f.cells().stream())
            .toList();
    for (Finding f : result.findings()) {
      if (f.rule().equals("IMP-01")) {
        for (String key : f.cells()) {
          assertTrue(!unread.contains(key), key + " is unread and flagged IMP-01");
        }
      }
    }
  }

  @Test
  void aBlankCellOfTableFourCopiedAsAnEmptyLineShiftsNoGroup() {
    Map<String, String> raw = new LinkedHashMap<>(RAW);
    raw.put("s4.litigation_after_review.upheld", "");
    ImportResult result =
        read(
            LayoutFixtures.document(
                TITLE,
                LayoutFixtures.tables(FormatVersion.FMT2021, raw),
                rows -> LayoutFixtures.oneCellPerLine(rows, false)));

    Map<String, String> printed = new LinkedHashMap<>(raw);
    printed.remove("s4.litigation_after_review.upheld");
    assertAll(printed, result, List.of());
    assertTrue(result.report().cells().get("s4.litigation_after_review.upheld").isNull());
    assertEquals(1, count(result, "FMT-04"));
    assertEquals(0, count(result, "FMT-03"));
  }

  @Test
  void headingsInOtherStylesAreFound() {
    String doc =
        LayoutFixtures.document(TITLE, TABLES, LayoutFixtures::tabRows)
            .replace("一、总体情况", "第一部分 总体情况")
            .replace("二、主动公开", "## 二、主动公开")
            .replace("五、存在的主要问题", "五．存在的主要问题");
    ImportResult result = read(doc);
    assertEquals(0, count(result, "FMT-01"), () -> result.findings().toString());
    assertTrue(result.report().texts().get("s1").contains("1200条"));
    assertTrue(result.report().texts().get("s5").startsWith("（一）存在问题"));
  }
}

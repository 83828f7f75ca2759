package org.nianbao.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.validation.Finding;
import org.nianbao.validation.Severity;

class DocxImportTest {

  private final DocumentImporter importer = new DocumentImporter();

  @Test
  void importsA2021DocxWithGridSpanAndVMerge() throws IOException {
    byte[] docx =
        ReportFixtures.docx(
            HtmlImportTest.TITLE,
            ReportFixtures.tables(FormatVersion.FMT2021, ReportFixtures.wolongRaw()));

    ImportResult result = importer.importDocument(docx, DocumentImporter.DOCX);

    TextImportTest.assertCells(
        new ObjectMapper().readTree(TextImportTest.resource("wolong-2024.cells.json")),
        result.report().cells());
    assertEquals("卧龙区人民政府", result.unitName());
    assertEquals(2024, result.year());
    assertEquals(FormatVersion.FMT2021, result.formatVersion());
    assertTrue(result.findings().isEmpty(), () -> "findings: " + result.findings());
    assertEquals("本年度未收取信息处理费。", result.report().texts().get("s6"));
  }

  /** A 2019-format report: the 卧龙区 sections 三 and 四 with a single （六）其他处理 row, a 2019 section 二. */
  static Map<String, String> raw2019() {
    Map<String, String> wolong = ReportFixtures.wolongRaw();
    Map<String, String> raw = new LinkedHashMap<>();
    long n = 1;
    for (CellDefinition cell : Catalogue.of(FormatVersion.FMT2019).cells()) {
      String key = cell.key();
      if (cell.section() == 2) {
        raw.put(key, String.valueOf(n++));
      } else if (key.startsWith("s3.other.")) {
        String column = cell.columnKey();
        long sum = 0;
        for (String part : List.of("no_correction_overdue", "fee_unpaid_overdue", "other")) {
          sum += Long.parseLong(wolong.get("s3.other." + part + "." + column));
        }
        raw.put(key, String.valueOf(sum));
      } else {
        raw.put(key, wolong.get(key));
      }
    }
    raw.put("s2v2019.licensing.change", "+4");
    raw.put("s2v2019.penalty.change", "-2");
    raw.put("s2v2019.procurement.total_amount", "251000元");
    return raw;
  }

  @Test
  void importsA2019FormatDocx() {
    Map<String, String> raw = raw2019();
    byte[] docx =
        ReportFixtures.docx(
            "南阳市人民政府2020年政府信息公开工作年度报告", ReportFixtures.tables(FormatVersion.FMT2019, raw));

    ImportResult result = importer.importDocument(docx, DocumentImporter.DOCX);

    assertEquals(FormatVersion.FMT2019, result.formatVersion());
    assertEquals(2020, result.year());
    assertEquals("南阳市人民政府", result.unitName());
    Map<String, JsonNode> cells = result.report().cells();
    assertEquals(Catalogue.of(FormatVersion.FMT2019).size(), cells.size());
    assertEquals(4L, cells.get("s2v2019.licensing.change").longValue());
    assertEquals(-2L, cells.get("s2v2019.penalty.change").longValue());
    assertEquals(
        0,
        new BigDecimal("25.1")
            .compareTo(cells.get("s2v2019.procurement.total_amount").decimalValue()));
    assertEquals(8L, cells.get("s3.other.natural").longValue());
    assertEquals(235L, cells.get("s3.total_processed.total").longValue());
    assertEquals(18L, cells.get("s4.review.total").longValue());
    for (Map.Entry<String, String> e : raw.entrySet()) {
      if (e.getKey().startsWith("s3.")
          || e.getKey().startsWith("s4.")
          || e.getKey().endsWith(".decisions")) {
        assertEquals(Long.parseLong(e.getValue()), cells.get(e.getKey()).longValue(), e.getKey());
      }
    }
    assertTrue(result.findings().isEmpty(), () -> "findings: " + result.findings());
  }

  @Test
  void aSignedValueOutsideA2019ChangeCellIsUnreadable() {
    Map<String, String> raw = raw2019();
    raw.put("s2v2019.licensing.decisions", "+7");
    byte[] docx =
        ReportFixtures.docx(
            "南阳市人民政府2020年政府信息公开工作年度报告", ReportFixtures.tables(FormatVersion.FMT2019, raw));
    ImportResult result = importer.importDocument(docx, DocumentImporter.DOCX);
    assertTrue(result.report().cells().get("s2v2019.licensing.decisions").isNull());
    assertEquals(List.of("FMT-03"), result.findings().stream().map(Finding::rule).toList());
  }

  @Test
  void the2019FormatInA2022ReportIsFmt02() {
    byte[] docx =
        ReportFixtures.docx(
            "南阳市人民政府2022年度政府信息公开工作年度报告", ReportFixtures.tables(FormatVersion.FMT2019, raw2019()));

    ImportResult result = importer.importDocument(docx, DocumentImporter.DOCX);

    assertEquals(FormatVersion.FMT2019, result.formatVersion());
    List<Finding> fmt02 =
        result.findings().stream().filter(f -> f.rule().equals("FMT-02")).toList();
    assertEquals(1, fmt02.size());
    assertEquals(Severity.ERROR, fmt02.get(0).severity());
    assertEquals("2022年度报告应使用2021年版格式，检测到旧版表格“本年新制作数量”。", fmt02.get(0).message().zh());
  }
}

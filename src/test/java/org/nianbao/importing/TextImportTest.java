package org.nianbao.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.validation.Scope;

class TextImportTest {

  private final DocumentImporter importer = new DocumentImporter();

  static byte[] resource(String name) throws IOException {
    try (InputStream in = TextImportTest.class.getResourceAsStream("/samples/" + name)) {
      assertNotNull(in, name);
      return in.readAllBytes();
    }
  }

  /** Asserts the report holds exactly the expected cells, compared numerically. */
  static void assertCells(JsonNode expected, Map<String, JsonNode> actual) {
    assertEquals(expected.size(), actual.size(), "cell count");
    Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode got = actual.get(e.getKey());
      assertNotNull(got, e.getKey());
      if (e.getValue().isNull()) {
        assertTrue(got.isNull(), e.getKey() + " should be null, was " + got);
      } else {
        assertTrue(got.isNumber(), e.getKey() + " is " + got);
        assertEquals(
            0,
            e.getValue().decimalValue().compareTo(got.decimalValue()),
            e.getKey() + ": expected " + e.getValue() + " got " + got);
      }
    }
  }

  @Test
  void importsTheWolongSampleExactly() throws IOException {
    ImportResult result = importer.importDocument(resource("wolong-2024.txt"), "text/plain");
    JsonNode expected = new ObjectMapper().readTree(resource("wolong-2024.cells.json"));

    assertEquals(200, expected.size());
    assertCells(expected, result.report().cells());
    assertEquals("卧龙区人民政府", result.unitName());
    assertEquals(2024, result.year());
    assertEquals(FormatVersion.FMT2021, result.formatVersion());
    assertEquals(FormatVersion.FMT2021, result.report().formatVersion());
    assertEquals(Scope.SELF, result.report().scope());
    assertEquals(
        new BigDecimal("143.2062"),
        result.report().cells().get("s2.admin_fee.amount").decimalValue());
    assertTrue(result.report().cells().get("s3.new.natural").isIntegralNumber());
    assertTrue(result.findings().isEmpty(), () -> "findings: " + result.findings());
    assertEquals("143.2062", result.provenance().get("s2.admin_fee.amount"));
    assertEquals(200, result.provenance().size());
    assertTrue(result.report().texts().get("s1").contains("15052条"));
    assertTrue(result.report().texts().get("s5").startsWith("（一）存在问题"));
    assertTrue(result.report().texts().get("s6").contains("未收取任何政府信息公开处理费用"));
  }

  /**
   * Re-pasted or crawled copies: an empty line after every line, and a page footer with a page
   * break.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"double-spaced", "page-footers"})
  void importsTheWolongSampleRePrinted(String form) throws IOException {
    String text = new String(resource("wolong-2024.txt"), StandardCharsets.UTF_8);
    String printed;
    if (form.equals("double-spaced")) {
      printed = text.replace("\n", "\n\n");
    } else {
      // a footer and a form feed after every 37th line, inside the cells of table 三
      String[] lines = text.split("\n", -1);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < lines.length; i++) {
        sb.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
        if (i > 0 && i % 37 == 0) {
          sb.append("— ").append(i / 37).append(" —\n\f");
        }
      }
      printed = sb.toString();
    }
    ImportResult result =
        importer.importDocument(printed.getBytes(StandardCharsets.UTF_8), "text/plain");
    JsonNode expected = new ObjectMapper().readTree(resource("wolong-2024.cells.json"));

    assertCells(expected, result.report().cells());
    assertTrue(result.findings().isEmpty(), () -> "findings: " + result.findings());
  }

  @Test
  void readsGbkEncodedTextWithoutACharsetParameter() throws IOException {
    String text = new String(resource("wolong-2024.txt"), StandardCharsets.UTF_8);
    byte[] gbk = text.getBytes(Charset.forName("GBK"));
    ImportResult result = importer.importDocument(gbk, "text/plain");
    assertEquals("卧龙区人民政府", result.unitName());
    assertEquals(247L, result.report().cells().get("s3.new.total").longValue());
  }

  @Test
  void honoursADeclaredCharset() throws IOException {
    String text = new String(resource("wolong-2024.txt"), StandardCharsets.UTF_8);
    byte[] gb = text.getBytes(Charset.forName("GB18030"));
    ImportResult result = importer.importDocument(gb, "text/plain; charset=GB18030");
    assertEquals(2024, result.year());
  }
}

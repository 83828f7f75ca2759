package org.nianbao.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.FormatVersion;

class BrokenDocumentTest {

  private final DocumentImporter importer = new DocumentImporter();

  @Test
  void aDocumentWithoutTheSection3TableIsReadInPart() {
    List<List<List<ReportFixtures.Span>>> tables =
        ReportFixtures.tables(FormatVersion.FMT2021, ReportFixtures.wolongRaw());
    String html =
        ReportFixtures.html(HtmlImportTest.TITLE, List.of(tables.get(0)))
                .replace("</div></body>", "")
            + ReportFixtures.html("x", List.of(tables.get(2)));
    // the second page only adds a section 四 table; section 三 has none: its 175 cells are null, each
    // named
    ImportResult result =
        importer.importDocument(html.getBytes(StandardCharsets.UTF_8), "text/html");
    assertEquals(175, result.findings().stream().filter(f -> f.rule().equals("FMT-03")).count());
    assertTrue(result.report().cells().get("s3.new.natural").isNull());
    assertEquals(8339L, result.report().cells().get("s2.licensing.decisions").longValue());
    assertEquals(18L, result.report().cells().get("s4.review.total").longValue());
    assertTrue(
        result.findings().stream()
            .anyMatch(
                f ->
                    f.cells().equals(List.of("s3.new.natural"))
                        && f.message().zh().contains("第三部分")));
  }

  @Test
  void aTruncatedTableGivesWhatWasRead() throws IOException {
    String text = new String(TextImportTest.resource("wolong-2024.txt"), StandardCharsets.UTF_8);
    String truncated = text.substring(0, text.indexOf("\t5.属于三类内部事务信息"));
    ImportResult result =
        importer.importDocument(truncated.getBytes(StandardCharsets.UTF_8), "text/plain");
    assertEquals(
        2L, result.report().cells().get("s3.withheld.third_party_rights.total").longValue());
    assertTrue(result.report().cells().get("s3.withheld.internal_affairs.natural").isNull());
    assertTrue(result.report().cells().get("s3.carried_out.total").isNull());
    assertTrue(result.report().cells().get("s4.review.total").isNull());
    // 17 rows of table 三 and the 15 cells of table 四 unread
    assertEquals(
        17 * 7 + 15, result.findings().stream().filter(f -> f.rule().equals("FMT-03")).count());
    assertEquals("none", result.sources().get("s3.carried_out.total").match());
  }

  @Test
  void aRowWithTooFewValuesIsUnreadableNotShifted() throws IOException {
    String text =
        new String(TextImportTest.resource("wolong-2024.txt"), StandardCharsets.UTF_8)
            .replace("\t2.重复申请\n\t0\n", "\t2.重复申请\n");
    ImportResult result =
        importer.importDocument(text.getBytes(StandardCharsets.UTF_8), "text/plain");
    assertEquals(7, result.findings().stream().filter(f -> f.rule().equals("FMT-03")).count());
    assertTrue(result.report().cells().get("s3.not_processed.repeat.natural").isNull());
    assertEquals(
        0L, result.report().cells().get("s3.not_processed.publication.natural").longValue());
  }

  @Test
  void binaryGarbageDeclaredAsDocxIsAnImportException() {
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);
    ImportException e =
        assertThrows(
            ImportException.class, () -> importer.importDocument(garbage, DocumentImporter.DOCX));
    assertEquals("文档无法读取，可能已损坏或类型不符。", e.userMessage().zh());
    assertTrue(e.missing().isEmpty());
  }

  @Test
  void aZipThatIsNotADocxIsAnImportException() {
    byte[] zipHeader = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    assertThrows(
        ImportException.class, () -> importer.importDocument(zipHeader, DocumentImporter.DOCX));
  }

  @Test
  void anEmptyBodyIsAnImportException() {
    ImportException e =
        assertThrows(
            ImportException.class, () -> importer.importDocument(new byte[0], "text/plain"));
    assertEquals(List.of("document body (文档内容)"), e.missing());
  }

  @Test
  void textWithoutTablesNamesAllThreeTables() {
    ImportException e =
        assertThrows(
            ImportException.class,
            () ->
                importer.importDocument(
                    "一、总体情况\n本年度无。\n".getBytes(StandardCharsets.UTF_8), "text/plain"));
    assertEquals(3, e.missing().size(), e.missing().toString());
  }

  @Test
  void anUnsupportedMediaTypeIsAnImportException() {
    assertThrows(
        ImportException.class,
        () ->
            importer.importDocument(
                "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "application/pdf"));
  }
}

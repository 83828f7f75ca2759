package org.nianbao.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.FormatVersion;

class PdfImportTest {

  private static byte[] wolong;
  private final DocumentImporter importer = new DocumentImporter();

  @BeforeAll
  static void print() throws IOException {
    assumeTrue(
        PdfFixtures.fontInstalled(), "fonts-noto-cjk is not installed (.ci/run installs it)");
    wolong = PdfFixtures.wolong();
  }

  @Test
  void readsEveryCellOfARuledThreePagePdf() throws IOException {
    ImportResult result = importer.importDocument(wolong, DocumentImporter.PDF);

    TextImportTest.assertCells(
        new ObjectMapper().readTree(TextImportTest.resource("wolong-2024.cells.json")),
        result.report().cells());
    assertEquals("卧龙区人民政府", result.unitName());
    assertEquals(2024, result.year());
    assertEquals(FormatVersion.FMT2021, result.formatVersion());
    // provenance: the page each cell was printed on (a page break falls inside table 二)
    assertEquals(1, result.sources().get("s2.licensing.decisions").page());
    assertEquals(2, result.sources().get("s2.coercion.decisions").page());
    assertEquals(2, result.sources().get("s3.partial.natural").page());
    assertEquals("6", result.sources().get("s3.partial.natural").raw());
    assertEquals(2, result.sources().get("s4.litigation_after_review.total").page());
  }

  @Test
  void aPageBreakInsideTable3LosesNoRow() throws IOException {
    byte[] pdf = PdfFixtures.wolong(330);
    String text = PdfFrontEnd.layoutText(pdf);
    List<String> pages = List.of(text.split("\f"));
    int first =
        pages.indexOf(pages.stream().filter(p -> p.contains("（一）予以公开")).findFirst().orElseThrow());
    int last =
        pages.indexOf(pages.stream().filter(p -> p.contains("（七）总计")).findFirst().orElseThrow());
    assertEquals(first + 1, last, "the page break falls inside table 三");

    ImportResult result = importer.importDocument(pdf, DocumentImporter.PDF);

    TextImportTest.assertCells(
        new ObjectMapper().readTree(TextImportTest.resource("wolong-2024.cells.json")),
        result.report().cells());
  }

  @Test
  void aPdfIsRecognisedWithoutItsMediaType() throws IOException {
    ImportResult result = importer.importDocument(wolong, "application/octet-stream");
    assertEquals(2024, result.year());
    assertEquals(8339L, result.report().cells().get("s2.licensing.decisions").longValue());
  }

  @Test
  void layoutTextKeepsPagesAndDropsPageFooters() {
    String text = PdfFrontEnd.layoutText(wolong);
    String[] pages = text.split("\f", -1);
    assertTrue(pages.length >= 3 && pages.length <= 5, () -> pages.length + " pages");
    assertFalse(text.contains("— 1 —") || text.contains("— 2 —") || text.contains("— 3 —"), text);
    assertTrue(pages[0].strip().startsWith(HtmlImportTest.TITLE), pages[0]);
    // table columns survive: a row of table 二 keeps its label and its three numbers apart
    assertTrue(
        Arrays.stream(text.split("\n"))
            .anyMatch(l -> l.strip().matches("行政规范性文件\\s{2,}23\\s{2,}6\\s{2,}80")),
        text);
  }

  @Test
  void aScanWithoutATextLayerIsNoTextLayer() {
    NoTextLayerException e =
        assertThrows(
            NoTextLayerException.class,
            () -> importer.importDocument(PdfFixtures.scanned(), DocumentImporter.PDF));
    assertTrue(e.userMessage().zh().startsWith("PDF没有文字层"), e.userMessage().zh());
  }

  @Test
  void aTruncatedPdfIsUnreadable() {
    byte[] truncated = Arrays.copyOf(wolong, wolong.length / 3);
    ImportException e =
        assertThrows(
            ImportException.class, () -> importer.importDocument(truncated, DocumentImporter.PDF));
    assertFalse(e instanceof NoTextLayerException);
  }

  @Test
  void aPasswordProtectedPdfIsRefusedSayingSo() throws IOException {
    byte[] encrypted;
    try (PDDocument doc = Loader.loadPDF(wolong);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner", "secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      doc.save(out);
      encrypted = out.toByteArray();
    }
    byte[] body = encrypted;
    ImportException e =
        assertThrows(
            ImportException.class, () -> importer.importDocument(body, DocumentImporter.PDF));
    assertEquals(
        "The PDF is encrypted with a password; send an unencrypted file.", e.userMessage().en());
  }
}

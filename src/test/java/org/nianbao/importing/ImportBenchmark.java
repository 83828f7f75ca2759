package org.nianbao.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.FormatVersion;

/**
 * Throughput of the importer per front end; run with {@code -Dgroups=benchmark
 * -DexcludedGroups=none}.
 */
@Tag("benchmark")
class ImportBenchmark {

  private final DocumentImporter importer = new DocumentImporter();

  @Test
  void textSample() throws IOException {
    run(
        "text (wolong-2024.txt)",
        TextImportTest.resource("wolong-2024.txt"),
        DocumentImporter.TEXT,
        1_000,
        10_000);
  }

  @Test
  void pdfLayoutText() {
    run(
        "text (pdftotext -layout)",
        PdfLayoutImportTest.PDF_LAYOUT.getBytes(StandardCharsets.UTF_8),
        DocumentImporter.TEXT,
        1_000,
        10_000);
  }

  @Test
  void html() {
    run(
        "html",
        HtmlImportTest.wolongHtml().getBytes(StandardCharsets.UTF_8),
        DocumentImporter.HTML,
        300,
        2_000);
  }

  @Test
  void docx() {
    byte[] docx =
        ReportFixtures.docx(
            HtmlImportTest.TITLE,
            ReportFixtures.tables(FormatVersion.FMT2021, ReportFixtures.wolongRaw()));
    run("docx", docx, DocumentImporter.DOCX, 50, 300);
  }

  @Test
  void htmlWholeSavedPage() {
    run(
        "html (whole page + chrome)",
        HtmlPageImportTest.wholePage().getBytes(StandardCharsets.UTF_8),
        DocumentImporter.HTML,
        300,
        2_000);
  }

  @Test
  void htmlRealSavedPage() throws IOException {
    run(
        "html (real page 01, 111 KB)",
        TextImportTest.resource("real/01_shuyang-fagaiju_2023.html"),
        DocumentImporter.HTML,
        100,
        1_000);
  }

  /**
   * The seed printed as a ruled 3–4 page PDF: text-layer extraction alone, then the whole import.
   */
  @Test
  void pdf() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        PdfFixtures.fontInstalled(), "no CJK font to print the PDF");
    byte[] pdf = PdfFixtures.wolong();
    for (int i = 0; i < 100; i++) {
      PdfFrontEnd.layoutText(pdf);
    }
    int n = 500;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      PdfFrontEnd.layoutText(pdf);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "BENCHMARK %-26s %8.0f documents/s  %8.3f ms/document  (%d bytes, %d pages)%n",
        "pdf text layer only",
        n / seconds,
        seconds * 1000 / n,
        pdf.length,
        PdfFrontEnd.layoutText(pdf).split("\f").length);
    run("pdf (ruled, 3-4 pages)", pdf, DocumentImporter.PDF, 100, 500);
  }

  private void run(String name, byte[] body, String type, int warmup, int iterations) {
    for (int i = 0; i < warmup; i++) {
      importer.importDocument(body, type);
    }
    long start = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      importer.importDocument(body, type);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "BENCHMARK %-26s %8.0f documents/s  %8.3f ms/document  (%d bytes)%n",
        name, iterations / seconds, seconds * 1000 / iterations, body.length);
  }
}

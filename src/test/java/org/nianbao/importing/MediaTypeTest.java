package org.nianbao.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.FormatVersion;

class MediaTypeTest {

  private final DocumentImporter importer = new DocumentImporter();

  @Test
  void sniffsTheTypeOfAnOctetStream() throws IOException {
    byte[] docx =
        ReportFixtures.docx(
            HtmlImportTest.TITLE,
            ReportFixtures.tables(FormatVersion.FMT2021, ReportFixtures.wolongRaw()));
    byte[] html = HtmlImportTest.wolongHtml().getBytes(StandardCharsets.UTF_8);
    byte[] text = TextImportTest.resource("wolong-2024.txt");

    assertEquals(DocumentImporter.DOCX, DocumentImporter.sniff(docx));
    assertEquals(DocumentImporter.HTML, DocumentImporter.sniff(html));
    assertEquals(DocumentImporter.TEXT, DocumentImporter.sniff(text));
    for (byte[] body : new byte[][] {docx, html, text}) {
      assertEquals(2024, importer.importDocument(body, "application/octet-stream").year());
    }
    assertEquals(2024, importer.importDocument(text, null).year());
  }

  @Test
  void mediaTypeParametersAndCaseAreIgnored() throws IOException {
    ImportResult result =
        importer.importDocument(
            TextImportTest.resource("wolong-2024.txt"),
            "Text/Plain; format=flowed; charset=\"utf-8\"");
    assertEquals("卧龙区人民政府", result.unitName());
  }
}

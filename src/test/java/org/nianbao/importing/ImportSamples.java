package org.nianbao.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nianbao.catalogue.FormatVersion;

/**
 * The 卧龙区 2024 report as each importer front end takes it (media type → bytes), for bench/run.sh.
 */
public final class ImportSamples {

  private ImportSamples() {}

  public static Map<String, byte[]> byMediaType() throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(DocumentImporter.TEXT, TextImportTest.resource("wolong-2024.txt"));
    out.put(DocumentImporter.HTML, HtmlImportTest.wolongHtml().getBytes(StandardCharsets.UTF_8));
    out.put(
        DocumentImporter.DOCX,
        ReportFixtures.docx(
            HtmlImportTest.TITLE,
            ReportFixtures.tables(FormatVersion.FMT2021, ReportFixtures.wolongRaw())));
    return out;
  }
}

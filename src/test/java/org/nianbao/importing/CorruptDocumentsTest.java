package org.nianbao.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.testsupport.Contract.RESPONSE_ONLY;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.PostgresTestResource;

/**
 * 1,000 corrupted documents, seeded: truncated and bit-flipped PDFs, PDFs of too many pages, zip
 * bombs and broken zips sent as .docx, deeply nested HTML, binary garbage as text, wrong media
 * types. Every answer is a 4xx problem document — never a 500 — and the input caps (PDF pages and
 * memory, .docx entry sizes, HTML depth) keep the memory bounded.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class CorruptDocumentsTest {

  private static final String DOCX = DocumentImporter.DOCX;

  /** A corrupted document: what it is, the media type it is sent with, its bytes. */
  record Corrupted(String kind, String type, byte[] body) {}

  /** The seeded corpus: the same 1,000 documents on every run. */
  static java.util.List<Corrupted> corpus() throws IOException {
    Random random = new Random(20261203L);
    byte[] pdf = threePagePdf(3);
    byte[] manyPages = threePagePdf(PdfFrontEnd.MAX_PAGES + 1);
    byte[] bomb = zip("word/document.xml", new byte[24 * 1024 * 1024]);
    // the intact bases hold no report tables, so however little a corruption touches, they cannot
    // import
    byte[] docx = ReportFixtures.docx(HtmlImportTest.TITLE, java.util.List.of());
    java.util.List<Corrupted> out = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String kind;
      String type;
      byte[] body;
      switch (i % 12) {
        case 0 -> {
          kind = "truncated PDF";
          type = DocumentImporter.PDF;
          body = Arrays.copyOf(pdf, 1 + random.nextInt(pdf.length - 1));
        }
        case 1 -> {
          kind = "bit-flipped PDF";
          type = DocumentImporter.PDF;
          body = flip(pdf, random, 1 + random.nextInt(200));
        }
        case 2 -> {
          kind = "garbage after a PDF header";
          type = DocumentImporter.PDF;
          body = garbage(random, 8 + random.nextInt(64 * 1024));
          System.arraycopy(
              "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
              0,
              body,
              0,
              Math.min(9, body.length));
        }
        case 3 -> {
          kind = "PDF over the page limit";
          type = random.nextBoolean() ? DocumentImporter.PDF : "application/octet-stream";
          body = manyPages;
        }
        case 4 -> {
          kind = "zip bomb as .docx";
          type = DOCX;
          body = bomb;
        }
        case 5 -> {
          kind = "truncated or bit-flipped .docx";
          type = DOCX;
          body =
              random.nextBoolean()
                  ? Arrays.copyOf(docx, 1 + random.nextInt(docx.length - 1))
                  : flip(docx, random, 1 + random.nextInt(50));
        }
        case 6 -> {
          kind = "a zip that is no .docx";
          type = DOCX;
          body = zip("notes/" + i + ".txt", garbage(random, 1 + random.nextInt(4096)));
        }
        case 7 -> {
          kind = "deeply nested HTML";
          type = "text/html";
          int depth = 500 + random.nextInt(60_000);
          String tag = random.nextBoolean() ? "div" : "span";
          body =
              ("<html><body>" + ("<" + tag + ">").repeat(depth) + "一、总体情况")
                  .getBytes(StandardCharsets.UTF_8);
        }
        case 8 -> {
          kind = "binary garbage as text";
          type = random.nextBoolean() ? "text/plain" : "text/plain; charset=UTF-8";
          body = garbage(random, 1 + random.nextInt(128 * 1024));
        }
        case 9 -> {
          kind = "binary garbage as HTML";
          type = "text/html";
          body = garbage(random, 1 + random.nextInt(128 * 1024));
        }
        case 10 -> {
          kind = "wrong media type";
          String[] types = {
            "image/png",
            "application/json",
            "application/msword",
            "video/mp4",
            "text/csv",
            "application/xml",
            "multipart/form-data; boundary=x"
          };
          type = types[random.nextInt(types.length)];
          body = random.nextBoolean() ? pdf : garbage(random, 1 + random.nextInt(4096));
        }
        default -> {
          kind = "one form declared as another";
          String[][] pairs = {
            {DOCX, "pdf"},
            {DocumentImporter.PDF, "docx"},
            {DocumentImporter.PDF, "html"},
            {"text/html; charset=x-unknown", "html"}
          };
          String[] pair = pairs[random.nextInt(pairs.length)];
          type = pair[0];
          body =
              switch (pair[1]) {
                case "pdf" -> Arrays.copyOf(pdf, pdf.length);
                case "docx" -> docx;
                default ->
                    "<html><body><p>一、总体情况</p></body></html>".getBytes(StandardCharsets.UTF_8);
              };
        }
      }
      out.add(new Corrupted(kind, type, body));
    }
    return out;
  }

  @Test
  void aThousandCorruptedDocumentsAreAllProblemsNeverFiveHundred() throws IOException {
    Map<String, Integer> kinds = new TreeMap<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    int i = 0;
    for (Corrupted c : corpus()) {
      String kind = c.kind();
      String type = c.type();
      byte[] body = c.body();
      // every 20th answer is also validated against the contract (validating all 1,000 costs more
      // than the imports)
      Response response =
          (i % 20 == 0 ? given().filter(RESPONSE_ONLY) : given())
              .contentType(type)
              .body(body)
              .when()
              .post("/api/v1/imports");
      int status = response.statusCode();
      String label = kind + " (" + type + ", " + body.length + " bytes, #" + i + ")";
      assertThat(status).as(label).isBetween(400, 499);
      assertThat(response.contentType()).as(label).startsWith("application/problem+json");
      assertThat(response.jsonPath().getInt("status")).as(label).isEqualTo(status);
      assertThat(response.jsonPath().getString("type"))
          .as(label)
          .startsWith("https://nianbao.org/problems/");
      kinds.merge(kind, 1, Integer::sum);
      statuses.merge(status, 1, Integer::sum);
      i++;
    }
    System.out.println(
        "corrupted documents by kind: " + kinds + "; answers by status: " + statuses);
    assertThat(kinds.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
  }

  /** A small valid PDF of n pages with a line of Latin text each (no CJK font needed). */
  static byte[] threePagePdf(int pages) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
          s.beginText();
          s.setFont(font, 11);
          s.newLineAtOffset(72, 700);
          s.showText(
              "Annual report page " + (p + 1) + " of the information disclosure work, 2024.");
          s.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] zip(String name, byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      Map<String, byte[]> entries = new LinkedHashMap<>();
      entries.put("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
      entries.put(name, content);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static byte[] garbage(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static byte[] flip(byte[] source, Random random, int flips) {
    byte[] b = Arrays.copyOf(source, source.length);
    for (int k = 0; k < flips; k++) {
      b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return b;
  }
}

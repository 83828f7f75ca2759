package org.nianbao.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.nianbao.testsupport.Api.asAdmin;
import static org.nianbao.testsupport.Api.asAdminUnchecked;
import static org.nianbao.testsupport.Contract.CONTRACT;
import static org.nianbao.testsupport.Contract.RESPONSE_ONLY;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.nianbao.security.Caller;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.Tokens;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ImportBatchResourceTest {

  private static final String ZIP = "application/zip";

  @Inject ImportBatchStore store;
  @Inject ImportBatchService service;

  static byte[] seed() throws IOException {
    return TextImportTest.resource("wolong-2024.txt");
  }

  static byte[] zip(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** Reads the batch until it is finished (the documents are read in the background). */
  static JsonPath finished(String location) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      JsonPath batch =
          given().filter(CONTRACT).when().get(location).then().statusCode(200).extract().jsonPath();
      if (batch.getString("status").equals("FINISHED")) {
        return batch;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("batch " + location + " did not finish within a minute");
  }

  @Test
  void aZipIsReadDocumentByDocumentAndSubmittedAsPutWould() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("reports/411402_梁园区2024年报.txt", seed());
    files.put("411403-睢阳区.html", HtmlImportTest.wolongHtml().getBytes(StandardCharsets.UTF_8));
    files.put(
        "411329_broken.pdf",
        "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.US_ASCII));
    files.put("notes.txt", "一、总体情况\n本机关认真落实条例。\n".getBytes(StandardCharsets.UTF_8));
    files.put("reports/", new byte[0]);
    files.put("__MACOSX/._notes.txt", new byte[] {0, 5, 22, 7});

    String location =
        asAdmin()
            .contentType(ZIP)
            .body(zip(files))
            .queryParam("submit", true)
            .when()
            .post("/api/v1/imports/batches")
            .then()
            .statusCode(202)
            .header("Location", matchesPattern(".*/api/v1/imports/batches/[0-9a-f-]{36}"))
            .body("total", equalTo(4))
            .body("submit", equalTo(true))
            .extract()
            .header("Location");

    JsonPath batch = finished(location);
    assertThat(batch.getInt("done")).isEqualTo(4);
    assertThat(batch.getInt("failed")).isEqualTo(2);
    assertThat(batch.getString("finishedAt")).isNotNull();
    assertThat(batch.getList("documents.fileName"))
        .containsExactly(
            "411402_梁园区2024年报.txt", "411403-睢阳区.html", "411329_broken.pdf", "notes.txt");

    // 1. the unit code before the file name wins over the title; stored as version 1 like a PUT
    assertThat(batch.getString("documents[0].status")).isEqualTo("SUBMITTED");
    assertThat(batch.getString("documents[0].unit")).isEqualTo("411402");
    assertThat(batch.getString("documents[0].unitName")).isEqualTo("卧龙区人民政府");
    assertThat(batch.getInt("documents[0].year")).isEqualTo(2024);
    assertThat(batch.getInt("documents[0].version")).isEqualTo(1);
    assertThat(batch.getInt("documents[0].cellsRead")).isEqualTo(200);
    assertThat(batch.getInt("documents[0].cellsTotal")).isEqualTo(200);
    assertThat(batch.getInt("documents[0].errorCount")).isEqualTo(0);
    assertThat(batch.getList("documents[0].findings.rule")).contains("TXT-02", "TXT-04");
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/units/411402/reports/2024")
        .then()
        .statusCode(200)
        .body("origin", equalTo("IMPORT"))
        .body("cells.'s3.new.total'", equalTo(247));

    // 2. a saved web page, its unit from the file name too
    assertThat(batch.getString("documents[1].unit")).isEqualTo("411403");
    assertThat(batch.getString("documents[1].status")).isEqualTo("SUBMITTED");
    assertThat(batch.getString("documents[1].mediaType")).isEqualTo("text/html");
    assertThat(batch.getInt("documents[1].cellsRead")).isEqualTo(200);

    // 3. a broken PDF fails alone with the problem POST /imports answers
    assertThat(batch.getString("documents[2].status")).isEqualTo("FAILED");
    assertThat(batch.getString("documents[2].mediaType")).isEqualTo("application/pdf");
    assertThat(batch.getString("documents[2].problem.type"))
        .isEqualTo("https://nianbao.org/problems/unreadable-document");
    assertThat(batch.getInt("documents[2].problem.status")).isEqualTo(422);

    // 4. a text without tables
    assertThat(batch.getString("documents[3].problem.type"))
        .isEqualTo("https://nianbao.org/problems/unreadable-document");

    // the spreadsheet summary, by Accept and by its own address
    byte[] csv =
        given()
            .filter(CONTRACT)
            .accept("text/csv")
            .when()
            .get(location)
            .then()
            .statusCode(200)
            .contentType("text/csv")
            .extract()
            .asByteArray();
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF序号 index,文件 file,状态 status,");
    String[] lines = text.split("\r\n");
    assertThat(lines).hasSize(5);
    assertThat(lines[1])
        .isEqualTo(
            "1,411402_梁园区2024年报.txt,SUBMITTED,411402,卧龙区人民政府,2024,200,200,0,"
                + batch.getInt("documents[0].warningCount")
                + ",1,");
    assertThat(lines[3]).startsWith("3,411329_broken.pdf,FAILED,,,,,,,,,");
    byte[] summary =
        given()
            .filter(CONTRACT)
            .when()
            .get(location + "/summary.csv")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertThat(summary).isEqualTo(csv);
  }

  @Test
  void multipartFilesAreReadWithoutSubmitting() throws Exception {
    String location =
        // the contract validator does not read multipart bodies: only the response is checked
        asAdminUnchecked()
            .multiPart("files", "411424_a.txt", seed(), "text/plain")
            .multiPart(
                "files", "page.html", HtmlImportTest.wolongHtml().getBytes(StandardCharsets.UTF_8))
            .when()
            .post("/api/v1/imports/batches")
            .then()
            .statusCode(202)
            .body("total", equalTo(2))
            .body("submit", equalTo(false))
            .extract()
            .header("Location");
    JsonPath batch = finished(location);
    assertThat(batch.getList("documents.status")).containsExactly("READ", "READ");
    assertThat(batch.getList("documents.unit")).containsExactly("411424", "411303");
    assertThat(batch.getList("documents.mediaType")).containsExactly("text/plain", "text/html");
    assertThat(batch.getList("documents.cellsRead")).containsExactly(200, 200);
    assertThat(batch.getInt("failed")).isZero();
  }

  @Test
  void aTokenThatDoesNotCoverAUnitFailsThatDocumentAlone() throws Exception {
    Tokens.Created token = Tokens.create("民权县门户", "UNIT:411421");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("411421_民权县.txt", seed());
    files.put("411422_睢县.txt", seed());
    String location =
        given()
            .filter(CONTRACT)
            .header(token.header())
            .contentType(ZIP)
            .body(zip(files))
            .queryParam("submit", true)
            .when()
            .post("/api/v1/imports/batches")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    JsonPath batch = finished(location);
    assertThat(batch.getList("documents.status")).containsExactly("SUBMITTED", "FAILED");
    assertThat(batch.getString("documents[1].problem.type"))
        .isEqualTo("https://nianbao.org/problems/forbidden");
    assertThat(batch.getInt("documents[1].problem.status")).isEqualTo(403);
    given().filter(CONTRACT).when().get("/api/v1/units/411422/reports/2024").then().statusCode(404);
  }

  @Test
  void aBatchNeedsAToken() throws IOException {
    given()
        .filter(RESPONSE_ONLY)
        .contentType(ZIP)
        .body(zip(Map.of("a.txt", seed())))
        .when()
        .post("/api/v1/imports/batches")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void unsafeZipsAreRefusedWhole() throws IOException {
    // a zip bomb: 50 MiB of zeros compress to about 50 KiB
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
      zip.putNextEntry(new ZipEntry("bomb.txt"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 50; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    asAdmin()
        .contentType(ZIP)
        .body(bomb.toByteArray())
        .when()
        .post("/api/v1/imports/batches")
        .then()
        .statusCode(413)
        .body("type", equalTo("https://nianbao.org/problems/payload-too-large"));

    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i <= 500; i++) {
      many.put("r" + i + ".txt", new byte[] {'x'});
    }
    asAdmin()
        .contentType(ZIP)
        .body(zip(many))
        .when()
        .post("/api/v1/imports/batches")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("documents"));

    asAdmin()
        .contentType(ZIP)
        .body(zip(Map.of("../../etc/passwd.txt", seed())))
        .when()
        .post("/api/v1/imports/batches")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("fileName"));

    given()
        .filter(RESPONSE_ONLY)
        .header(Tokens.admin())
        .contentType(ZIP)
        .body(new byte[] {'P', 'K', 3, 4, 9, 9, 9})
        .when()
        .post("/api/v1/imports/batches")
        .then()
        .statusCode(400)
        .body("type", equalTo("https://nianbao.org/problems/malformed-request"));

    asAdmin()
        .contentType(ZIP)
        .body(zip(Map.of("empty/", new byte[0])))
        .when()
        .post("/api/v1/imports/batches")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("documents"));
  }

  @Test
  void anUnknownBatchIsNotFound() {
    given()
        .filter(CONTRACT)
        .when()
        .get("/api/v1/imports/batches/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .filter(RESPONSE_ONLY)
        .when()
        .get("/api/v1/imports/batches/not-a-uuid")
        .then()
        .statusCode(404);
  }

  @Test
  void documentsLeftPendingByAStopAreResumedAtStart() throws Exception {
    // a batch stored but never scheduled, as a stop right after the 202 leaves it
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                store.create(
                    id,
                    false,
                    new Caller(null, "bootstrap-admin", "ADMIN"),
                    List.of(
                        new BatchArchive.Entry("411423_a.txt", "text/plain", seedUnchecked()),
                        new BatchArchive.Entry(
                            "b.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'}))));
    assertThat(
            given()
                .filter(CONTRACT)
                .when()
                .get("/api/v1/imports/batches/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("status"))
        .isEqualTo("RUNNING");

    service.resume(null);

    JsonPath batch = finished("/api/v1/imports/batches/" + id);
    assertThat(batch.getList("documents.status")).containsExactly("READ", "FAILED");
    assertThat(batch.getInt("done")).isEqualTo(2);
  }

  private static byte[] seedUnchecked() {
    try {
      return seed();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

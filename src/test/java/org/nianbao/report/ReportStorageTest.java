package org.nianbao.report;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.nianbao.testsupport.Api.asAdmin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.security.Caller;
import org.nianbao.testsupport.DatabaseFingerprint;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.Finding;
import org.nianbao.validation.Message;
import org.nianbao.validation.NarrativeFingerprint;
import org.nianbao.validation.ReportDocument;
import org.nianbao.validation.Severity;
import org.nianbao.validation.Validator;

/**
 * How a version is written (one statement for the version and everything under it): a write the
 * database refuses leaves nothing behind, and an amendment's rows, texts and narrative index
 * replace the current ones while the old version keeps its own.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ReportStorageTest {

  @Inject ReportStore store;
  @Inject DataSource dataSource;
  @Inject NarrativeIndex narratives;

  /**
   * A version the database refuses at its last step (an acknowledgement without a reason, which the
   * service checks up front: only a bug could send it), after the version row, its typed rows and
   * texts.
   */
  private static ReportStore.NewVersion refusedVersion() {
    ReportDocument document =
        ReportDocuments.fmt2021()
            .texts(ReportDocuments.wolongTexts())
            .acknowledge("S3-01", "")
            .build();
    Finding finding =
        new Finding(
            "S3-01",
            Severity.WARNING,
            List.of("s3.new.natural"),
            1,
            -5,
            new Message("测试", "test"),
            null);
    return new ReportStore.NewVersion(
        document,
        Validator.read(document),
        "0".repeat(64),
        null,
        new Caller(null, "test", "ADMIN"),
        "API",
        null,
        0,
        1,
        List.of(finding),
        NarrativeFingerprint.of(document.texts()));
  }

  @Test
  void aNewReportTheDatabaseRefusesLeavesEveryTableAsItWas() throws Exception {
    String before = DatabaseFingerprint.of(dataSource);
    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(() -> store.create("320102", 2022, refusedVersion())))
        .hasStackTraceContaining("report_acknowledgement_reason_check");
    assertThat(DatabaseFingerprint.of(dataSource)).isEqualTo(before);
  }

  @Test
  void aFindingIsStoredWithItsValuesAsWritten() throws Exception {
    ReportDocument document = ReportDocuments.fmt2021().build();
    Finding finding =
        new Finding(
            "S3-01",
            Severity.WARNING,
            List.of("s3.new.natural", "s3.new.total"),
            new BigDecimal("100.0"),
            "x",
            new Message("测试", "test"),
            null);
    QuarkusTransaction.requiringNew()
        .call(
            () ->
                store.create(
                    "320102",
                    2021,
                    new ReportStore.NewVersion(
                        document,
                        Validator.read(document),
                        "1".repeat(64),
                        null,
                        new Caller(null, "test", "ADMIN"),
                        "API",
                        null,
                        0,
                        1,
                        List.of(finding),
                        NarrativeFingerprint.of(document.texts()))));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                """
                SELECT concat_ws(' | ', f.ordinal, f.rule, f.severity, f.cells::text, f.expected::text,
                                 f.actual::text, f.message_zh, f.message_en,
                                 coalesce(f.acknowledgement, 'NULL'), f.origin,
                                 coalesce(f.detail::text, 'NULL'))
                  FROM report_finding f JOIN report_version v ON v.id = f.version_id
                  JOIN report r ON r.id = v.report_id WHERE r.unit_code = '320102' AND r.year = 2021""");
        ResultSet rs = ps.executeQuery()) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      assertThat(rows)
          .containsExactly(
              "0 | S3-01 | WARNING | {s3.new.natural,s3.new.total} | 100.0 | \"x\" | 测试 | test | NULL"
                  + " | SUBMISSION | NULL");
    }
  }

  @Test
  void anAmendmentTheDatabaseRefusesLeavesTheCurrentVersionAsItWas() throws Exception {
    put("320104", 2022, ReportDocuments.fmt2021().json(), null).then().statusCode(201);
    String before = DatabaseFingerprint.of(dataSource);
    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(
                        () -> {
                          ReportStore.Current current = store.current("320104", 2022).orElseThrow();
                          return store.amend("320104", current, refusedVersion());
                        }))
        .hasStackTraceContaining("report_acknowledgement_reason_check");
    assertThat(DatabaseFingerprint.of(dataSource)).isEqualTo(before);
  }

  @Test
  void anAmendmentReplacesTheCurrentRowsTextsAndIndexAndTheOldVersionKeepsItsOwn()
      throws Exception {
    Map<String, String> texts1 = ReportDocuments.wolongTexts();
    Map<String, String> texts2 = new LinkedHashMap<>(texts1);
    texts2.put("s1", texts1.get("s1") + "\n本年度新增政务公开专栏，集中发布重大决策预公开事项和解读材料。");
    texts2.put("s5", "存在的主要问题是信息发布的及时性还有待提高，改进措施是建立逐月督查通报制度并落实到人。");
    texts2.remove("s6");
    ReportDocuments.Builder v1 = ReportDocuments.fmt2021().texts(texts1);
    ReportDocuments.Builder v2 = ReportDocuments.fmt2021().texts(texts2).oneMoreGranted();

    Response first = put("320105", 2022, v1.json(), null);
    first.then().statusCode(201);
    put("320105", 2022, v2.json(), first.header("ETag"))
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("cells.'s3.granted.natural'", equalTo((int) v2.count("s3.granted.natural")))
        .body("texts.s6", equalTo(null));

    int[] perSection = rowsPerSection(FormatVersion.FMT2021);
    try (Connection c = dataSource.getConnection()) {
      // one current version; both versions hold a full set of rows, each its own values
      assertThat(
              rows(
                  c,
                  """
          SELECT v.version || ' ' || v.status || ' ' || (r.current_version = v.version)
                 || ' s2=' || (SELECT count(*) FROM report_s2_row t WHERE t.version_id = v.id)
                 || ' s3=' || (SELECT count(*) FROM report_s3_row t WHERE t.version_id = v.id)
                 || ' s4=' || (SELECT count(*) FROM report_s4_row t WHERE t.version_id = v.id)
                 || ' granted=' || (SELECT natural_person FROM report_s3_row t
                                     WHERE t.version_id = v.id AND t.row_key = 'granted')
                 || ' texts=' || (SELECT string_agg(section, ',' ORDER BY section) FROM report_text t
                                   WHERE t.version_id = v.id)
            FROM report r JOIN report_version v ON v.report_id = r.id
           WHERE r.unit_code = ? AND r.year = 2022 ORDER BY v.version"""))
          .containsExactly(
              "1 SUPERSEDED false s2=%d s3=%d s4=%d granted=%d texts=s1,s2,s3,s4,s5,s6"
                  .formatted(
                      perSection[2], perSection[3], perSection[4], v1.count("s3.granted.natural")),
              "2 ACCEPTED true s2=%d s3=%d s4=%d granted=%d texts=s1,s2,s3,s4,s5"
                  .formatted(
                      perSection[2], perSection[3], perSection[4], v2.count("s3.granted.natural")));

      // the narrative index holds the amendment's buckets and signature, nothing of the first's
      NarrativeFingerprint fp1 = NarrativeFingerprint.of(texts1);
      NarrativeFingerprint fp2 = NarrativeFingerprint.of(texts2);
      assertThat(fp2.comparable()).isTrue();
      Set<String> expected = new TreeSet<>();
      for (long b : fp2.buckets()) {
        expected.add(Long.toString(b));
      }
      Set<String> dropped = new TreeSet<>();
      for (long b : fp1.buckets()) {
        dropped.add(Long.toString(b));
      }
      dropped.removeAll(expected);
      assertThat(dropped).as("buckets the amendment no longer has").isNotEmpty();
      assertThat(
              new TreeSet<>(
                  rows(
                      c,
                      """
          SELECT b.bucket::text FROM narrative_band b JOIN report r ON r.id = b.report_id
           WHERE r.unit_code = ? AND r.year = 2022 AND b.year = 2022""")))
          .isEqualTo(expected);
      List<String> signature = new ArrayList<>();
      for (int h : fp2.signature()) {
        signature.add(Integer.toString(h));
      }
      assertThat(
              rows(
                  c,
                  """
          SELECT array_to_string(s.signature, ',') || ' minhash=' || coalesce(s.minhash::text, 'NULL')
            FROM narrative_signature s
            JOIN report r ON r.id = s.report_id WHERE r.unit_code = ? AND r.year = 2022"""))
          .containsExactly(String.join(",", signature) + " minhash=NULL");
    }
  }

  @Test
  void aRowTheFormerFingerprintWroteIsIndexedAgain() throws Exception {
    Map<String, String> texts = ReportDocuments.wolongTexts();
    put("320106", 2022, ReportDocuments.fmt2021().texts(texts).json(), null).then().statusCode(201);
    NarrativeFingerprint fp = NarrativeFingerprint.of(texts);
    String signature =
        Arrays.stream(fp.signature()).mapToObj(Integer::toString).collect(joining(","));
    String buckets =
        Arrays.stream(fp.buckets()).mapToObj(Long::toString).sorted().collect(joining(","));
    String report = "(SELECT id FROM report WHERE unit_code = '320106' AND year = 2022)";
    String state =
        """
        SELECT coalesce(array_to_string(s.minhash, ','), '-') || ' | '
               || coalesce(array_to_string(s.signature, ','), '-') || ' | '
               || (SELECT string_agg(b.bucket::text, ',' ORDER BY b.bucket::text)
                     FROM narrative_band b WHERE b.report_id = s.report_id)
          FROM narrative_signature s JOIN report r ON r.id = s.report_id
         WHERE r.unit_code = ? AND r.year = 2022""";
    String indexed = "- | " + String.join(",", signature) + " | " + String.join(",", buckets);
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      assertThat(rows(c, "320106", state)).containsExactly(indexed);
      // what a replica of the previous release writes during a rolling update: its own minhash
      // (its upsert sets that column alone) and its own buckets
      st.executeUpdate(
          "UPDATE narrative_signature SET minhash = array_fill(7, ARRAY[128]) WHERE report_id = "
              + report);
      st.executeUpdate("DELETE FROM narrative_band WHERE report_id = " + report);
      st.executeUpdate(
          "INSERT INTO narrative_band (year, bucket, report_id) SELECT 2022, 42, " + report);
      assertThat(rows(c, "320106", state))
          .containsExactly(
              String.join(",", Collections.nCopies(128, "7")) + " | " + signature + " | 42");

      assertThat(narratives.reindexFormer()).isEqualTo(1);
      assertThat(rows(c, "320106", state)).containsExactly(indexed);
      assertThat(narratives.reindexFormer()).isZero();
    }
  }

  private static Response put(String unit, int year, String json, String ifMatch) {
    var request = asAdmin().contentType(ContentType.JSON).body(json);
    if (ifMatch != null) {
      request = request.header("If-Match", ifMatch);
    }
    return request.when().put("/api/v1/units/{u}/reports/{y}", unit, year);
  }

  /** How many printed rows each section of a format has, by section number. */
  private static int[] rowsPerSection(FormatVersion format) {
    Set<String> rows = new LinkedHashSet<>();
    int[] out = new int[5];
    for (CellDefinition cell : Catalogue.of(format).cells()) {
      if (rows.add(cell.section() + "|" + cell.rowKey())) {
        out[cell.section()]++;
      }
    }
    return out;
  }

  /** The first column of {@code sql}'s rows, its one parameter the unit 320105. */
  private static List<String> rows(Connection c, String sql) throws SQLException {
    return rows(c, "320105", sql);
  }

  /** The first column of {@code sql}'s rows, its one parameter {@code unit}. */
  private static List<String> rows(Connection c, String unit, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, unit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}

package org.nianbao.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.nianbao.report.ReportStore;
import org.nianbao.security.Caller;
import org.nianbao.testsupport.DatabaseFingerprint;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.NarrativeFingerprint;
import org.nianbao.validation.ReportDocument;
import org.nianbao.validation.Validator;

/**
 * The rules the typed report rows keep in the database (V18): every row belongs to an existing
 * version of its format and is a row of row_def, checked once per statement over all the rows it
 * wrote; the rows follow their version when it goes. Each case runs in a transaction rolled back.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ReportRowChecksTest {

  private static final String UNIT = "320102";
  private static final int YEAR = 2016;

  @Inject ReportStore store;
  @Inject DataSource dataSource;

  /** Thrown at the end of a case to roll its transaction back. */
  private static final class RolledBack extends RuntimeException {
    RolledBack() {
      super("rolled back", null, false, false);
    }
  }

  /** Runs {@code work} in a new transaction and rolls it back (unless the work failed first). */
  private static void rolledBack(Runnable work) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                work.run();
                throw new RolledBack();
              });
    } catch (RuntimeException e) {
      Throwable t = e;
      while (t != null && !(t instanceof RolledBack)) {
        t = t.getCause();
      }
      if (t == null) {
        throw e;
      }
    }
  }

  /** Stores a report, runs {@code sql} after it in the same transaction, and rolls back. */
  private void afterAStoredReport(String sql) {
    rolledBack(() -> execute(sql.replace(":version", Long.toString(storeOne()))));
  }

  private long storeOne() {
    ReportDocument document = ReportDocuments.fmt2021().build();
    return store
        .create(
            UNIT,
            YEAR,
            new ReportStore.NewVersion(
                document,
                Validator.read(document),
                "2".repeat(64),
                null,
                new Caller(null, "test", "ADMIN"),
                "API",
                null,
                0,
                0,
                List.of(),
                NarrativeFingerprint.of(document.texts())))
        .versionId();
  }

  private void execute(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long count(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRowThatIsNotARowOfTheCatalogueIsRefused() throws Exception {
    String before = DatabaseFingerprint.of(dataSource);
    assertThatThrownBy(
            () ->
                afterAStoredReport(
                    "INSERT INTO report_s3_row (version_id, format_version, row_key, total)"
                        + " VALUES (:version, 'FMT2021', 'no_such_row', 1)"))
        .hasStackTraceContaining(
            "new row for relation \"report_s3_row\" violates check constraint"
                + " \"report_s3_row_row_key_check\"")
        .hasStackTraceContaining("Row no_such_row is not a row of section 3 of format FMT2021");
    assertThat(DatabaseFingerprint.of(dataSource)).isEqualTo(before);
  }

  @Test
  void aRowOfTheOtherFormatsCatalogueIsRefused() {
    // 'procurement' is a row of section 2 in FMT2019 only
    assertThatThrownBy(
            () ->
                afterAStoredReport(
                    "INSERT INTO report_s2_row (version_id, format_version, row_key, issued)"
                        + " VALUES (:version, 'FMT2021', 'procurement', 1)"))
        .hasStackTraceContaining("report_s2_row_row_key_check")
        .hasStackTraceContaining("Row procurement is not a row of section 2 of format FMT2021");
  }

  @Test
  void aRowOfNoVersionOrOfAnotherFormatThanItsVersionIsRefused() {
    assertThatThrownBy(
            () ->
                afterAStoredReport(
                    "INSERT INTO report_s4_row (version_id, format_version, row_key, total)"
                        + " SELECT -1, format_version, row_key, 0 FROM report_s4_row"
                        + " WHERE version_id = :version"))
        .hasStackTraceContaining("insert or update on table \"report_s4_row\"")
        .hasStackTraceContaining("(version_id, format_version)=(-1, FMT2021) is not present");
    assertThatThrownBy(
            () ->
                afterAStoredReport(
                    "UPDATE report_s4_row SET format_version = 'FMT2019'"
                        + " WHERE version_id = :version"))
        .hasStackTraceContaining("FMT2019) is not present in table \"report_version\"");
  }

  @Test
  void theRowsGoWithTheirVersionAndAVersionKeepsItsIdAndFormat() throws Exception {
    long[] left = new long[2];
    rolledBack(
        () -> {
          long versionId = storeOne();
          String rows =
              "SELECT (SELECT count(*) FROM report_s2_row WHERE version_id = %1$d)"
                  + " + (SELECT count(*) FROM report_s3_row WHERE version_id = %1$d)"
                  + " + (SELECT count(*) FROM report_s4_row WHERE version_id = %1$d)";
          left[0] = count(rows.formatted(versionId));
          execute("SET CONSTRAINTS report_current_version_fk DEFERRED");
          execute("DELETE FROM report_version WHERE id = " + versionId);
          left[1] = count(rows.formatted(versionId));
        });
    assertThat(left).containsExactly(34, 0);
    assertThatThrownBy(
            () ->
                afterAStoredReport(
                    "UPDATE report_version SET format_version = 'FMT2019' WHERE id = :version"))
        .hasStackTraceContaining("the id and format of a report version do not change");
  }
}

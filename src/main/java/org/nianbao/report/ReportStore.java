package org.nianbao.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.common.Sql;
import org.nianbao.report.ReportViews.StoredReport;
import org.nianbao.report.ReportViews.Submitter;
import org.nianbao.security.Caller;
import org.nianbao.tables.ReportTables;
import org.nianbao.validation.Acknowledgement;
import org.nianbao.validation.CellValues;
import org.nianbao.validation.Finding;
import org.nianbao.validation.Message;
import org.nianbao.validation.ReportDocument;
import org.nianbao.validation.Scope;
import org.nianbao.validation.Severity;

/** SQL access to reports and their versions; runs inside the caller's transaction. */
@ApplicationScoped
public class ReportStore {

  /** The header of a (unit, year) report and its current version. */
  public record Current(
      long reportId, int version, long versionId, String documentSha256, VersionStatus status) {}

  /** A stored version found by its idempotency key. */
  public record Keyed(int version, String documentSha256) {}

  /** What is written with a new version. */
  public record NewVersion(
      ReportDocument document,
      CellValues cells,
      String documentSha256,
      String idempotencyKey,
      Caller caller,
      String origin,
      String sourceSha256,
      int errors,
      int warnings,
      List<Finding> findings) {}

  private final DataSource dataSource;
  private final ObjectMapper json;

  public ReportStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /** Serializes writers of one (unit, year) until the transaction ends. */
  public void lock(String unitCode, int year) {
    run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            ps.setString(1, unitCode + "/" + year);
            ps.execute();
          }
          return null;
        });
  }

  public Optional<Current> current(String unitCode, int year) {
    return run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT r.id, r.current_version, v.id, v.document_sha256, v.status FROM report r"
                      + " JOIN report_version v ON v.report_id = r.id AND v.version = r.current_version"
                      + " WHERE r.unit_code = ? AND r.year = ?")) {
            ps.setString(1, unitCode);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new Current(
                          rs.getLong(1),
                          rs.getInt(2),
                          rs.getLong(3),
                          rs.getString(4),
                          VersionStatus.valueOf(rs.getString(5))))
                  : Optional.<Current>empty();
            }
          }
        });
  }

  public Optional<Keyed> byIdempotencyKey(long reportId, String key) {
    return run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT version, document_sha256 FROM report_version WHERE report_id = ? AND idempotency_key = ?")) {
            ps.setLong(1, reportId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new Keyed(rs.getInt(1), rs.getString(2)))
                  : Optional.<Keyed>empty();
            }
          }
        });
  }

  /** A version just written: its id, number and the database's timestamp. */
  public record Written(long versionId, int version, OffsetDateTime submittedAt) {}

  /** Stores version 1 of a new (unit, year) report. */
  public Written create(String unitCode, int year, NewVersion v) {
    return run(
        c -> {
          long reportId;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO report (unit_code, year, current_version) VALUES (?, ?, 1)",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, unitCode);
            ps.setInt(2, year);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              reportId = keys.getLong(1);
            }
          }
          return insertVersion(c, reportId, 1, v);
        });
  }

  /** Supersedes the current version and stores the next one as current. */
  public Written amend(Current current, NewVersion v) {
    return run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE report_version SET status = ? WHERE id = ?")) {
            ps.setString(1, VersionStatus.SUPERSEDED.name());
            ps.setLong(2, current.versionId());
            ps.executeUpdate();
          }
          int next = current.version() + 1;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE report SET current_version = ?, updated_at = now() WHERE id = ?")) {
            ps.setInt(1, next);
            ps.setLong(2, current.reportId());
            ps.executeUpdate();
          }
          return insertVersion(c, current.reportId(), next, v);
        });
  }

  private Written insertVersion(Connection c, long reportId, int version, NewVersion v)
      throws SQLException {
    ReportDocument d = v.document();
    long versionId;
    OffsetDateTime submittedAt;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO report_version (report_id, version, format_version, scope, status, origin, published_at,"
                + " source_url, source_sha256, document_sha256, idempotency_key, submitted_by_token_id,"
                + " submitted_by, errors, warnings) VALUES (?, ?, ?, ?, 'ACCEPTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " RETURNING id, submitted_at")) {
      ps.setLong(1, reportId);
      ps.setInt(2, version);
      ps.setString(3, d.formatVersion().name());
      ps.setString(4, d.scope().name());
      ps.setString(5, v.origin());
      ps.setObject(6, d.publishedAt());
      ps.setString(7, d.sourceUrl());
      ps.setString(8, v.sourceSha256());
      ps.setString(9, v.documentSha256());
      ps.setString(10, v.idempotencyKey());
      ps.setObject(11, v.caller().tokenId());
      ps.setString(12, v.caller().name());
      ps.setInt(13, v.errors());
      ps.setInt(14, v.warnings());
      try (ResultSet keys = ps.executeQuery()) {
        keys.next();
        versionId = keys.getLong(1);
        submittedAt = keys.getObject(2, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
      }
    }
    ReportTables.insert(c, versionId, d.formatVersion(), v.cells());
    if (!d.texts().isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO report_text (version_id, section, body) VALUES (?, ?, ?)")) {
        for (Map.Entry<String, String> t : d.texts().entrySet()) {
          ps.setLong(1, versionId);
          ps.setString(2, t.getKey());
          ps.setString(3, t.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!d.acknowledgements().isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO report_acknowledgement (version_id, rule, reason) VALUES (?, ?, ?)")) {
        for (Acknowledgement a : d.acknowledgements()) {
          ps.setLong(1, versionId);
          ps.setString(2, a.rule());
          ps.setString(3, a.reason());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    insertFindings(c, versionId, 0, v.findings(), "SUBMISSION");
    NarrativeIndex.write(c, reportId, d.texts());
    return new Written(versionId, version, submittedAt);
  }

  private void insertFindings(
      Connection c, long versionId, int from, List<Finding> findings, String origin)
      throws SQLException {
    if (findings.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO report_finding (version_id, ordinal, rule, severity, cells, expected, actual, message_zh,"
                + " message_en, acknowledgement, origin, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?::jsonb)")) {
      int ordinal = from;
      for (Finding f : findings) {
        ps.setLong(1, versionId);
        ps.setInt(2, ordinal++);
        ps.setString(3, f.rule());
        ps.setString(4, f.severity().name());
        ps.setArray(5, c.createArrayOf("varchar", f.cells().toArray()));
        ps.setString(6, toJson(f.expected()));
        ps.setString(7, toJson(f.actual()));
        ps.setString(8, f.message().zh());
        ps.setString(9, f.message().en());
        ps.setString(10, f.acknowledgement());
        ps.setString(11, origin);
        ps.setString(12, toJson(FindingDetail.of(f)));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Replaces the findings of {@code rules} on a version (a re-check after the previous year
   * changed).
   */
  public void replaceFindings(long versionId, List<String> rules, List<Finding> findings) {
    run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM report_finding WHERE version_id = ? AND rule = ANY (?)")) {
            ps.setLong(1, versionId);
            ps.setArray(2, c.createArrayOf("varchar", rules.toArray()));
            ps.executeUpdate();
          }
          int next = 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT coalesce(max(ordinal) + 1, 0) FROM report_finding WHERE version_id = ?")) {
            ps.setLong(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              next = rs.getInt(1);
            }
          }
          insertFindings(c, versionId, next, findings, "RECHECK");
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE report_version SET"
                      + " errors = (SELECT count(*) FROM report_finding WHERE version_id = ? AND severity = 'ERROR'),"
                      + " warnings = (SELECT count(*) FROM report_finding WHERE version_id = ? AND severity = 'WARNING')"
                      + " WHERE id = ?")) {
            ps.setLong(1, versionId);
            ps.setLong(2, versionId);
            ps.setLong(3, versionId);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** A stored version (the current one when {@code version} is null). */
  public Optional<StoredReport> load(String unitCode, int year, Integer version) {
    return run(
        c -> {
          String sql =
              "SELECT v.id, v.version, v.status, v.format_version, v.scope, v.published_at, v.source_url,"
                  + " v.submitted_at, v.submitted_by_token_id, v.submitted_by, v.origin, v.errors, v.warnings, u.name"
                  + " FROM report r JOIN report_version v ON v.report_id = r.id JOIN unit u ON u.code = r.unit_code"
                  + " WHERE r.unit_code = ? AND r.year = ? AND v.version = "
                  + (version == null ? "r.current_version" : "?");
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, unitCode);
            ps.setInt(2, year);
            if (version != null) {
              ps.setInt(3, version);
            }
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<StoredReport>empty();
              }
              long versionId = rs.getLong(1);
              FormatVersion format = FormatVersion.valueOf(rs.getString(4));
              Long tokenId = rs.getObject(9) == null ? null : rs.getLong(9);
              return Optional.of(
                  new StoredReport(
                      unitCode,
                      rs.getString(14),
                      year,
                      rs.getInt(2),
                      VersionStatus.valueOf(rs.getString(3)),
                      format,
                      Scope.valueOf(rs.getString(5)),
                      rs.getObject(6, LocalDate.class),
                      rs.getString(7),
                      ReportTables.load(c, versionId, format),
                      texts(c, versionId),
                      acknowledgements(c, versionId),
                      rs.getObject(8, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                      new Submitter(tokenId, rs.getString(10)),
                      rs.getString(11),
                      rs.getInt(12),
                      rs.getInt(13),
                      findings(c, versionId)));
            }
          }
        });
  }

  /** The stored SHA-256 of a version's submitted document (the basis of its ETag). */
  public String documentSha256(String unitCode, int year, int version) {
    return run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT v.document_sha256 FROM report r JOIN report_version v ON v.report_id = r.id"
                      + " WHERE r.unit_code = ? AND r.year = ? AND v.version = ?")) {
            ps.setString(1, unitCode);
            ps.setInt(2, year);
            ps.setInt(3, version);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getString(1);
            }
          }
        });
  }

  /** All version numbers of a report, oldest first. */
  public List<Integer> versions(String unitCode, int year) {
    return run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT v.version FROM report r JOIN report_version v ON v.report_id = r.id"
                      + " WHERE r.unit_code = ? AND r.year = ? ORDER BY v.version")) {
            ps.setString(1, unitCode);
            ps.setInt(2, year);
            List<Integer> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getInt(1));
              }
            }
            return out;
          }
        });
  }

  private static Map<String, String> texts(Connection c, long versionId) throws SQLException {
    Map<String, String> texts = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT section, body FROM report_text WHERE version_id = ? ORDER BY section")) {
      ps.setLong(1, versionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          texts.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return texts;
  }

  private static List<Acknowledgement> acknowledgements(Connection c, long versionId)
      throws SQLException {
    List<Acknowledgement> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT rule, reason FROM report_acknowledgement WHERE version_id = ? ORDER BY rule")) {
      ps.setLong(1, versionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Acknowledgement(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return out;
  }

  private List<Finding> findings(Connection c, long versionId) throws SQLException {
    List<Finding> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT rule, severity, cells, expected::text, actual::text, message_zh, message_en, acknowledgement,"
                + " detail::text FROM report_finding WHERE version_id = ? ORDER BY ordinal")) {
      ps.setLong(1, versionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Array cells = rs.getArray(3);
          FindingDetail d = detail(rs.getString(9));
          out.add(
              new Finding(
                      rs.getString(1),
                      Severity.valueOf(rs.getString(2)),
                      List.of((String[]) cells.getArray()),
                      fromJson(rs.getString(4)),
                      fromJson(rs.getString(5)),
                      new Message(rs.getString(6), rs.getString(7)),
                      rs.getString(8))
                  .withDetail(d.span(), d.ref(), d.similarity(), d.sharedSpans()));
        }
      }
    }
    return out;
  }

  private FindingDetail detail(String text) throws SQLException {
    if (text == null) {
      return FindingDetail.NONE;
    }
    try {
      return json.readValue(text, FindingDetail.class);
    } catch (JsonProcessingException e) {
      throw new SQLException("Cannot read finding detail", e);
    }
  }

  private String toJson(Object value) throws SQLException {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new SQLException("Cannot serialize finding value", e);
    }
  }

  private JsonNode fromJson(String text) throws SQLException {
    if (text == null) {
      return null;
    }
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new SQLException("Cannot read finding value", e);
    }
  }

  /** Timestamps as UTC offsets. */
  static OffsetDateTime utc(Timestamp ts) {
    return ts == null ? null : ts.toInstant().atOffset(ZoneOffset.UTC);
  }

  public <T> T run(Sql.Work<T> work) {
    return Sql.run(dataSource, "Report storage failed / 报告存储失败", work);
  }
}

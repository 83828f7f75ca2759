package org.nianbao.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.nianbao.unit.Unit;
import org.nianbao.unit.UnitRepository;
import org.nianbao.validation.Acknowledgement;
import org.nianbao.validation.CellValues;
import org.nianbao.validation.Finding;
import org.nianbao.validation.Message;
import org.nianbao.validation.NarrativeFingerprint;
import org.nianbao.validation.ReportDocument;
import org.nianbao.validation.Scope;
import org.nianbao.validation.Severity;

/** SQL access to reports and their versions; runs inside the caller's transaction. */
@ApplicationScoped
public class ReportStore {

  /** The header of a (unit, year) report and its current version. */
  public record Current(
      long reportId,
      int year,
      int version,
      long versionId,
      String documentSha256,
      VersionStatus status,
      FormatVersion format,
      Scope scope,
      LocalDate publishedAt,
      String sourceUrl) {}

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
      List<Finding> findings,
      NarrativeFingerprint fingerprint) {}

  private static final String CURRENT =
      """
      SELECT r.id, r.year, r.current_version, v.id, v.document_sha256, v.status, v.format_version, v.scope,
             v.published_at, v.source_url
        FROM report r JOIN report_version v ON v.report_id = r.id AND v.version = r.current_version
       WHERE r.unit_code = ? AND r.year BETWEEN ? AND ?""";

  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))";

  private final DataSource dataSource;
  private final ObjectMapper json;

  public ReportStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /** What {@link #open} read: the current versions by year, and the unit when asked. */
  public record Opened(Map<Integer, Current> versions, Unit unit) {}

  /**
   * Opens a submission of the (unit, year) report, in one round trip: takes the write locks of
   * (unit, year) and (unit, year + 1) until the transaction ends (always in increasing year order,
   * so writers never deadlock; the next year's, because storing a year re-checks the next one),
   * then reads the current versions of years {@code year - 1} to {@code year + 1}, keyed by year,
   * and, when {@code readUnit}, the unit with its region ({@link UnitRepository#BY_CODE}; null if
   * there is no such unit: the locks are then released with the transaction, having guarded
   * nothing). The statements are sent together; the reads run after the locks are granted, so they
   * see every writer that held them.
   */
  public Opened open(String unitCode, int year, boolean readUnit) {
    return run(
        c -> {
          String sql = LOCK + ";\n" + LOCK + ";\n" + CURRENT;
          try (PreparedStatement ps =
              c.prepareStatement(readUnit ? sql + ";\n" + UnitRepository.BY_CODE : sql)) {
            ps.setString(1, unitCode + "/" + year);
            ps.setString(2, unitCode + "/" + (year + 1));
            ps.setString(3, unitCode);
            ps.setInt(4, year - 1);
            ps.setInt(5, year + 1);
            if (readUnit) {
              ps.setString(6, unitCode);
            }
            ps.execute();
            ps.getMoreResults();
            ps.getMoreResults();
            Map<Integer, Current> versions;
            try (ResultSet rs = ps.getResultSet()) {
              versions = currents(rs);
            }
            if (!readUnit) {
              return new Opened(versions, null);
            }
            ps.getMoreResults();
            try (ResultSet rs = ps.getResultSet()) {
              return new Opened(versions, UnitRepository.read(rs));
            }
          }
        });
  }

  /** The current version of (unit, year), without locking. */
  public Optional<Current> current(String unitCode, int year) {
    return run(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(CURRENT)) {
            ps.setString(1, unitCode);
            ps.setInt(2, year);
            ps.setInt(3, year);
            try (ResultSet rs = ps.executeQuery()) {
              return Optional.ofNullable(currents(rs).get(year));
            }
          }
        });
  }

  private static Map<Integer, Current> currents(ResultSet rs) throws SQLException {
    Map<Integer, Current> out = new HashMap<>();
    while (rs.next()) {
      out.put(
          rs.getInt(2),
          new Current(
              rs.getLong(1),
              rs.getInt(2),
              rs.getInt(3),
              rs.getLong(4),
              rs.getString(5),
              VersionStatus.valueOf(rs.getString(6)),
              FormatVersion.valueOf(rs.getString(7)),
              Scope.valueOf(rs.getString(8)),
              rs.getObject(9, LocalDate.class),
              rs.getString(10)));
    }
    return out;
  }

  /**
   * The document of a stored version as the rules read it (the previous or the next year's report):
   * its cells, texts and acknowledgements, three queries in one round trip; no findings, no
   * submitter.
   */
  public ReportDocument document(Current version) {
    return run(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(DOCUMENT)) {
            int p = 1;
            while (p <= ReportTables.READ_ROWS_PARAMETERS + 2) {
              ps.setLong(p++, version.versionId());
            }
            ps.execute();
            return readDocument(ps, version);
          }
        });
  }

  /**
   * The document of {@link #DOCUMENT}'s three results, the statement on the first of them; leaves
   * it on the last.
   */
  private static ReportDocument readDocument(PreparedStatement ps, Current version)
      throws SQLException {
    Map<String, JsonNode> cells;
    try (ResultSet rs = ps.getResultSet()) {
      cells = ReportTables.cells(rs, version.format());
    }
    ps.getMoreResults();
    Map<String, String> texts = new LinkedHashMap<>();
    try (ResultSet rs = ps.getResultSet()) {
      while (rs.next()) {
        texts.put(rs.getString(1), rs.getString(2));
      }
    }
    ps.getMoreResults();
    List<Acknowledgement> acknowledgements = new ArrayList<>();
    try (ResultSet rs = ps.getResultSet()) {
      while (rs.next()) {
        acknowledgements.add(new Acknowledgement(rs.getString(1), rs.getString(2)));
      }
    }
    return new ReportDocument(
        version.format(),
        version.scope(),
        version.publishedAt(),
        version.sourceUrl(),
        cells,
        texts,
        acknowledgements);
  }

  private static final String TEXTS =
      "SELECT section, body FROM report_text WHERE version_id = ? ORDER BY section";
  private static final String ACKNOWLEDGEMENTS =
      "SELECT rule, reason FROM report_acknowledgement WHERE version_id = ? ORDER BY rule";
  private static final String DOCUMENT =
      ReportTables.READ_ROWS + ";\n" + TEXTS + ";\n" + ACKNOWLEDGEMENTS;

  /**
   * The document of the current version of (unit, year), if any: what the rules read of a previous
   * year in a dry run. Its findings, submitter and unit name are not read (loading them made up a
   * fifth of a dry run's CPU).
   */
  public Optional<ReportDocument> currentDocument(String unitCode, int year) {
    return run(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(CURRENT_DOCUMENT)) {
            bindCurrentDocument(ps, 1, unitCode, year);
            ps.execute();
            return readCurrentDocument(ps, year);
          }
        });
  }

  /** Each version id parameter of {@link #DOCUMENT} as the current version of (unit, year). */
  private static final String CURRENT_ID =
      "(SELECT v.id FROM report r JOIN report_version v ON v.report_id = r.id"
          + " AND v.version = r.current_version WHERE r.unit_code = ? AND r.year = ?)";

  private static final int DOCUMENT_PARAMETERS = ReportTables.READ_ROWS_PARAMETERS + 2;

  /**
   * The current version of (unit, year) and its document in one round trip (four results): the
   * document's statements find the version themselves instead of waiting for its id. Bind with
   * {@link #bindCurrentDocument}, read with {@link #readCurrentDocument}.
   */
  static final String CURRENT_DOCUMENT = CURRENT + ";\n" + DOCUMENT.replace("?", CURRENT_ID);

  static {
    if (DOCUMENT.chars().filter(ch -> ch == '?').count() != DOCUMENT_PARAMETERS) {
      throw new IllegalStateException("DOCUMENT has a '?' that is not a version id parameter");
    }
  }

  /**
   * Binds {@link #CURRENT_DOCUMENT} from parameter {@code first}; returns the next parameter's
   * index.
   */
  static int bindCurrentDocument(PreparedStatement ps, int first, String unitCode, int year)
      throws SQLException {
    ps.setString(first, unitCode);
    ps.setInt(first + 1, year);
    ps.setInt(first + 2, year);
    int p = first + 3;
    for (int i = 0; i < DOCUMENT_PARAMETERS; i++) {
      ps.setString(p++, unitCode);
      ps.setInt(p++, year);
    }
    return p;
  }

  /**
   * The document of a {@link #CURRENT_DOCUMENT} execution, the statement on its first result;
   * leaves it on the last of the four (empty when there is no such report).
   */
  static Optional<ReportDocument> readCurrentDocument(PreparedStatement ps, int year)
      throws SQLException {
    Current current;
    try (ResultSet rs = ps.getResultSet()) {
      current = currents(rs).get(year);
    }
    ps.getMoreResults();
    if (current == null) {
      ps.getMoreResults(); // no version: the document's results are empty
      ps.getMoreResults();
      return Optional.empty();
    }
    return Optional.of(readDocument(ps, current));
  }

  /** The cells of a stored version (what an amendment takes out of the rollups). */
  public Map<String, JsonNode> cells(Current version) {
    return run(c -> ReportTables.load(c, version.versionId(), version.format()));
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

  private static final String VERSION_COLUMNS =
      "report_id, version, format_version, scope, status, origin, published_at, source_url,"
          + " source_sha256, document_sha256, idempotency_key, submitted_by_token_id, submitted_by,"
          + " errors, warnings";

  private static final String FINDING_COLUMNS =
      "version_id, ordinal, rule, severity, cells, expected, actual, message_zh, message_en,"
          + " acknowledgement, origin, detail";

  /**
   * The findings of a version from one JSON array parameter (built by {@link #findingsJson}): the
   * version id and origin are the first two expressions.
   */
  private static String findingRows(String versionId, String origin, String from) {
    return "SELECT "
        + versionId
        + ", (f->>'ordinal')::integer, f->>'rule', f->>'severity',"
        + " ARRAY(SELECT jsonb_array_elements_text(f->'cells'))::varchar[], f->'expected',"
        + " f->'actual', f->>'message_zh', f->>'message_en', f->>'acknowledgement', "
        + origin
        + ", f->'detail' FROM "
        + from
        + "jsonb_array_elements(?::jsonb) AS f";
  }

  /**
   * Stores a version and everything under it in one statement: the version row (whose report id is
   * {@code reportId}, an expression), its typed rows (one INSERT per section table, the rows as
   * arrays), texts, acknowledgements and findings; returns the version's id and timestamp. Nothing
   * is read back but those.
   */
  private static String insertVersion(String with, String reportId) {
    return "WITH "
        + with
        + "version AS (INSERT INTO report_version ("
        + VERSION_COLUMNS
        + ") VALUES ("
        + reportId
        + ", ?, ?, ?, 'ACCEPTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " RETURNING id, report_id, format_version, submitted_at)"
        + ReportTables.insertRowsWith("version")
        + ",\ntexts AS (INSERT INTO report_text (version_id, section, body)"
        + " SELECT v.id, x.* FROM version v, unnest(?::varchar[], ?::text[]) AS x)"
        + ",\nacknowledgements AS (INSERT INTO report_acknowledgement (version_id, rule, reason)"
        + " SELECT v.id, x.* FROM version v, unnest(?::varchar[], ?::varchar[]) AS x)"
        + ",\nfindings AS (INSERT INTO report_finding ("
        + FINDING_COLUMNS
        + ") "
        + findingRows("v.id", "'SUBMISSION'", "version v, ")
        + "),\n"
        + NarrativeIndex.writeWith("version")
        + "\nSELECT id, report_id, submitted_at FROM version";
  }

  private static final String CREATE =
      insertVersion(
          "header AS (INSERT INTO report (unit_code, year, current_version) VALUES (?, ?, 1)"
              + " RETURNING id),\n",
          "(SELECT id FROM header)");

  private static final String AMEND = insertVersion("", "?");

  private static final String SUPERSEDE =
      """
      WITH superseded AS (UPDATE report_version SET status = 'SUPERSEDED' WHERE id = ?)
      UPDATE report SET current_version = ?, updated_at = now() WHERE id = ?""";

  /**
   * Stores version 1 of a new (unit, year) report: one statement, and one for the narrative index.
   */
  public Written create(String unitCode, int year, NewVersion v) {
    return run(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(CREATE)) {
            ps.setString(1, unitCode);
            ps.setInt(2, year);
            ps.setInt(3, 1);
            bindVersion(ps, 4, unitCode, year, v);
            return written(ps, 1);
          }
        });
  }

  /**
   * Supersedes the current version of the (unit, year) report and stores the next one as current:
   * two statements, and one for the narrative index.
   */
  public Written amend(String unitCode, Current current, NewVersion v) {
    int next = current.version() + 1;
    return run(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(SUPERSEDE)) {
            ps.setLong(1, current.versionId());
            ps.setInt(2, next);
            ps.setLong(3, current.reportId());
            ps.executeUpdate();
          }
          try (PreparedStatement ps = c.prepareStatement(AMEND)) {
            ps.setLong(1, current.reportId());
            ps.setInt(2, next);
            bindVersion(ps, 3, unitCode, current.year(), v);
            return written(ps, next);
          }
        });
  }

  /**
   * Binds the version's columns from {@code p} on, then its rows, texts, findings and narrative
   * index rows.
   */
  private void bindVersion(PreparedStatement ps, int p, String unitCode, int year, NewVersion v)
      throws SQLException {
    ReportDocument d = v.document();
    ps.setString(p++, d.formatVersion().name());
    ps.setString(p++, d.scope().name());
    ps.setString(p++, v.origin());
    ps.setObject(p++, d.publishedAt());
    ps.setString(p++, d.sourceUrl());
    ps.setString(p++, v.sourceSha256());
    ps.setString(p++, v.documentSha256());
    ps.setString(p++, v.idempotencyKey());
    ps.setObject(p++, v.caller().tokenId());
    ps.setString(p++, v.caller().name());
    ps.setInt(p++, v.errors());
    ps.setInt(p++, v.warnings());
    p = ReportTables.bindRows(ps, p, d.formatVersion(), v.cells());
    Connection c = ps.getConnection();
    ps.setArray(p++, c.createArrayOf("varchar", d.texts().keySet().toArray()));
    ps.setArray(p++, c.createArrayOf("text", d.texts().values().toArray()));
    ps.setArray(
        p++,
        c.createArrayOf(
            "varchar", d.acknowledgements().stream().map(Acknowledgement::rule).toArray()));
    ps.setArray(
        p++,
        c.createArrayOf(
            "varchar", d.acknowledgements().stream().map(Acknowledgement::reason).toArray()));
    ps.setString(p++, findingsJson(0, v.findings()));
    NarrativeIndex.bindWrite(ps, p, unitCode, year, v.fingerprint());
  }

  /** Runs the bound version statement (which also rewrites the report's narrative index rows). */
  private static Written written(PreparedStatement ps, int version) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new Written(
          rs.getLong(1),
          version,
          rs.getObject(3, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
    }
  }

  /**
   * The findings as the one JSON array {@link #findingRows} reads, numbered from {@code from}: one
   * string for the whole list. A value that is absent stays SQL NULL.
   */
  private String findingsJson(int from, List<Finding> findings) throws SQLException {
    ArrayNode out = json.createArrayNode();
    int ordinal = from;
    for (Finding f : findings) {
      ObjectNode o = out.addObject();
      o.put("ordinal", ordinal++);
      o.put("rule", f.rule());
      o.put("severity", f.severity().name());
      ArrayNode cells = o.putArray("cells");
      f.cells().forEach(cells::add);
      putIfPresent(o, "expected", f.expected());
      putIfPresent(o, "actual", f.actual());
      o.put("message_zh", f.message().zh());
      o.put("message_en", f.message().en());
      o.put("acknowledgement", f.acknowledgement());
      putIfPresent(o, "detail", FindingDetail.of(f));
    }
    try {
      return json.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new SQLException("Cannot serialize findings", e);
    }
  }

  /**
   * A value as the mapper writes it, verbatim (a tree would normalize numbers: 100.0 → 1E+2), so
   * the stored JSON is the one the finding had before.
   */
  private void putIfPresent(ObjectNode o, String field, Object value) throws SQLException {
    if (value != null) {
      try {
        o.putRawValue(field, new RawValue(json.writeValueAsString(value)));
      } catch (JsonProcessingException e) {
        throw new SQLException("Cannot serialize finding value", e);
      }
    }
  }

  private void insertFindings(
      Connection c, long versionId, int from, List<Finding> findings, String origin)
      throws SQLException {
    if (findings.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO report_finding ("
                + FINDING_COLUMNS
                + ") "
                + findingRows("?::bigint", "?", ""))) {
      ps.setLong(1, versionId);
      ps.setString(2, origin);
      ps.setString(3, findingsJson(from, findings));
      ps.executeUpdate();
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
    try (PreparedStatement ps = c.prepareStatement(TEXTS)) {
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
    try (PreparedStatement ps = c.prepareStatement(ACKNOWLEDGEMENTS)) {
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

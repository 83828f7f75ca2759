package org.nianbao.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.nianbao.common.Sql;
import org.nianbao.security.Caller;

/** The batches and their documents in PostgreSQL (tables import_batch, import_batch_document). */
@ApplicationScoped
public class ImportBatchStore {

  /** A batch's header. */
  record Batch(
      UUID id,
      boolean submit,
      Caller caller,
      int total,
      OffsetDateTime createdAt,
      OffsetDateTime finishedAt) {}

  /** What became of one document (content aside). */
  record Document(
      int position,
      String fileName,
      String mediaType,
      String status,
      String unit,
      String unitName,
      Integer year,
      Integer cellsRead,
      Integer cellsTotal,
      Integer errorCount,
      Integer warningCount,
      Integer version,
      JsonNode findings,
      JsonNode problem) {}

  /** A document still to be read. */
  record Pending(UUID batchId, int position, String fileName, String mediaType, byte[] content) {}

  private final DataSource dataSource;
  private final ObjectMapper json;

  public ImportBatchStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  void create(UUID id, boolean submit, Caller caller, List<BatchArchive.Entry> entries) {
    run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO import_batch (id, submit, token_id, token_name, token_scope, total)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setBoolean(2, submit);
            ps.setObject(3, caller.tokenId(), Types.BIGINT);
            ps.setString(4, caller.name());
            ps.setString(5, caller.scope());
            ps.setInt(6, entries.size());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO import_batch_document (batch_id, position, file_name, media_type, content)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < entries.size(); i++) {
              BatchArchive.Entry e = entries.get(i);
              ps.setObject(1, id);
              ps.setInt(2, i + 1);
              ps.setString(3, e.fileName());
              ps.setString(4, e.mediaType());
              ps.setBytes(5, e.content());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  Optional<Batch> batch(UUID id) {
    return run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT submit, token_id, token_name, token_scope, total, created_at, finished_at"
                      + " FROM import_batch WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Batch>empty();
              }
              Caller caller =
                  new Caller(rs.getObject(2, Long.class), rs.getString(3), rs.getString(4));
              return Optional.of(
                  new Batch(
                      id,
                      rs.getBoolean(1),
                      caller,
                      rs.getInt(5),
                      rs.getObject(6, OffsetDateTime.class),
                      rs.getObject(7, OffsetDateTime.class)));
            }
          }
        });
  }

  List<Document> documents(UUID id) {
    return run(
        c -> {
          List<Document> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT position, file_name, media_type, status, unit_code, unit_name, year, cells_read, cells_total,"
                      + " error_count, warning_count, version, findings::text, problem::text"
                      + " FROM import_batch_document WHERE batch_id = ? ORDER BY position")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Document(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, Integer.class),
                        rs.getObject(8, Integer.class),
                        rs.getObject(9, Integer.class),
                        rs.getObject(10, Integer.class),
                        rs.getObject(11, Integer.class),
                        rs.getObject(12, Integer.class),
                        parse(rs.getString(13)),
                        parse(rs.getString(14))));
              }
            }
          }
          return out;
        });
  }

  /** Every document not read yet, oldest batch first: what a restart resumes. */
  List<Pending> pendingKeys() {
    return run(
        c -> {
          List<Pending> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT d.batch_id, d.position FROM import_batch_document d JOIN import_batch b ON b.id = d.batch_id"
                      + " WHERE d.status = 'PENDING' ORDER BY b.created_at, d.batch_id, d.position")) {
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new Pending(rs.getObject(1, UUID.class), rs.getInt(2), null, null, null));
              }
            }
          }
          return out;
        });
  }

  /** The document with its content, if it is still pending. */
  Optional<Pending> pending(UUID id, int position) {
    return run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT file_name, media_type, content FROM import_batch_document"
                      + " WHERE batch_id = ? AND position = ? AND status = 'PENDING'")) {
            ps.setObject(1, id);
            ps.setInt(2, position);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new Pending(id, position, rs.getString(1), rs.getString(2), rs.getBytes(3)))
                  : Optional.<Pending>empty();
            }
          }
        });
  }

  /**
   * Records what became of a pending document, drops its content, and closes the batch after its
   * last one.
   */
  void finish(UUID id, Document d) {
    run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE import_batch_document SET status = ?, unit_code = ?, unit_name = ?, year = ?, cells_read = ?,"
                      + " cells_total = ?, error_count = ?, warning_count = ?, version = ?, findings = ?::jsonb,"
                      + " problem = ?::jsonb, content = NULL, finished_at = now()"
                      + " WHERE batch_id = ? AND position = ? AND status = 'PENDING'")) {
            ps.setString(1, d.status());
            ps.setString(2, d.unit());
            ps.setString(3, d.unitName());
            ps.setObject(4, d.year(), Types.INTEGER);
            ps.setObject(5, d.cellsRead(), Types.INTEGER);
            ps.setObject(6, d.cellsTotal(), Types.INTEGER);
            ps.setObject(7, d.errorCount(), Types.INTEGER);
            ps.setObject(8, d.warningCount(), Types.INTEGER);
            ps.setObject(9, d.version(), Types.INTEGER);
            ps.setString(10, d.findings() == null ? "[]" : d.findings().toString());
            ps.setString(11, d.problem() == null ? null : d.problem().toString());
            ps.setObject(12, id);
            ps.setInt(13, d.position());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE import_batch SET finished_at = now() WHERE id = ? AND finished_at IS NULL AND NOT EXISTS"
                      + " (SELECT 1 FROM import_batch_document WHERE batch_id = ? AND status = 'PENDING')")) {
            ps.setObject(1, id);
            ps.setObject(2, id);
            ps.executeUpdate();
          }
          return null;
        });
  }

  JsonNode tree(Object value) {
    return json.valueToTree(value);
  }

  private JsonNode parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T run(Sql.Work<T> work) {
    return Sql.run(dataSource, "Import batch storage failed / 批量导入存储失败", work);
  }
}

package org.nianbao.report;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nianbao.common.Background;
import org.nianbao.common.Sql;
import org.nianbao.validation.NarrativeFingerprint;
import org.nianbao.validation.NarrativeOverlap;
import org.nianbao.validation.NarrativeSource;
import org.nianbao.validation.TextSpan;

/**
 * The TXT-06 index: a MinHash signature of sections 一 and 五 of every current report and its band
 * buckets ({@code narrative_signature}, {@code narrative_band}). Candidates for a copy are the
 * reports sharing a bucket, found through the (year, bucket) primary key — never by comparing with
 * every report.
 */
@ApplicationScoped
public class NarrativeIndex implements NarrativeSource {

  private static final Logger LOG = Logger.getLogger(NarrativeIndex.class.getName());
  private static final int BACKFILL_BATCH = 500;

  /** A stored report near another one. */
  public record Similar(String unit, int year, int similarity, List<TextSpan> sharedSpans) {}

  private final DataSource dataSource;
  private final Duration reindexEvery;

  public NarrativeIndex(
      DataSource dataSource,
      @ConfigProperty(name = "nianbao.narratives.reindex-every", defaultValue = "60s")
          Duration reindexEvery) {
    this.dataSource = dataSource;
    this.reindexEvery = reindexEvery;
  }

  /**
   * The index rows of a report from the narrative of its new current version, as common table
   * expressions of a statement in which the CTE (or table) {@code source} holds the report's id in
   * its column {@code report_id}: the signature (NULL when the narrative is too short to compare)
   * and the band buckets. Buckets the report no longer has are deleted, new ones added, the ones it
   * keeps left alone (the delete and the insert touch different rows). {@code minhash}, the former
   * computation's column, is cleared: set, it marks a row to index again (V19). The version
   * statement of {@link ReportStore} ends with these, so a submission writes its index in the same
   * round trip as its version; {@link #bindWrite} binds their parameters.
   */
  static String writeWith(String source) {
    return "signature AS (\n"
        + "  INSERT INTO narrative_signature (report_id, unit_code, year, minhash, signature)\n"
        + "  SELECT s.report_id, ?, ?, NULL, ?::integer[] FROM "
        + source
        + " s\n"
        + "  ON CONFLICT (report_id) DO UPDATE SET minhash = NULL, signature = excluded.signature),\n"
        + "gone AS (DELETE FROM narrative_band b USING "
        + source
        + " s\n"
        + "  WHERE b.report_id = s.report_id AND NOT (b.bucket = ANY (?::bigint[]))),\n"
        + "bands AS (INSERT INTO narrative_band (year, bucket, report_id)\n"
        + "  SELECT ?, x, s.report_id FROM "
        + source
        + " s, unnest(?::bigint[]) AS x\n"
        + "  ON CONFLICT DO NOTHING)";
  }

  /** Binds the parameters of {@link #writeWith} from {@code p} on; returns the next position. */
  static int bindWrite(PreparedStatement ps, int p, String unit, int year, NarrativeFingerprint fp)
      throws SQLException {
    Connection c = ps.getConnection();
    boolean comparable = fp.comparable();
    Array buckets = c.createArrayOf("bigint", comparable ? box(fp.buckets()) : new Object[0]);
    ps.setString(p++, unit);
    ps.setInt(p++, year);
    ps.setArray(p++, comparable ? c.createArrayOf("integer", box(fp.signature())) : null);
    ps.setArray(p++, buckets);
    ps.setInt(p++, year);
    ps.setArray(p++, buckets);
    return p;
  }

  /** {@link #writeWith} on its own, for the report whose id is the first parameter. */
  private static final String WRITE =
      "WITH source AS (SELECT ?::bigint AS report_id),\n" + writeWith("source") + "\nSELECT 1";

  /** Rewrites the index rows of a report (the start-up backfill and the re-index pass). */
  static void write(Connection c, long reportId, String unit, int year, NarrativeFingerprint fp)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(WRITE)) {
      ps.setLong(1, reportId);
      bindWrite(ps, 2, unit, year, fp);
      ps.execute();
    }
  }

  @Override
  public List<Peer> candidates(NarrativeFingerprint fingerprint, String unit, int year, int limit) {
    if (!fingerprint.comparable()) {
      return List.of();
    }
    return run(c -> peers(c, fingerprint, List.of(year), unit, limit));
  }

  /**
   * The stored reports nearest to the (unit, year) report: the unit's own previous report and other
   * units' reports of the same year sharing a bucket, by exact similarity; empty when the report
   * does not exist.
   */
  public Optional<List<Similar>> similar(String unit, int year, int limit) {
    return run(
        c -> {
          Map<String, String> texts = texts(c, unit, year);
          if (texts == null) {
            return Optional.empty();
          }
          NarrativeFingerprint mine = NarrativeFingerprint.of(texts);
          if (!mine.comparable()) {
            return Optional.of(List.of());
          }
          List<Peer> peers = new ArrayList<>(peers(c, mine, List.of(year), unit, limit * 2));
          Map<String, String> previous = texts(c, unit, year - 1);
          if (previous != null) {
            peers.add(new Peer(unit, year - 1, previous));
          }
          List<Similar> out = new ArrayList<>();
          for (Peer p : peers) {
            int percent =
                (int) Math.floor(mine.similarity(NarrativeFingerprint.of(p.texts())) * 100 + 1e-9);
            out.add(
                new Similar(
                    p.unit(), p.year(), percent, NarrativeOverlap.sharedSpans(texts, p.texts())));
          }
          out.sort(
              Comparator.comparingInt(Similar::similarity)
                  .reversed()
                  .thenComparing(Similar::unit)
                  .thenComparingInt(Similar::year));
          return Optional.of(List.copyOf(out.subList(0, Math.min(limit, out.size()))));
        });
  }

  private static List<Peer> peers(
      Connection c, NarrativeFingerprint fp, List<Integer> years, String exceptUnit, int limit)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PEERS)) {
      bindPeers(ps, 1, fp, years, exceptUnit, limit);
      try (ResultSet rs = ps.executeQuery()) {
        return readPeers(rs);
      }
    }
  }

  /**
   * Other units' reports sharing a bucket with a fingerprint, most shared buckets first, with their
   * sections 一 and 五: one statement ({@link #bindPeers}, {@link #readPeers}), so that a dry run can
   * send it in the same round trip as its other reads.
   */
  static final String PEERS =
      """
      WITH near AS (
        SELECT b.report_id, count(*) AS shared
          FROM narrative_band b JOIN report r ON r.id = b.report_id
         WHERE b.year = ANY (?) AND b.bucket = ANY (?) AND r.unit_code <> ?
         GROUP BY b.report_id
         ORDER BY count(*) DESC, b.report_id
         LIMIT ?)
      SELECT r.id, r.unit_code, r.year, t.section, t.body
        FROM near
        JOIN report r ON r.id = near.report_id
        JOIN report_version v ON v.report_id = r.id AND v.version = r.current_version
        JOIN report_text t ON t.version_id = v.id AND t.section IN ('s1', 's5')
       ORDER BY near.shared DESC, r.id""";

  /** Binds {@link #PEERS} from parameter {@code first}; returns the next parameter's index. */
  static int bindPeers(
      PreparedStatement ps,
      int first,
      NarrativeFingerprint fp,
      List<Integer> years,
      String exceptUnit,
      int limit)
      throws SQLException {
    Connection c = ps.getConnection();
    ps.setArray(first, c.createArrayOf("smallint", years.toArray()));
    ps.setArray(first + 1, c.createArrayOf("bigint", box(fp.buckets())));
    ps.setString(first + 2, exceptUnit);
    ps.setInt(first + 3, limit);
    return first + 4;
  }

  /** The peers of a {@link #PEERS} result, in its order. */
  static List<Peer> readPeers(ResultSet rs) throws SQLException {
    Map<Long, Peer> peers = new LinkedHashMap<>();
    while (rs.next()) {
      long id = rs.getLong(1);
      Peer peer = peers.get(id);
      if (peer == null) {
        peer = new Peer(rs.getString(2), rs.getInt(3), new LinkedHashMap<>());
        peers.put(id, peer);
      }
      peer.texts().put(rs.getString(4), rs.getString(5));
    }
    return List.copyOf(peers.values());
  }

  /**
   * Sections 一 and 五 of the current version of (unit, year), or null when there is no such report.
   */
  private static Map<String, String> texts(Connection c, String unit, int year)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
            SELECT t.section, t.body
              FROM report r
              JOIN report_version v ON v.report_id = r.id AND v.version = r.current_version
              LEFT JOIN report_text t ON t.version_id = v.id AND t.section IN ('s1', 's5')
             WHERE r.unit_code = ? AND r.year = ?
            """)) {
      ps.setString(1, unit);
      ps.setInt(2, year);
      try (ResultSet rs = ps.executeQuery()) {
        Map<String, String> out = null;
        while (rs.next()) {
          if (out == null) {
            out = new LinkedHashMap<>();
          }
          if (rs.getString(1) != null) {
            out.put(rs.getString(1), rs.getString(2));
          }
        }
        return out;
      }
    }
  }

  /**
   * Indexes the reports stored before the index existed or by the former fingerprint (V19), in
   * batches, in the background after a start (finding them reads every report); then, every {@code
   * nianbao.narratives.reindex-every} (0: never), the rows a replica of the previous release wrote
   * meanwhile.
   */
  void backfill(@Observes StartupEvent start) {
    Background.run(
        "narrative-backfill",
        () -> {
          backfill();
          while (!reindexEvery.isZero()
              && !reindexEvery.isNegative()
              && !Thread.currentThread().isInterrupted()) {
            try {
              Thread.sleep(reindexEvery.toMillis());
              reindexFormer();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
              LOG.warning(() -> "Narrative re-index failed; tried again later: " + e.getMessage());
            }
          }
        });
  }

  private void backfill() {
    int done = 0;
    // keyset: each batch starts after the last report of the one before, instead of finding the
    // first unindexed report again from the start (quadratic over a large database)
    long after = 0;
    while (true) {
      long from = after;
      Batch batch =
          indexBatch(
              """
              FROM report r JOIN report_version v ON v.report_id = r.id AND v.version = r.current_version
             WHERE r.id > ?
               AND NOT EXISTS (SELECT 1 FROM narrative_signature s
                                WHERE s.report_id = r.id AND s.minhash IS NULL)
             ORDER BY r.id
             LIMIT ?""",
              from);
      done += batch.size();
      after = batch.last();
      if (batch.size() < BACKFILL_BATCH) {
        break;
      }
    }
    if (done > 0) {
      int total = done;
      LOG.info(() -> "Indexed the narratives of " + total + " stored reports for TXT-06.");
    }
  }

  /**
   * Indexes again the reports whose row the former computation wrote (a replica of the previous
   * release during a rolling update), found through V19's partial index; returns how many.
   */
  int reindexFormer() {
    int done = 0;
    Batch batch;
    do {
      batch =
          indexBatch(
              """
              FROM narrative_signature s
              JOIN report r ON r.id = s.report_id
              JOIN report_version v ON v.report_id = r.id AND v.version = r.current_version
             WHERE s.minhash IS NOT NULL AND s.report_id > ?
             ORDER BY s.report_id
             LIMIT ?""",
              0);
      done += batch.size();
    } while (batch.size() == BACKFILL_BATCH);
    return done;
  }

  /** What {@link #index} reads of a report to index: its id, unit, year, sections 一 and 五. */
  private static final String TO_INDEX =
      """
      SELECT r.id, r.unit_code, r.year,
             (SELECT t.body FROM report_text t WHERE t.version_id = v.id AND t.section = 's1'),
             (SELECT t.body FROM report_text t WHERE t.version_id = v.id AND t.section = 's5')
      """;

  /**
   * Indexes the reports {@link #TO_INDEX} followed by {@code from} finds, its two parameters the id
   * to start after and the batch size.
   */
  private Batch indexBatch(String from, long after) {
    return run(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(TO_INDEX + from)) {
            ps.setLong(1, after);
            ps.setInt(2, BACKFILL_BATCH);
            return index(c, ps);
          }
        });
  }

  /** How many reports a batch indexed, and the last one's id. */
  private record Batch(int size, long last) {}

  /**
   * Writes the index rows of the reports a query gives as (id, unit, year, section 一, section 五),
   * all read before the first write.
   */
  private static Batch index(Connection c, PreparedStatement query) throws SQLException {
    List<Object[]> reports = new ArrayList<>();
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        reports.add(
            new Object[] {
              rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)
            });
      }
    }
    long last = 0;
    for (Object[] r : reports) {
      last = (Long) r[0];
      write(
          c,
          last,
          (String) r[1],
          (Integer) r[2],
          NarrativeFingerprint.of((String) r[3], (String) r[4]));
    }
    return new Batch(reports.size(), last);
  }

  private static Object[] box(long[] values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  private static Object[] box(int[] values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  private <T> T run(Sql.Work<T> work) {
    return Sql.run(dataSource, "Narrative index failed / 正文索引失败", work);
  }
}

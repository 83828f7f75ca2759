package org.nianbao.rollup;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Folds the writers' stripes of the rollup summaries into stripe 0, in the background (every {@code
 * nianbao.rollup.compact-every}, 0 = never), so that a rollup keeps reading a few rows. A stripe is
 * folded only while its advisory lock is free (no writer holds it), one transaction per stripe:
 * writers never wait for a fold, and the sums a reader sees are the same before and after. The
 * per-backend counts of rollup changes (V17) are folded alike.
 */
@ApplicationScoped
public class RollupCompactor {

  private static final Logger LOG = Logger.getLogger(RollupCompactor.class);
  private static final String KEY = "year, format_version, region_code, own, unit_kind";
  static final String FOLD =
      "WITH moved AS ("
          // the stripe's rows straight from the partial index of unfolded rows (V16); a join of
          // the table with itself here was planned as a scan of the whole table
          + " DELETE FROM rollup_sum WHERE stripe = ? AND stripe <> 0"
          + " RETURNING "
          + KEY
          + ", report_count, aggregate_count, counts, amounts)"
          // a stripe holds one row per key, so each moved row is added to its row of stripe 0 as
          // it is (grouping the moved rows' cells first cost 0.8 s per fold of 640 rows)
          + " INSERT INTO rollup_sum AS s ("
          + KEY
          + ", stripe, report_count, aggregate_count, counts, amounts)"
          + " SELECT "
          + KEY
          + ", 0, report_count, aggregate_count, counts, amounts FROM moved"
          + RollupLedger.ADD_ON_CONFLICT;

  /**
   * Folds the change counts (V17) of the backends not in a writing transaction (row not locked)
   * into row 0, in one statement: the sum readers compare stays as it was.
   */
  static final String FOLD_EPOCHS =
      "WITH moved AS (DELETE FROM rollup_epoch WHERE backend IN ("
          + "SELECT backend FROM rollup_epoch WHERE backend <> 0 FOR UPDATE SKIP LOCKED)"
          + " RETURNING changes)"
          + " UPDATE rollup_epoch SET changes = changes + (SELECT sum(changes) FROM moved)"
          + " WHERE backend = 0 AND EXISTS (SELECT 1 FROM moved)";

  private final DataSource dataSource;
  private final Duration every;
  private ScheduledExecutorService timer;

  public RollupCompactor(
      DataSource dataSource,
      @ConfigProperty(name = "nianbao.rollup.compact-every", defaultValue = "5s") Duration every) {
    this.dataSource = dataSource;
    this.every = every;
  }

  void start(@Observes StartupEvent event) {
    if (every.isZero() || every.isNegative()) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rollup-compactor");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::compactQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /**
   * Folds every stripe in use that no writer holds at the moment into stripe 0, one transaction per
   * stripe: its advisory lock first, then (a new statement, so a snapshot taken after every writer
   * of that stripe committed) the fold. Returns how many stripe rows it folded.
   */
  public int compact() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement lock =
            c.prepareStatement(
                "SELECT pg_try_advisory_xact_lock(" + RollupLedger.STRIPE_LOCK + ", ?)");
        PreparedStatement fold =
            c.prepareStatement(FOLD + " RETURNING (SELECT count(*) FROM moved)")) {
      List<Integer> used = new ArrayList<>();
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT DISTINCT stripe FROM rollup_sum WHERE stripe <> 0 ORDER BY 1")) {
        while (rs.next()) {
          used.add(rs.getInt(1));
        }
      }
      c.setAutoCommit(false);
      int folded = 0;
      try {
        for (int stripe : used) {
          lock.setInt(1, stripe);
          boolean free;
          try (ResultSet rs = lock.executeQuery()) {
            free = rs.next() && rs.getBoolean(1);
          }
          if (free) {
            fold.setInt(1, stripe);
            try (ResultSet rs = fold.executeQuery()) {
              folded += rs.next() ? rs.getInt(1) : 0;
            }
          }
          c.commit();
        }
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
      try (Statement st = c.createStatement()) {
        st.executeUpdate(FOLD_EPOCHS);
      }
      return folded;
    } catch (SQLException e) {
      throw new IllegalStateException("Rollup compaction failed / 汇总数据合并失败: " + e.getMessage(), e);
    }
  }

  private void compactQuietly() {
    try {
      compact();
    } catch (RuntimeException e) {
      LOG.warn("Rollup compaction failed; the stripes stay as they are (sums unaffected)", e);
    }
  }
}

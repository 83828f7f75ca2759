package org.nianbao.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.CellType;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.report.ReportChange;
import org.nianbao.tables.ReportTables;
import org.nianbao.unit.RegionTree;
import org.nianbao.unit.Unit;
import org.nianbao.unit.UnitRepository;
import org.nianbao.validation.CellValues;
import org.nianbao.validation.Scope;

/**
 * Keeps the rollup summaries ({@code rollup_sum}) in step with the current report versions, inside
 * the submitting transaction, and rebuilds them from the report tables after bulk loads or as a
 * repair.
 */
@ApplicationScoped
public class RollupLedger {

  /** How many stripes writers spread over (V13). */
  static final int STRIPES = 64;

  /**
   * First key of the transaction-scoped advisory lock that gives a transaction a stripe to itself.
   */
  static final int STRIPE_LOCK = 13;

  private static final String UPSERT_HEAD =
      "INSERT INTO rollup_sum AS s (year, format_version, region_code, own, unit_kind, report_count,"
          + " aggregate_count, counts, amounts, stripe) ";

  /**
   * The writer's stripe: the first one from its session's own (pid modulo 64) whose advisory lock
   * it gets, held to the end of its transaction. No other writer and no compaction touches that
   * stripe meanwhile, so concurrent writers never wait for each other's rows (evaluated once per
   * statement; the locks are re-entrant, so every row of the statement gets the same stripe).
   */
  static final String STRIPE =
      "coalesce((SELECT s FROM (SELECT (pg_backend_pid() + g) % "
          + STRIPES
          + " + 1 AS s FROM generate_series(0, "
          + (STRIPES - 1)
          + ") g) x WHERE pg_try_advisory_xact_lock("
          + STRIPE_LOCK
          + ", s) LIMIT 1),"
          + " pg_backend_pid() % "
          + STRIPES
          + " + 1)"; // more writers than stripes: share one (row locks)

  private static final String ADD_COUNTS =
      " ON CONFLICT (year, format_version, region_code, own, unit_kind, stripe) DO UPDATE SET"
          + " report_count = s.report_count + EXCLUDED.report_count,"
          + " aggregate_count = s.aggregate_count + EXCLUDED.aggregate_count,"
          // element-wise sums; an ARRAY(…) constructor costs a third less than array_agg
          + " counts = ARRAY(SELECT a + b"
          + "   FROM unnest(s.counts, EXCLUDED.counts) WITH ORDINALITY AS x(a, b, i) ORDER BY i)";

  /** Adds the proposed row to the existing one, element by element (rows of any format). */
  static final String ADD_ON_CONFLICT =
      ADD_COUNTS
          + ", amounts = ARRAY(SELECT a + b"
          + "   FROM unnest(s.amounts, EXCLUDED.amounts) WITH ORDINALITY AS x(a, b, i) ORDER BY i)";

  /**
   * {@link #ADD_ON_CONFLICT} for rows of one format: only the elements of its amount (DEC) cells
   * are added, the only elements of {@code amounts} that are not 0 (one cell in 2021). Adding all
   * 200 numerics of every row a submission feeds cost PostgreSQL about 50 µs a row.
   */
  private static String addOnConflict(Catalogue catalogue) {
    StringBuilder sql = new StringBuilder(ADD_COUNTS);
    for (CellDefinition cell : catalogue.cells()) {
      if (cell.type() == CellType.DEC) {
        int element = cell.index() + 1;
        sql.append(", amounts[")
            .append(element)
            .append("] = s.amounts[")
            .append(element)
            .append("] + EXCLUDED.amounts[")
            .append(element)
            .append(']');
      }
    }
    return sql.toString();
  }

  private final DataSource dataSource;
  private final UnitRepository units;
  private final RegionTree regions;

  public RollupLedger(DataSource dataSource, UnitRepository units, RegionTree regions) {
    this.dataSource = dataSource;
    this.units = units;
    this.regions = regions;
  }

  /**
   * Observes the report service's synchronous {@link ReportChange} event, so it runs in the
   * submitting transaction whenever a current version changes: removes what {@code before}
   * contributed and adds what {@code after} contributes. Only SELF-scope versions are summed
   * (AGG-01); each format version is summed apart (AGG-04).
   */
  public void apply(@Observes ReportChange change) {
    Map<FormatVersion, Delta> deltas = new TreeMap<>();
    contribute(deltas, change.before(), -1);
    contribute(deltas, change.after(), +1);
    deltas.values().removeIf(Delta::isZero);
    try (Connection c = dataSource.getConnection()) {
      // the unit's status goes with the first delta's statement (one round trip less), unless
      // there is no delta or the unit's report is gone
      boolean statusWithDelta = !deltas.isEmpty() && change.after() != null;
      if (!statusWithDelta) {
        recordStatus(c, change);
      }
      if (deltas.isEmpty()) {
        return;
      }
      Placement placement = placement(change.unitCode());
      for (Map.Entry<FormatVersion, Delta> e : deltas.entrySet()) {
        upsert(c, change, e.getKey(), placement, e.getValue(), statusWithDelta);
        statusWithDelta = false;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Rollup summary update failed / 汇总数据更新失败: " + e.getMessage(), e);
    }
  }

  /** Recomputes every summary from the current report versions. */
  public void rebuild() {
    rebuild(null);
  }

  /**
   * Recomputes the summaries of one year (all years when null) from the current report versions.
   */
  public void rebuild(Integer year) {
    try (Connection c = dataSource.getConnection()) {
      rebuild(c, year);
    } catch (SQLException e) {
      throw new IllegalStateException("Rollup rebuild failed / 汇总数据重建失败: " + e.getMessage(), e);
    }
  }

  /**
   * The rebuild on a given connection (also used by the V5_1 migration and the benchmark): one
   * grouped pass over the typed report tables per section, spread to the own region and every
   * ancestor here.
   */
  public static void rebuild(Connection c, Integer year) throws SQLException {
    String yearFilter = year == null ? "" : " AND r.year = " + year.intValue();
    try (Statement st = c.createStatement()) {
      String where = year == null ? "" : " WHERE year = " + year.intValue();
      st.executeUpdate("DELETE FROM rollup_sum" + where);
      st.executeUpdate("DELETE FROM rollup_unit_status" + where);
      st.executeUpdate(
          "INSERT INTO rollup_unit_status (year, unit_code, scope, format_version, region_code,"
              + " province_code, city_code)"
              + " SELECT r.year, r.unit_code, rv.scope, rv.format_version, u.region_code,"
              + " u.province_code, u.city_code FROM report r"
              + " JOIN report_version rv ON rv.report_id = r.id AND rv.version = r.current_version"
              + " JOIN unit u ON u.code = r.unit_code"
              + " WHERE rv.status = 'ACCEPTED'"
              + (year == null ? "" : " AND r.year = " + year.intValue()));
    }
    String current =
        "SELECT rv.id AS vid, rv.format_version AS fmt, rv.scope, r.year, u.kind, u.region_code"
            + " FROM report r JOIN report_version rv ON rv.report_id = r.id AND rv.version = r.current_version"
            + " JOIN unit u ON u.code = r.unit_code"
            + " WHERE rv.status = 'ACCEPTED'"
            + yearFilter;
    Map<String, String> paths = new HashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT code, path FROM region")) {
      while (rs.next()) {
        paths.put(rs.getString(1), rs.getString(2));
      }
    }
    Map<BaseKey, Delta> base = new HashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT region_code, kind, year, fmt, count(*) FILTER (WHERE scope = 'SELF'),"
                    + " count(*) FILTER (WHERE scope = 'AGGREGATE') FROM ("
                    + current
                    + ") cur GROUP BY 1, 2, 3, 4")) {
      while (rs.next()) {
        BaseKey key =
            new BaseKey(
                rs.getString(1),
                rs.getString(2),
                rs.getInt(3),
                FormatVersion.valueOf(rs.getString(4)));
        Delta delta = base.computeIfAbsent(key, k -> new Delta(Catalogue.of(k.format())));
        delta.reports += rs.getLong(5);
        delta.aggregates += rs.getLong(6);
      }
    }
    for (int section = 2; section <= 4; section++) {
      List<String> columns = ReportTables.columns(section);
      StringBuilder sql =
          new StringBuilder("SELECT cur.region_code, cur.kind, cur.year, cur.fmt, t.row_key");
      for (String column : columns) {
        sql.append(", sum(t.").append(column).append(')');
      }
      sql.append(" FROM (")
          .append(current)
          .append(") cur JOIN ")
          .append(ReportTables.table(section))
          .append(" t ON t.version_id = cur.vid WHERE cur.scope = 'SELF' GROUP BY 1, 2, 3, 4, 5");
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(sql.toString())) {
        while (rs.next()) {
          FormatVersion format = FormatVersion.valueOf(rs.getString(4));
          BaseKey key = new BaseKey(rs.getString(1), rs.getString(2), rs.getInt(3), format);
          Delta delta = base.computeIfAbsent(key, k -> new Delta(Catalogue.of(k.format())));
          CellDefinition[] row = ReportTables.rowCells(format, section, rs.getString(5));
          for (int i = 0; i < columns.size(); i++) {
            CellDefinition cell = row[i];
            BigDecimal value = rs.getBigDecimal(6 + i);
            if (cell != null && value != null) {
              delta.add(cell, value);
            }
          }
        }
      }
    }
    Map<TargetKey, Delta> targets = new TreeMap<>();
    for (Map.Entry<BaseKey, Delta> e : base.entrySet()) {
      BaseKey b = e.getKey();
      for (Target t : Placement.of(b.region(), paths.get(b.region()), b.kind()).targets()) {
        targets
            .computeIfAbsent(
                new TargetKey(b.year(), b.format(), t.region(), t.own(), b.kind()),
                k -> new Delta(Catalogue.of(k.format())))
            .plus(e.getValue());
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO rollup_sum (year, format_version, region_code, own, unit_kind, report_count,"
                + " aggregate_count, counts, amounts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int batched = 0;
      for (Map.Entry<TargetKey, Delta> e : targets.entrySet()) {
        TargetKey k = e.getKey();
        ps.setInt(1, k.year());
        ps.setString(2, k.format().name());
        ps.setString(3, k.region());
        ps.setBoolean(4, k.own());
        ps.setString(5, k.kind());
        ps.setLong(6, e.getValue().reports);
        ps.setLong(7, e.getValue().aggregates);
        ps.setArray(8, c.createArrayOf("bigint", e.getValue().boxedCounts()));
        ps.setArray(9, c.createArrayOf("numeric", e.getValue().amounts));
        ps.addBatch();
        if (++batched % 500 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** The scope and format of the unit's current version, for coverage. */
  private static void recordStatus(Connection c, ReportChange change) throws SQLException {
    ReportChange.Snapshot after = change.after();
    if (after == null) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM rollup_unit_status WHERE year = ? AND unit_code = ?")) {
        ps.setInt(1, change.year());
        ps.setString(2, change.unitCode());
        ps.executeUpdate();
      }
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(STATUS)) {
      bindStatus(ps, 1, change);
      ps.executeUpdate();
    }
  }

  private static final String STATUS =
      "INSERT INTO rollup_unit_status (year, unit_code, scope, format_version) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (year, unit_code) DO UPDATE SET scope = EXCLUDED.scope,"
          + " format_version = EXCLUDED.format_version";

  private static int bindStatus(PreparedStatement ps, int first, ReportChange change)
      throws SQLException {
    ps.setInt(first, change.year());
    ps.setString(first + 1, change.unitCode());
    ps.setString(first + 2, change.after().scope().name());
    ps.setString(first + 3, change.after().format().name());
    return first + 4;
  }

  private static void contribute(
      Map<FormatVersion, Delta> deltas, ReportChange.Snapshot snapshot, int sign) {
    if (snapshot == null) {
      return;
    }
    if (snapshot.scope() != Scope.SELF) { // counted for coverage, never summed (AGG-01)
      deltas.computeIfAbsent(snapshot.format(), f -> new Delta(Catalogue.of(f))).aggregates += sign;
      return;
    }
    CellValues cells = snapshot.cells();
    if (cells.catalogue().version() != snapshot.format()) {
      throw new IllegalArgumentException(
          "Snapshot format "
              + snapshot.format()
              + " differs from its cells' "
              + cells.catalogue().version());
    }
    Delta delta = deltas.computeIfAbsent(snapshot.format(), f -> new Delta(Catalogue.of(f)));
    delta.reports += sign;
    for (CellDefinition cell : cells.catalogue().cells()) {
      int i = cell.index();
      if (!cells.known(i)) {
        continue;
      }
      if (cell.type() == CellType.DEC) {
        BigDecimal amount = cells.amount(i);
        delta.amounts[i] = delta.amounts[i].add(sign > 0 ? amount : amount.negate());
      } else {
        delta.counts[i] = Math.addExact(delta.counts[i], sign * cells.count(i));
      }
    }
  }

  /**
   * Where the unit's rows are, without a query: the unit is in memory once its report was
   * submitted, and so is the division tree.
   */
  private Placement placement(String unitCode) {
    Unit unit = units.require(unitCode);
    RegionTree.Node region = regions.require(unit.region.code);
    return Placement.of(region.code(), region.path(), unit.kind.name());
  }

  /**
   * The targets of a delta (region, own), and of their rows in stripe 0 those no other transaction
   * holds, locked now ({@code SKIP LOCKED}: never waited for).
   */
  private static final String TARGETS =
      "t AS (SELECT region, own FROM unnest(?::varchar[], ?::boolean[]) AS u (region, own)),"
          + " free AS MATERIALIZED (SELECT z.region_code, z.own FROM rollup_sum z"
          + " JOIN t ON z.region_code = t.region AND z.own = t.own"
          + " WHERE z.year = ? AND z.format_version = ? AND z.unit_kind = ? AND z.stripe = 0"
          + " ORDER BY z.region_code, z.own FOR UPDATE OF z SKIP LOCKED)";

  /**
   * The rows a unit feeds, one per target (region, own), in that order, from one copy of the
   * delta's arrays. A target's row in stripe 0 that no other transaction holds is updated in place
   * (a county's, a city's: most of them); the others (a row another writer holds, the nation's and
   * a province's under load, or a row not in stripe 0 yet) go to the writer's own stripe, one
   * lookup of it (an init plan, not run when no row needs it), for the compactor to fold. Writers
   * never wait for each other's rows, and the compactor folds only what was contended: folding
   * every county's and city's rows again cost a fifth of PostgreSQL's time per submission.
   */
  private static String upsertSql(FormatVersion format) {
    return UPSERT_HEAD
        + "SELECT ?, ?, t.region, t.own, ?, ?, ?, ?::bigint[], ?::numeric[],"
        + " CASE WHEN f.region_code IS NULL THEN "
        + STRIPE
        + " ELSE 0 END FROM t LEFT JOIN free f ON f.region_code = t.region AND f.own = t.own"
        + " ORDER BY t.region, t.own"
        + addOnConflict(Catalogue.of(format));
  }

  /** {@link #upsertSql} by format. */
  private static final Map<FormatVersion, String> UPSERT = new EnumMap<>(FormatVersion.class);

  /** {@link #UPSERT}, after the unit's status (coverage) in the same statement. */
  private static final Map<FormatVersion, String> STATUS_AND_UPSERT =
      new EnumMap<>(FormatVersion.class);

  static {
    for (FormatVersion format : FormatVersion.values()) {
      UPSERT.put(format, "WITH " + TARGETS + " " + upsertSql(format));
      STATUS_AND_UPSERT.put(
          format, "WITH status AS (" + STATUS + "), " + TARGETS + " " + upsertSql(format));
    }
  }

  /** One statement for all rows a unit feeds (and, when asked, the unit's status). */
  private static void upsert(
      Connection c,
      ReportChange change,
      FormatVersion format,
      Placement placement,
      Delta delta,
      boolean withStatus)
      throws SQLException {
    List<Target> targets = placement.targets();
    String[] regions = new String[targets.size()];
    Boolean[] own = new Boolean[targets.size()];
    for (int i = 0; i < regions.length; i++) {
      regions[i] = targets.get(i).region();
      own[i] = targets.get(i).own();
    }
    try (PreparedStatement ps =
        c.prepareStatement((withStatus ? STATUS_AND_UPSERT : UPSERT).get(format))) {
      int p = withStatus ? bindStatus(ps, 1, change) : 1;
      ps.setArray(p++, c.createArrayOf("varchar", regions));
      ps.setArray(p++, c.createArrayOf("bool", own));
      ps.setInt(p++, change.year());
      ps.setString(p++, format.name());
      ps.setString(p++, placement.kind());
      ps.setInt(p++, change.year());
      ps.setString(p++, format.name());
      ps.setString(p++, placement.kind());
      ps.setLong(p++, delta.reports);
      ps.setLong(p++, delta.aggregates);
      ps.setArray(p++, c.createArrayOf("bigint", delta.boxedCounts()));
      ps.setArray(p, c.createArrayOf("numeric", delta.amounts));
      ps.executeUpdate();
    }
  }

  /**
   * The summary rows a unit feeds: its own region's 本级 row and the subtree row of every ancestor.
   */
  private record Placement(String kind, List<Target> targets) {
    static Placement of(String regionCode, String path, String kind) {
      List<Target> targets = new ArrayList<>();
      for (String code : path.split("/")) {
        if (!code.isEmpty()) {
          targets.add(new Target(code, false));
        }
      }
      targets.add(new Target(regionCode, true));
      targets.sort(null);
      return new Placement(kind, List.copyOf(targets));
    }
  }

  private record Target(String region, boolean own) implements Comparable<Target> {
    @Override
    public int compareTo(Target o) {
      int byRegion = region.compareTo(o.region);
      return byRegion != 0 ? byRegion : Boolean.compare(own, o.own);
    }
  }

  private record BaseKey(String region, String kind, int year, FormatVersion format) {}

  private record TargetKey(int year, FormatVersion format, String region, boolean own, String kind)
      implements Comparable<TargetKey> {
    @Override
    public int compareTo(TargetKey o) {
      int c = Integer.compare(year, o.year);
      c = c != 0 ? c : format.compareTo(o.format);
      c = c != 0 ? c : region.compareTo(o.region);
      c = c != 0 ? c : Boolean.compare(own, o.own);
      return c != 0 ? c : kind.compareTo(o.kind);
    }
  }

  /** Signed change of one summary row: reports and cell values by catalogue index. */
  private static final class Delta {
    long reports;
    long aggregates;
    final long[] counts;
    final BigDecimal[] amounts;

    Delta(Catalogue catalogue) {
      counts = new long[catalogue.size()];
      amounts = new BigDecimal[catalogue.size()];
      Arrays.fill(amounts, BigDecimal.ZERO);
    }

    void add(CellDefinition cell, BigDecimal value) {
      if (cell.type() == CellType.DEC) {
        amounts[cell.index()] = amounts[cell.index()].add(value);
      } else {
        counts[cell.index()] = Math.addExact(counts[cell.index()], value.longValueExact());
      }
    }

    void plus(Delta other) {
      reports += other.reports;
      aggregates += other.aggregates;
      for (int i = 0; i < counts.length; i++) {
        counts[i] = Math.addExact(counts[i], other.counts[i]);
        amounts[i] = amounts[i].add(other.amounts[i]);
      }
    }

    boolean isZero() {
      return reports == 0
          && aggregates == 0
          && Arrays.stream(counts).allMatch(v -> v == 0)
          && Arrays.stream(amounts).allMatch(v -> v.signum() == 0);
    }

    Long[] boxedCounts() {
      return Arrays.stream(counts).boxed().toArray(Long[]::new);
    }
  }
}

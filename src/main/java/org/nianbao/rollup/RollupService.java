package org.nianbao.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.common.Paging;
import org.nianbao.common.ProblemException;
import org.nianbao.rollup.RollupViews.Coverage;
import org.nianbao.rollup.RollupViews.Declared;
import org.nianbao.rollup.RollupViews.Difference;
import org.nianbao.rollup.RollupViews.MissingPage;
import org.nianbao.rollup.RollupViews.MissingUnit;
import org.nianbao.rollup.RollupViews.Rollup;
import org.nianbao.rollup.RollupViews.RollupChild;
import org.nianbao.rollup.RollupViews.RollupSeries;
import org.nianbao.tables.ReportTables;
import org.nianbao.unit.UnitViews.RegionRef;

/**
 * Read-only rollup queries: sums from the summary table ({@code rollup_sum}), coverage from units
 * and report headers, the declared aggregate from the report tables. Each request reads one
 * snapshot.
 */
@ApplicationScoped
public class RollupService {

  /** How many unit codes a coverage list shows; the rest are paged by the missing endpoint. */
  public static final int LIST_CAP = 100;

  /** The longest series answered at once. */
  public static final int MAX_SERIES_YEARS = 30;

  private static final String CURRENT_STATUS =
      "SELECT u.code, u.name, u.kind, u.region_code, split_part(g.path, '/', ?) AS child,"
          + " CASE WHEN s.scope IS NULL THEN 'M' WHEN s.scope = 'AGGREGATE' THEN 'A'"
          + " WHEN s.format_version <> ? THEN 'X' ELSE 'S' END AS st"
          + " FROM unit u JOIN region g ON g.code = u.region_code"
          + " LEFT JOIN rollup_unit_status s ON s.year = ? AND s.unit_code = u.code"
          + " WHERE u.kind = ANY (?) AND ";

  /**
   * What the coverage query says of a unit's current report for the year (its SQL letter in {@code
   * st}).
   */
  enum CoverageState {
    SUMMED("S"),
    MISSING("M"),
    AGGREGATE_ONLY("A"),
    OTHER_FORMAT("X");

    private final String letter;

    CoverageState(String letter) {
      this.letter = letter;
    }

    static CoverageState of(String letter) {
      for (CoverageState s : values()) {
        if (s.letter.equals(letter)) {
          return s;
        }
      }
      throw new IllegalArgumentException("coverage state " + letter);
    }
  }

  /**
   * Units expected in a region, and how many of them are missing, aggregate-only or in the other
   * format.
   */
  static final class Tally {
    long expected;
    long missing;
    long aggregateOnly;
    long otherFormat;

    void add(CoverageState state, long n) {
      expected += n;
      switch (state) {
        case MISSING -> missing += n;
        case AGGREGATE_ONLY -> aggregateOnly += n;
        case OTHER_FORMAT -> otherFormat += n;
        case SUMMED -> {}
      }
    }

    void add(Tally other) {
      expected += other.expected;
      missing += other.missing;
      aggregateOnly += other.aggregateOnly;
      otherFormat += other.otherFormat;
    }
  }

  /**
   * The sums of a region for the year, and for the year before (what the indicators compare with).
   */
  record YearSums(Sums year, Sums previousYear) {
    static YearSums empty(FormatVersion format, FormatVersion previousFormat) {
      return new YearSums(new Sums(Catalogue.of(format)), new Sums(Catalogue.of(previousFormat)));
    }
  }

  private final DataSource dataSource;

  public RollupService(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The rollup of a region and year with its children (the next level down). */
  public Rollup rollup(String regionCode, int year, RollupFilter filter) {
    checkYear("year", year);
    return read(c -> rollup(c, requireRegion(c, regionCode), year, filter, true));
  }

  /** The rollups of {@code from}..{@code to}, children omitted. */
  public RollupSeries series(String regionCode, int from, int to, RollupFilter filter) {
    checkYear("from", from);
    checkYear("to", to);
    if (from > to || to - from + 1 > MAX_SERIES_YEARS) {
      throw ProblemException.badRequest(
          "to",
          "to must be ≥ from, at most "
              + MAX_SERIES_YEARS
              + " years / 截止年份应不早于起始年份，且跨度不超过"
              + MAX_SERIES_YEARS
              + "年");
    }
    return read(
        c -> {
          RegionRow region = requireRegion(c, regionCode);
          List<Rollup> years = new ArrayList<>();
          for (int y = from; y <= to; y++) {
            years.add(rollup(c, region, y, filter, false));
          }
          return new RollupSeries(region.ref(), from, to, years);
        });
  }

  /** The expected units of the rollup without any current report for the year, by code. */
  public MissingPage missing(String regionCode, int year, RollupFilter filter, Paging paging) {
    checkYear("year", year);
    return read(
        c -> {
          RegionRow region = requireRegion(c, regionCode);
          String sql =
              "SELECT code, name, kind, region_code, count(*) OVER () FROM ("
                  + CURRENT_STATUS
                  + scopeCondition(filter)
                  + ") x WHERE st = 'M' ORDER BY code LIMIT ? OFFSET ?";
          List<MissingUnit> items = new ArrayList<>();
          long total = 0;
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = bindStatus(c, ps, region, year, filter);
            ps.setInt(p++, paging.size());
            ps.setInt(p, paging.offset());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                items.add(
                    new MissingUnit(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                total = rs.getLong(5);
              }
            }
          }
          if (items.isEmpty() && paging.page() > 1) {
            total = countMissing(c, region, year, filter);
          }
          return new MissingPage(items, paging.page(), paging.size(), total);
        });
  }

  private long countMissing(Connection c, RegionRow region, int year, RollupFilter filter)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM ("
                + CURRENT_STATUS
                + scopeCondition(filter)
                + ") x WHERE st = 'M'")) {
      bindStatus(c, ps, region, year, filter);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private Rollup rollup(
      Connection c, RegionRow region, int year, RollupFilter filter, boolean withChildren)
      throws SQLException {
    FormatVersion format = FormatVersion.forYear(year);
    List<RegionRow> children = withChildren && !filter.own() ? children(c, region.code) : List.of();
    Map<String, YearSums> sums = sums(c, region, children, year, filter);
    YearSums mine = sums.get(region.code);
    Map<String, Tally> coverageCounts = new HashMap<>();
    Map<CoverageState, List<String>> lists = coverage(c, region, year, filter, coverageCounts);
    Tally total = new Tally();
    coverageCounts.values().forEach(total::add);
    Coverage coverage =
        new Coverage(
            total.expected,
            mine.year().reports(),
            total.missing,
            total.aggregateOnly,
            total.otherFormat,
            lists.get(CoverageState.MISSING),
            total.missing > LIST_CAP
                ? "/api/v1/rollups/"
                    + region.code
                    + "/"
                    + year
                    + "/missing?page=1&size="
                    + 500
                    + query(filter)
                : null,
            lists.get(CoverageState.AGGREGATE_ONLY),
            lists.get(CoverageState.OTHER_FORMAT));
    List<RollupChild> childViews = null;
    if (withChildren) {
      childViews = new ArrayList<>();
      for (RegionRow child : children) {
        YearSums s = sums.get(child.code);
        Tally cc = coverageCounts.getOrDefault(child.code, new Tally());
        childViews.add(
            new RollupChild(
                child.ref(),
                s.year().cells(),
                IndicatorCalculator.of(s.year(), s.previousYear()),
                new Coverage(
                    cc.expected,
                    s.year().reports(),
                    cc.missing,
                    cc.aggregateOnly,
                    cc.otherFormat,
                    null,
                    null,
                    null,
                    null)));
      }
    }
    Declared declared =
        filter.own() || !filter.allKinds() ? null : declared(c, region.code, year, mine.year());
    return new Rollup(
        region.ref(),
        year,
        format.name(),
        filter.level(),
        filter.kindList(),
        mine.year().cells(),
        IndicatorCalculator.of(mine.year(), mine.previousYear()),
        coverage,
        declared,
        childViews);
  }

  private static String query(RollupFilter filter) {
    StringBuilder q = new StringBuilder();
    if (!filter.allKinds()) {
      q.append("&kinds=").append(String.join(",", filter.kindNames()));
    }
    if (filter.own()) {
      q.append("&level=own");
    }
    return q.toString();
  }

  /**
   * For the region and each child: the sums of the year and of the year before, from the summary
   * table.
   */
  private Map<String, YearSums> sums(
      Connection c, RegionRow region, List<RegionRow> children, int year, RollupFilter filter)
      throws SQLException {
    FormatVersion format = FormatVersion.forYear(year);
    FormatVersion previousFormat = FormatVersion.forYear(year - 1);
    Map<String, YearSums> out = new HashMap<>();
    out.put(region.code, YearSums.empty(format, previousFormat));
    String[] childCodes = new String[children.size()];
    for (int i = 0; i < childCodes.length; i++) {
      childCodes[i] = children.get(i).code;
      out.put(childCodes[i], YearSums.empty(format, previousFormat));
    }
    String[] kinds = filter.kindNames();
    String where =
        " FROM rollup_sum WHERE year = ? AND format_version = ?"
            + " AND ((region_code = ? AND own = ?) OR (region_code = ANY (?) AND NOT own)) AND unit_kind = ANY (?)";
    // the year: every count, and only the amount cells (the fee) of the numeric array
    List<Integer> amountCells = new ArrayList<>();
    StringBuilder amounts = new StringBuilder("ARRAY[");
    for (CellDefinition cell : Catalogue.of(format).cells()) {
      if (cell.type() == org.nianbao.catalogue.CellType.DEC) {
        amounts
            .append(amountCells.isEmpty() ? "" : ", ")
            .append("amounts[")
            .append(cell.index() + 1)
            .append(']');
        amountCells.add(cell.index());
      }
    }
    amounts.append("]::numeric[]");
    try (PreparedStatement ps =
        c.prepareStatement("SELECT region_code, report_count, counts, " + amounts + where)) {
      bindSums(c, ps, year, format, region, filter, childCodes, kinds);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Sums target = out.get(rs.getString(1)).year();
          target.add(rs.getLong(2), (Long[]) rs.getArray(3).getArray(), new BigDecimal[0]);
          BigDecimal[] fee = (BigDecimal[]) rs.getArray(4).getArray();
          for (int i = 0; i < fee.length; i++) {
            target.addAmount(amountCells.get(i), fee[i]);
          }
        }
      }
    }
    // the year before: only what the indicators compare (new applications)
    CellDefinition previousNew = Catalogue.of(previousFormat).find("s3.new.total").orElse(null);
    if (previousNew != null) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT region_code, report_count, counts["
                  + (previousNew.index() + 1)
                  + "]"
                  + where)) {
        bindSums(c, ps, year - 1, previousFormat, region, filter, childCodes, kinds);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Sums target = out.get(rs.getString(1)).previousYear();
            target.addCount(rs.getLong(2), previousNew.index(), rs.getLong(3));
          }
        }
      }
    }
    return out;
  }

  private static void bindSums(
      Connection c,
      PreparedStatement ps,
      int year,
      FormatVersion format,
      RegionRow region,
      RollupFilter filter,
      String[] childCodes,
      String[] kinds)
      throws SQLException {
    ps.setInt(1, year);
    ps.setString(2, format.name());
    ps.setString(3, region.code);
    ps.setBoolean(4, filter.own());
    ps.setArray(5, c.createArrayOf("varchar", childCodes));
    ps.setArray(6, c.createArrayOf("varchar", kinds));
  }

  /**
   * Tallies per child region code ("" = units located at the region itself); returns the capped
   * lists of the region's missing, aggregate-only and other-format units.
   */
  private Map<CoverageState, List<String>> coverage(
      Connection c, RegionRow region, int year, RollupFilter filter, Map<String, Tally> counts)
      throws SQLException {
    String sql =
        "SELECT child, st, count(*), (array_agg(code ORDER BY code) FILTER (WHERE st <> 'S'))[1:"
            + LIST_CAP
            + "]"
            + " FROM ("
            + CURRENT_STATUS
            + scopeCondition(filter)
            + ") x GROUP BY child, st";
    Map<CoverageState, List<String>> lists = new EnumMap<>(CoverageState.class);
    for (CoverageState st : CoverageState.values()) {
      lists.put(st, new ArrayList<>());
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindStatus(c, ps, region, year, filter);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          CoverageState st = CoverageState.of(rs.getString(2));
          counts.computeIfAbsent(rs.getString(1), k -> new Tally()).add(st, rs.getLong(3));
          java.sql.Array codes = rs.getArray(4);
          if (codes != null) {
            lists.get(st).addAll(List.of((String[]) codes.getArray()));
          }
        }
      }
    }
    for (List<String> list : lists.values()) {
      list.sort(null);
      if (list.size() > LIST_CAP) {
        list.subList(LIST_CAP, list.size()).clear();
      }
    }
    return lists;
  }

  private static String scopeCondition(RollupFilter filter) {
    return filter.own() ? "g.code = ?" : "g.path LIKE ?";
  }

  private static int bindStatus(
      Connection c, PreparedStatement ps, RegionRow region, int year, RollupFilter filter)
      throws SQLException {
    ps.setInt(1, region.depth + 3);
    ps.setString(2, FormatVersion.forYear(year).name());
    ps.setInt(3, year);
    ps.setArray(4, c.createArrayOf("varchar", filter.kindNames()));
    ps.setString(5, filter.own() ? region.code : region.path + "%");
    return 6;
  }

  /** AGG-02: the AGGREGATE current report of the region's own people's government, cell by cell. */
  private Declared declared(Connection c, String regionCode, int year, Sums computed)
      throws SQLException {
    long versionId;
    FormatVersion format;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT rv.id, rv.format_version FROM report r JOIN report_version rv ON rv.report_id = r.id"
                + " AND rv.version = r.current_version"
                + " WHERE r.unit_code = ? AND r.year = ? AND rv.scope = 'AGGREGATE' AND rv.status = 'ACCEPTED'")) {
      ps.setString(1, regionCode);
      ps.setInt(2, year);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        versionId = rs.getLong(1);
        format = FormatVersion.valueOf(rs.getString(2));
      }
    }
    Map<String, Object> cells = ReportTables.readCells(c, versionId, format);
    List<Difference> differences = new ArrayList<>();
    boolean sameFormat = format == computed.catalogue().version();
    for (CellDefinition cell : computed.catalogue().cells()) {
      if (!cells.containsKey(cell.key()) || (!sameFormat && cell.section() == 2)) {
        continue; // AGG-04: section 二 is never compared across formats
      }
      Object declaredValue = cells.get(cell.key());
      Object computedValue = computed.value(cell);
      if (!sameValue(declaredValue, computedValue)) {
        differences.add(new Difference(cell.key(), declaredValue, computedValue));
      }
    }
    return new Declared(regionCode, format.name(), cells, differences);
  }

  private static boolean sameValue(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(a, b);
  }

  private RegionRow requireRegion(Connection c, String code) throws SQLException {
    if (code == null || !code.matches("[0-9]{6}")) {
      throw ProblemException.notFound("Region", String.valueOf(code));
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT code, name, level, path, depth FROM region WHERE code = ?")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw ProblemException.notFound("Region", code);
        }
        return RegionRow.of(rs);
      }
    }
  }

  private List<RegionRow> children(Connection c, String code) throws SQLException {
    List<RegionRow> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT code, name, level, path, depth FROM region WHERE parent_code = ? ORDER BY code")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(RegionRow.of(rs));
        }
      }
    }
    return out;
  }

  private static void checkYear(String name, int year) {
    if (year < 2007 || year > 2100) {
      throw ProblemException.badRequest(
          name, name + " must be a year 2007..2100 / " + name + "应为2007至2100之间的年份");
    }
  }

  /** Runs read-only work in one repeatable-read transaction, so that sums and coverage agree. */
  private <T> T read(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (Statement st = c.createStatement()) {
          st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Rollup query failed / 汇总查询失败: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  private record RegionRow(String code, String name, String level, String path, int depth) {
    static RegionRow of(ResultSet rs) throws SQLException {
      return new RegionRow(
          rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5));
    }

    RegionRef ref() {
      return new RegionRef(code, name, level);
    }
  }
}

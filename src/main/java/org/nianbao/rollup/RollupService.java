package org.nianbao.rollup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
import org.nianbao.unit.RegionTree;

/**
 * Read-only rollup queries: sums from the summary table ({@code rollup_sum}), coverage from units
 * and report headers, the declared aggregate from the report tables. Each request reads one
 * snapshot.
 */
@ApplicationScoped
public class RollupService {

  /** How many unit codes a coverage list shows; the rest are paged by the missing endpoint. */
  public static final int LIST_CAP = 100;

  /**
   * The summary rows (or unit counts) of a rollup: the region's own or subtree row and its
   * children's subtree rows, of the kinds asked for (bound by {@code bindRows}).
   */
  private static final String ROWS =
      " AND ((region_code = ? AND own = ?) OR (region_code = ANY (?) AND NOT own)) AND unit_kind = ANY (?)";

  /** The longest series answered at once. */
  public static final int MAX_SERIES_YEARS = 30;

  /**
   * The coverage counts of a region: units expected, and how many of them report in the summed
   * format, in the other format, or only an AGGREGATE report; the rest are missing.
   */
  static final class Tally {
    long expected;
    long summed;
    long otherFormat;
    long aggregateOnly;

    long missing() {
      return expected - summed - otherFormat - aggregateOnly;
    }
  }

  /**
   * The sums of a region for the year, and for the year before (what the indicators compare with).
   */
  record YearSums(Sums year, Sums previousYear, Tally tally) {
    static YearSums empty(FormatVersion format, FormatVersion previousFormat) {
      return new YearSums(
          new Sums(Catalogue.of(format)), new Sums(Catalogue.of(previousFormat)), new Tally());
    }
  }

  /**
   * A computed rollup and what it was computed from ({@link #version}). A rollup with its children
   * (what the API answers) is kept as its JSON, gzip-compressed: written once, served as it is to a
   * client that accepts gzip, inflated for one that does not, and 5–10 times smaller in the cache
   * than the objects and their JSON were, so that every region of the country fits. A rollup
   * without children (the years of a series) is kept as it is.
   */
  public static final class Answer {
    private final String version;
    private final Rollup rollup;
    private final byte[] gzip;

    /**
     * The latest count of committed rollup changes (V17) at which this answer was known to be
     * current; only grows.
     */
    private volatile long epoch;

    private Answer(String version, long epoch, Rollup rollup, byte[] gzip) {
      this.version = version;
      this.epoch = epoch;
      this.rollup = rollup;
      this.gzip = gzip;
    }

    /** An answer kept as compressed JSON. */
    static Answer written(String version, long epoch, Rollup rollup, ObjectMapper mapper) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
      try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192)) {
        mapper.writeValue(zip, rollup);
      } catch (IOException e) {
        throw new IllegalStateException("Rollup could not be written / 汇总结果无法序列化", e);
      }
      return new Answer(version, epoch, null, out.toByteArray());
    }

    /** An answer kept as objects. */
    static Answer kept(String version, long epoch, Rollup rollup) {
      return new Answer(version, epoch, rollup, null);
    }

    public String version() {
      return version;
    }

    long epoch() {
      return epoch;
    }

    /** Known to be current at {@code now} as well (a later count of changes). */
    void current(long now) {
      if (now > epoch) {
        epoch = now;
      }
    }

    /** The rollup; only for answers kept as objects. */
    Rollup rollup() {
      return Objects.requireNonNull(rollup, "kept as JSON");
    }

    /** The JSON, gzip-compressed. */
    public byte[] gzip() {
      return Objects.requireNonNull(gzip, "kept as objects");
    }

    /** The JSON, inflated now (see {@link RollupService#json}). */
    byte[] inflate() {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip()), 8192)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new IllegalStateException("Rollup could not be read / 汇总结果无法读取", e);
      }
    }

    /** Roughly how many bytes it holds, for the cache's budget. */
    int weight() {
      if (gzip != null) {
        return gzip.length + 200;
      }
      return 100 * Math.max(1, rollup.cells().size()) + 200;
    }
  }

  /**
   * How many bytes the cache of computed rollups holds unless configured (compressed), and half as
   * much again for the plain JSON of the answers asked for most.
   */
  static final String DEFAULT_CACHE_BYTES = "32000000";

  private final DataSource dataSource;
  private final RegionTree regions;
  private final ObjectMapper mapper;
  private final Cache<String, Answer> answers;

  /**
   * The JSON of the answers asked for most, as it is: inflating the nation's 260 KB took 0.7 ms a
   * request. Keyed by the answer itself (identity, weakly: gone with it).
   */
  private final Cache<Answer, byte[]> inflated;

  /**
   * For tools that read rollups as objects ({@link #rollup}, the rollup benchmark): the mapper is a
   * plain one, not the service's, so the JSON of {@link #answer} is not what the API sends.
   */
  public RollupService(DataSource dataSource, RegionTree regions) {
    this(dataSource, regions, new ObjectMapper(), Long.parseLong(DEFAULT_CACHE_BYTES));
  }

  /**
   * {@code cacheBytes}: how many bytes the cache of computed rollups may hold (a county's answer is
   * about 3 KB compressed, the nation's about 30 KB).
   */
  @Inject
  public RollupService(
      DataSource dataSource,
      RegionTree regions,
      ObjectMapper mapper,
      @ConfigProperty(name = "nianbao.rollup.cache-bytes", defaultValue = DEFAULT_CACHE_BYTES)
          long cacheBytes) {
    this.dataSource = dataSource;
    this.regions = regions;
    this.mapper = mapper;
    this.answers =
        Caffeine.newBuilder()
            .maximumWeight(cacheBytes)
            .weigher((String key, Answer a) -> a.weight())
            .build();
    this.inflated =
        Caffeine.newBuilder()
            .weakKeys()
            .maximumWeight(cacheBytes / 2)
            .weigher((Answer a, byte[] json) -> json.length)
            .build();
  }

  /** The JSON of an answer of {@link #answer}. */
  public byte[] json(Answer answer) {
    return inflated.get(answer, Answer::inflate);
  }

  /** A rollup computed now (not from the cache) with its version: CSV downloads and tools. */
  public record Computed(String version, Rollup rollup) {}

  /** The rollup of a region and year with its children, computed now. */
  public Rollup rollup(String regionCode, int year, RollupFilter filter) {
    return computed(regionCode, year, filter).rollup();
  }

  /** The rollup of a region and year with its children and its version, computed now. */
  public Computed computed(String regionCode, int year, RollupFilter filter) {
    checkYear("year", year);
    RegionTree.Node region = requireRegion(regionCode);
    List<RegionTree.Node> children = children(region, filter, true);
    return read(
        c ->
            new Computed(
                version(c, region, children, year, filter),
                rollup(c, region, children, year, filter, true)));
  }

  /**
   * The rollup of a region and year with its children, with its version (an entity tag) and its
   * JSON written once: a repeated request whose summary rows have not changed is answered from
   * memory.
   */
  public Answer answer(String regionCode, int year, RollupFilter filter) {
    checkYear("year", year);
    RegionTree.Node region = requireRegion(regionCode);
    Answer cached = answers.getIfPresent(key(region, year, filter, true));
    if (cached != null) {
      // the common case, a rollup asked again: a trivial statement in its own snapshot (no
      // transaction) reads the count of committed rollup changes; only when it moved since the
      // answer was known current, a second one reads the digest of the rows the answer was
      // computed from (row versions only move forward: the same digest later means the same rows
      // at the count's snapshot too)
      List<RegionTree.Node> children = children(region, filter, true);
      long known = cached.epoch();
      Check check = single(c -> check(c, region, children, year, filter, known));
      if (check.epoch() == known) {
        return cached;
      }
      if (cached.version().equals(check.version())) {
        cached.current(check.epoch());
        return cached;
      }
    }
    return read(c -> answer(c, region, year, filter, true));
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
    RegionTree.Node region = requireRegion(regionCode);
    return read(
        c -> {
          List<Rollup> years = new ArrayList<>();
          for (int y = from; y <= to; y++) {
            years.add(answer(c, region, y, filter, false).rollup());
          }
          return new RollupSeries(region.ref(), from, to, years);
        });
  }

  /** The expected units of the rollup without any current report for the year, by code. */
  public MissingPage missing(String regionCode, int year, RollupFilter filter, Paging paging) {
    checkYear("year", year);
    RegionTree.Node region = requireRegion(regionCode);
    return read(
        c -> {
          long total =
              sums(c, region, List.of(), year, filter).get(region.code()).tally().missing();
          List<MissingUnit> items = new ArrayList<>();
          if (total > paging.offset()) {
            String sql =
                "SELECT u.code, u.name, u.kind, u.region_code"
                    + missingFrom(year, region, filter)
                    + " ORDER BY u.code LIMIT ? OFFSET ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              int p = bindUnits(c, ps, 1, region, filter, true);
              ps.setInt(p++, paging.size());
              ps.setInt(p, paging.offset());
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  items.add(
                      new MissingUnit(
                          rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
              }
            }
          }
          return new MissingPage(items, paging.page(), paging.size(), total);
        });
  }

  /**
   * The rollup from the cache when the rows it is computed from are those it was computed from
   * (same snapshot), else computed and cached.
   */
  private Answer answer(
      Connection c, RegionTree.Node region, int year, RollupFilter filter, boolean withChildren)
      throws SQLException {
    List<RegionTree.Node> children = children(region, filter, withChildren);
    long epoch = epoch(c);
    String version = version(c, region, children, year, filter);
    String key = key(region, year, filter, withChildren);
    Answer cached = answers.getIfPresent(key);
    if (cached != null && cached.version().equals(version)) {
      cached.current(epoch);
      return cached;
    }
    Rollup computed = rollup(c, region, children, year, filter, withChildren);
    Answer fresh =
        withChildren
            ? Answer.written(version, epoch, computed, mapper)
            : Answer.kept(version, epoch, computed);
    answers.put(key, fresh);
    return fresh;
  }

  private List<RegionTree.Node> children(
      RegionTree.Node region, RollupFilter filter, boolean withChildren) {
    return withChildren && !filter.own()
        ? region.view().children().stream().map(r -> regions.require(r.code())).toList()
        : List.of();
  }

  private static String key(
      RegionTree.Node region, int year, RollupFilter filter, boolean withChildren) {
    return region.code()
        + '/'
        + year
        + '/'
        + filter.level()
        + '/'
        + String.join(",", filter.kindNames())
        + '/'
        + withChildren;
  }

  /**
   * What a rollup is computed from, as a digest: the version (xmin) of every summary row it reads
   * (both years, both formats, every stripe), of every unit count, and the current declared
   * version. Every change of sums or coverage writes one of these rows (the ledger adds a non-zero
   * delta for any change of a unit's status; registering a unit changes its counts), so an
   * unchanged digest means an unchanged rollup.
   */
  private static String version(
      Connection c,
      RegionTree.Node region,
      List<RegionTree.Node> children,
      int year,
      RollupFilter filter)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DIGEST)) {
      bindDigest(c, ps, 1, region, children, year, filter);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        String digest = rs.getString(1);
        return digest == null ? "empty" : digest;
      }
    }
  }

  /** The count of committed changes to what rollups read (V17): it only grows. */
  private static final String EPOCH = "SELECT coalesce(sum(changes), 0) FROM rollup_epoch";

  private static long epoch(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(EPOCH);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The count of changes, and the digest when the count is not {@code known} (else null). */
  private record Check(long epoch, String version) {}

  /**
   * The count of changes and, only when it moved from {@code known}, the digest: two statements,
   * each in its own snapshot. The count alone is a trivial statement; in one statement with the
   * digest, PostgreSQL planned the digest on every execution (custom plans for its array
   * parameters), 0.2–0.4 ms per request even when it was not run.
   */
  private static Check check(
      Connection c,
      RegionTree.Node region,
      List<RegionTree.Node> children,
      int year,
      RollupFilter filter,
      long known)
      throws SQLException {
    long epoch = epoch(c);
    return new Check(epoch, epoch == known ? null : version(c, region, children, year, filter));
  }

  private static final String DIGEST =
      "SELECT md5(string_agg(v, ',' ORDER BY v)) FROM ("
          + "SELECT concat_ws('/', 's', year, format_version, region_code, own, unit_kind, stripe,"
          + " xmin) AS v FROM rollup_sum WHERE year IN (?, ?)"
          + " AND format_version IN ('FMT2019', 'FMT2021')"
          + ROWS
          + " UNION ALL SELECT concat_ws('/', 'u', region_code, own, unit_kind, xmin) FROM unit_tally"
          + " WHERE true"
          + ROWS
          + " UNION ALL SELECT concat_ws('/', 'd', rv.id) FROM report r JOIN report_version rv"
          + " ON rv.report_id = r.id AND rv.version = r.current_version"
          + " WHERE r.unit_code = ? AND r.year = ? AND rv.scope = 'AGGREGATE') x";

  /** Binds {@link #DIGEST}'s parameters from {@code first} on. */
  private static void bindDigest(
      Connection c,
      PreparedStatement ps,
      int first,
      RegionTree.Node region,
      List<RegionTree.Node> children,
      int year,
      RollupFilter filter)
      throws SQLException {
    String[] childCodes = children.stream().map(RegionTree.Node::code).toArray(String[]::new);
    ps.setInt(first, year);
    ps.setInt(first + 1, year - 1);
    bindRows(c, ps, first + 2, region, filter, childCodes, filter.kindNames());
    bindRows(c, ps, first + 6, region, filter, childCodes, filter.kindNames());
    ps.setString(first + 10, region.code());
    ps.setInt(first + 11, year);
  }

  private Rollup rollup(
      Connection c,
      RegionTree.Node region,
      List<RegionTree.Node> children,
      int year,
      RollupFilter filter,
      boolean withChildren)
      throws SQLException {
    FormatVersion format = FormatVersion.forYear(year);
    Map<String, YearSums> sums = sums(c, region, children, year, filter);
    YearSums mine = sums.get(region.code());
    Tally total = mine.tally();
    Coverage coverage =
        new Coverage(
            total.expected,
            total.summed,
            total.missing(),
            total.aggregateOnly,
            total.otherFormat,
            total.missing() > 0 ? missingCodes(c, region, year, filter) : new ArrayList<>(),
            total.missing() > LIST_CAP
                ? "/api/v1/rollups/"
                    + region.code()
                    + "/"
                    + year
                    + "/missing?page=1&size="
                    + 500
                    + query(filter)
                : null,
            total.aggregateOnly > 0
                ? statusCodes(c, region, year, filter, "s.scope = 'AGGREGATE'")
                : new ArrayList<>(),
            total.otherFormat > 0
                ? statusCodes(
                    c,
                    region,
                    year,
                    filter,
                    "s.scope = 'SELF' AND s.format_version = '" + format.other().name() + "'")
                : new ArrayList<>());
    List<RollupChild> childViews = null;
    if (withChildren) {
      childViews = new ArrayList<>();
      for (RegionTree.Node child : children) {
        YearSums s = sums.get(child.code());
        Tally cc = s.tally();
        childViews.add(
            new RollupChild(
                child.ref(),
                s.year().cells(),
                IndicatorCalculator.of(s.year(), s.previousYear()),
                new Coverage(
                    cc.expected,
                    cc.summed,
                    cc.missing(),
                    cc.aggregateOnly,
                    cc.otherFormat,
                    null,
                    null,
                    null,
                    null)));
      }
    }
    Declared declared =
        filter.own() || !filter.allKinds() ? null : declared(c, region.code(), year, mine.year());
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
   * For the region and each child, from the summary tables: the sums of the year and of the year
   * before, and the coverage counts of the year (expected units from {@code unit_tally}; reporting,
   * other-format and aggregate-only units from {@code rollup_sum}).
   */
  private Map<String, YearSums> sums(
      Connection c,
      RegionTree.Node region,
      List<RegionTree.Node> children,
      int year,
      RollupFilter filter)
      throws SQLException {
    FormatVersion format = FormatVersion.forYear(year);
    FormatVersion previousFormat = FormatVersion.forYear(year - 1);
    Map<String, YearSums> out = new HashMap<>();
    out.put(region.code(), YearSums.empty(format, previousFormat));
    String[] childCodes = new String[children.size()];
    for (int i = 0; i < childCodes.length; i++) {
      childCodes[i] = children.get(i).code();
      out.put(childCodes[i], YearSums.empty(format, previousFormat));
    }
    String[] kinds = filter.kindNames();
    // the year: every count, and only the amount cells (the fee) of the numeric array; the rows of
    // the other format give only their report count (coverage: excluded, other format)
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
        c.prepareStatement(
            "SELECT region_code, format_version = ?, report_count, aggregate_count,"
                + " CASE WHEN format_version = ? THEN counts END,"
                + " CASE WHEN format_version = ? THEN "
                + amounts
                + " END FROM rollup_sum WHERE year = ? AND format_version IN ('FMT2019', 'FMT2021')"
                + ROWS)) {
      ps.setString(1, format.name());
      ps.setString(2, format.name());
      ps.setString(3, format.name());
      ps.setInt(4, year);
      bindRows(c, ps, 5, region, filter, childCodes, kinds);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          YearSums target = out.get(rs.getString(1));
          long reports = rs.getLong(3);
          target.tally().aggregateOnly += rs.getLong(4);
          if (!rs.getBoolean(2)) {
            target.tally().otherFormat += reports;
            continue;
          }
          target.tally().summed += reports;
          target.year().add(reports, (Long[]) rs.getArray(5).getArray(), new BigDecimal[0]);
          BigDecimal[] fee = (BigDecimal[]) rs.getArray(6).getArray();
          for (int i = 0; i < fee.length; i++) {
            target.year().addAmount(amountCells.get(i), fee[i]);
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT region_code, sum(unit_count) FROM unit_tally WHERE true"
                + ROWS
                + " GROUP BY region_code")) {
      bindRows(c, ps, 1, region, filter, childCodes, kinds);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.get(rs.getString(1)).tally().expected += rs.getLong(2);
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
                  + "] FROM rollup_sum WHERE year = ? AND format_version = ?"
                  + ROWS)) {
        ps.setInt(1, year - 1);
        ps.setString(2, previousFormat.name());
        bindRows(c, ps, 3, region, filter, childCodes, kinds);
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

  private static void bindRows(
      Connection c,
      PreparedStatement ps,
      int first,
      RegionTree.Node region,
      RollupFilter filter,
      String[] childCodes,
      String[] kinds)
      throws SQLException {
    ps.setString(first, region.code());
    ps.setBoolean(first + 1, filter.own());
    ps.setArray(first + 2, c.createArrayOf("varchar", childCodes));
    ps.setArray(first + 3, c.createArrayOf("varchar", kinds));
  }

  /**
   * The expected units of the rollup without a current report of the year: a condition on {@code u}
   * and the same on the status rows, each region level on its own pair of indexes in code order
   * (V14), so that the first codes are found by merging two ranges of the region alone.
   */
  private static String missingFrom(int year, RegionTree.Node region, RollupFilter filter) {
    String column = placeColumn(region, filter);
    String units = column == null ? "" : " AND u." + column + " = ?";
    String status = column == null ? "" : " AND s." + column + " = ?";
    return " FROM unit u WHERE true"
        + units
        + (filter.allKinds() ? "" : " AND u.kind = ANY (?)")
        + " AND NOT EXISTS (SELECT 1 FROM rollup_unit_status s WHERE s.year = "
        + year
        + status
        + " AND s.unit_code = u.code)";
  }

  /**
   * The units of the rollup, a condition on {@code u} (for the lists read from the status rows).
   */
  private static String unitsOf(RegionTree.Node region, RollupFilter filter) {
    String column = placeColumn(region, filter);
    return (column == null ? "" : " AND u." + column + " = ?")
        + (filter.allKinds() ? "" : " AND u.kind = ANY (?)");
  }

  /** The column of a unit that holds the region (null for the whole nation). */
  private static String placeColumn(RegionTree.Node region, RollupFilter filter) {
    if (filter.own() || region.depth() >= 3) {
      return "region_code";
    }
    return switch (region.depth()) {
      case 0 -> null;
      case 1 -> "province_code";
      default -> "city_code";
    };
  }

  /**
   * Binds what {@link #missingFrom} or {@link #unitsOf} asked for, from {@code first}; the next
   * index.
   */
  private static int bindUnits(
      Connection c,
      PreparedStatement ps,
      int first,
      RegionTree.Node region,
      RollupFilter filter,
      boolean missing)
      throws SQLException {
    int p = first;
    boolean placed = placeColumn(region, filter) != null;
    if (placed) {
      ps.setString(p++, region.code());
    }
    if (!filter.allKinds()) {
      ps.setArray(p++, c.createArrayOf("varchar", filter.kindNames()));
    }
    if (missing && placed) {
      ps.setString(p++, region.code());
    }
    return p;
  }

  /** The first {@link #LIST_CAP} missing units of the rollup, by code. */
  private static List<String> missingCodes(
      Connection c, RegionTree.Node region, int year, RollupFilter filter) throws SQLException {
    String sql =
        "SELECT u.code" + missingFrom(year, region, filter) + " ORDER BY u.code LIMIT " + LIST_CAP;
    return codes(c, sql, region, filter, true);
  }

  /**
   * The first {@link #LIST_CAP} units of the rollup whose current report of the year matches {@code
   * status} (a condition on {@code s}, a {@code rollup_unit_status} row), by code.
   */
  private static List<String> statusCodes(
      Connection c, RegionTree.Node region, int year, RollupFilter filter, String status)
      throws SQLException {
    String sql =
        "SELECT u.code FROM rollup_unit_status s JOIN unit u ON u.code = s.unit_code"
            + " WHERE s.year = "
            + year
            + " AND "
            + status
            + unitsOf(region, filter)
            + " ORDER BY s.unit_code LIMIT "
            + LIST_CAP;
    return codes(c, sql, region, filter, false);
  }

  private static List<String> codes(
      Connection c, String sql, RegionTree.Node region, RollupFilter filter, boolean missing)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindUnits(c, ps, 1, region, filter, missing);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
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

  private RegionTree.Node requireRegion(String code) {
    if (code == null || !code.matches("[0-9]{6}")) {
      throw ProblemException.notFound("Region", String.valueOf(code));
    }
    return regions.require(code);
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

  /** One statement, in autocommit: its own snapshot. */
  private <T> T single(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Rollup query failed / 汇总查询失败: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T apply(Connection c) throws SQLException;
  }
}

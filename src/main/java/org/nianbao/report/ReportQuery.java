package org.nianbao.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.common.Page;
import org.nianbao.common.Paging;
import org.nianbao.common.ProblemException;
import org.nianbao.report.ReportViews.ReportListItem;
import org.nianbao.unit.Region;
import org.nianbao.unit.RegionRepository;
import org.nianbao.unit.UnitKind;
import org.nianbao.validation.Scope;

/** Lists the current reports with filters, a stable order and a total count. */
@ApplicationScoped
public class ReportQuery {

  /** List filters; null means "any". */
  public record Filter(
      Integer year,
      String unit,
      String region,
      UnitKind kind,
      Scope scope,
      String status,
      Boolean hasWarnings,
      String sort) {}

  private static final Map<String, String> SORTS =
      Map.of(
          "unit", "u.code, r.year",
          "year", "r.year, u.code",
          "submittedAt", "v.submitted_at",
          "warnings", "v.warnings",
          "version", "v.version");

  private final ReportStore store;
  private final RegionRepository regions;

  public ReportQuery(ReportStore store, RegionRepository regions) {
    this.store = store;
    this.regions = regions;
  }

  @Transactional
  public Page<ReportListItem> list(Filter f, Paging paging) {
    String order = order(f.sort());
    if (f.status() != null
        && java.util.Arrays.stream(VersionStatus.values())
            .noneMatch(s -> s.name().equals(f.status()))) {
      throw ProblemException.badRequest("status", "status must be ACCEPTED or SUPERSEDED / 状态取值无效");
    }
    Region region = f.region() == null ? null : regions.require(f.region());
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (f.year() != null) {
      where.append(" AND r.year = ?");
      args.add(f.year());
    }
    if (f.unit() != null) {
      where.append(" AND r.unit_code = ?");
      args.add(f.unit());
    }
    if (region != null) {
      where.append(" AND g.path LIKE ?");
      args.add(region.path + "%");
    }
    if (f.kind() != null) {
      where.append(" AND u.kind = ?");
      args.add(f.kind().name());
    }
    if (f.scope() != null) {
      where.append(" AND v.scope = ?");
      args.add(f.scope().name());
    }
    if (f.status() != null) {
      where.append(" AND v.status = ?");
      args.add(f.status());
    }
    if (f.hasWarnings() != null) {
      where.append(f.hasWarnings() ? " AND v.warnings > 0" : " AND v.warnings = 0");
    }
    String from =
        " FROM report r JOIN report_version v ON v.report_id = r.id AND v.version = r.current_version"
            + " JOIN unit u ON u.code = r.unit_code JOIN region g ON g.code = u.region_code";
    return store.run(
        c -> {
          long total;
          try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + from + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              total = rs.getLong(1);
            }
          }
          List<ReportListItem> items = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT u.code, u.name, u.kind, u.region_code, r.year, v.version, v.status, v.format_version,"
                      + " v.scope, v.published_at, v.submitted_at, v.errors, v.warnings"
                      + from
                      + where
                      + " ORDER BY "
                      + order
                      + ", r.id LIMIT ? OFFSET ?")) {
            bind(ps, args);
            ps.setInt(args.size() + 1, paging.size());
            ps.setLong(args.size() + 2, (long) paging.offset());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                items.add(
                    new ReportListItem(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        VersionStatus.valueOf(rs.getString(7)),
                        FormatVersion.valueOf(rs.getString(8)),
                        Scope.valueOf(rs.getString(9)),
                        rs.getObject(10, LocalDate.class),
                        rs.getObject(11, OffsetDateTime.class)
                            .withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getInt(12),
                        rs.getInt(13)));
              }
            }
          }
          return new Page<>(items, paging.page(), paging.size(), total);
        });
  }

  private static String order(String sort) {
    if (sort == null || sort.isBlank()) {
      return SORTS.get("unit");
    }
    boolean descending = sort.startsWith("-");
    String key = descending ? sort.substring(1) : sort;
    String columns = SORTS.get(key);
    if (columns == null) {
      throw ProblemException.badRequest(
          "sort",
          "sort must be one of "
              + String.join(", ", SORTS.keySet())
              + ", optionally prefixed by - / 排序字段无效");
    }
    if (!descending) {
      return columns;
    }
    StringBuilder sb = new StringBuilder();
    for (String column : columns.split(", ")) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(column).append(" DESC");
    }
    return sb.toString();
  }

  private static void bind(PreparedStatement ps, List<Object> args) throws java.sql.SQLException {
    for (int i = 0; i < args.size(); i++) {
      ps.setObject(i + 1, args.get(i));
    }
  }
}

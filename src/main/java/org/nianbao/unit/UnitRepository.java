package org.nianbao.unit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.nianbao.common.ProblemException;

/** Finds units, by code or by region subtree and kind. */
@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, String> {

  /** How many units are kept in memory (≈ 1 KB each); the national dataset has 33,000. */
  static final int CACHED_UNITS = 100_000;

  private final DataSource dataSource;
  private final Cache<String, Unit> known = Caffeine.newBuilder().maximumSize(CACHED_UNITS).build();

  public UnitRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The unit with its region, or a 404 problem: read in one query the first time, then from memory
   * (a unit never changes once registered, and is never deleted; only units that exist are kept, so
   * a unit registered later is found). The entity returned is detached from any persistence context
   * and shared: read its fields (the region is loaded), never change it.
   */
  public Unit require(String code) {
    Unit cached = cached(code);
    return cached != null ? cached : remember(code, load(code));
  }

  /** The unit if it is in memory, else null (then read it with {@link #BY_CODE}). */
  public Unit cached(String code) {
    return code == null ? null : known.getIfPresent(code);
  }

  /**
   * A unit read with {@link #BY_CODE} (null: none found, a 404 problem naming {@code code}), kept
   * in memory from now on.
   */
  public Unit remember(String code, Unit unit) {
    if (unit == null) {
      throw ProblemException.notFound("Unit", code);
    }
    known.put(unit.code, unit);
    return unit;
  }

  /**
   * One unit with its region by code (its only parameter), for {@link #read}: other statements can
   * carry it in their round trip.
   */
  public static final String BY_CODE =
      "SELECT u.code, u.name, u.kind, u.parent_code, u.created_at, r.code, r.name,"
          + " r.level, r.parent_code, r.path, r.depth, r.statistical_zone, r.edition"
          + " FROM unit u JOIN region r ON r.code = u.region_code WHERE u.code = ?";

  /**
   * The unit and its region in one plain query, built as detached objects: a unit is read once per
   * submission that finds it missing from memory (a unit submits about once a year, so most
   * submissions at a deadline do), and Hibernate's query path cost 11% of a submission's CPU.
   */
  private Unit load(String code) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(BY_CODE)) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        return read(rs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Unit lookup failed / 单位查询失败: " + e.getMessage(), e);
    }
  }

  /** The unit of a {@link #BY_CODE} result, as a detached object; null if there is none. */
  public static Unit read(ResultSet rs) throws SQLException {
    if (!rs.next()) {
      return null;
    }
    Region region = new Region();
    region.code = rs.getString(6);
    region.name = rs.getString(7);
    region.level = rs.getString(8);
    region.parentCode = rs.getString(9);
    region.path = rs.getString(10);
    region.depth = rs.getShort(11);
    region.statisticalZone = rs.getBoolean(12);
    region.edition = rs.getShort(13);
    Unit unit = new Unit();
    unit.code = rs.getString(1);
    unit.name = rs.getString(2);
    unit.kind = UnitKind.valueOf(rs.getString(3));
    unit.parentCode = rs.getString(4);
    unit.createdAt = rs.getObject(5, OffsetDateTime.class);
    unit.region = region;
    return unit;
  }

  /**
   * Units located anywhere in the subtree at {@code regionPath} (when given), of {@code kind} (when
   * given).
   */
  public PanacheQuery<Unit> search(String regionPath, UnitKind kind) {
    StringBuilder q = new StringBuilder("from Unit u join fetch u.region r where 1 = 1");
    Parameters p = new Parameters();
    if (regionPath != null) {
      q.append(" and r.path like :path");
      p.and("path", regionPath + "%");
    }
    if (kind != null) {
      q.append(" and u.kind = :kind");
      p.and("kind", kind);
    }
    return find(q.toString(), Sort.by("u.code"), p);
  }
}

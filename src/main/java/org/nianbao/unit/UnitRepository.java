package org.nianbao.unit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.common.ProblemException;

/** Finds units, by code or by region subtree and kind. */
@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, String> {

  /** How many units are kept in memory (≈ 1 KB each); the national dataset has 33,000. */
  static final int CACHED_UNITS = 100_000;

  private final Cache<String, Unit> known = Caffeine.newBuilder().maximumSize(CACHED_UNITS).build();

  /**
   * The unit with its region, or a 404 problem: read in one query the first time, then from memory
   * (a unit never changes once registered, and is never deleted; only units that exist are kept, so
   * a unit registered later is found). The entity returned is detached from any persistence context
   * and shared: read its fields (the region is loaded), never change it.
   */
  public Unit require(String code) {
    Unit cached = code == null ? null : known.getIfPresent(code);
    if (cached != null) {
      return cached;
    }
    Unit unit =
        find("from Unit u join fetch u.region where u.code = ?1", code)
            .firstResultOptional()
            .orElseThrow(() -> ProblemException.notFound("Unit", code));
    known.put(unit.code, unit);
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

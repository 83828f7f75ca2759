package org.nianbao.unit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.common.ProblemException;

/** Finds units, by code or by region subtree and kind. */
@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, String> {

  /**
   * The unit with its region, in one query (the rules and scopes read the region), or a 404
   * problem.
   */
  public Unit require(String code) {
    return find("from Unit u join fetch u.region where u.code = ?1", code)
        .firstResultOptional()
        .orElseThrow(() -> ProblemException.notFound("Unit", code));
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

package org.nianbao.unit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.common.ProblemException;

/**
 * Region entities, for the tables that refer to them; reads of the tree go to {@link RegionTree}.
 */
@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<Region, String> {

  public Region require(String code) {
    return findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("Region", code));
  }
}

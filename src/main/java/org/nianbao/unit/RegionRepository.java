package org.nianbao.unit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nianbao.common.ProblemException;

/** Reads the region tree. */
@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<Region, String> {

  public Region require(String code) {
    return findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("Region", code));
  }

  public List<Region> children(String code) {
    return list("parentCode = ?1 order by code", code);
  }

  /** The regions on the path of {@code region}, root first, including itself. */
  public List<Region> lineage(Region region) {
    List<String> codes = region.pathCodes();
    Map<String, Region> byCode =
        list("code in ?1", codes).stream().collect(Collectors.toMap(r -> r.code, Function.identity()));
    return codes.stream().map(byCode::get).toList();
  }
}

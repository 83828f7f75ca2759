package org.nianbao.unit;

import java.time.OffsetDateTime;
import java.util.List;

/** JSON shapes of regions and units, as the contract defines them. */
public final class UnitViews {

  private UnitViews() {}

  /** A region named by code, name and level. */
  public record RegionRef(String code, String name, String level) {
    static RegionRef of(Region r) {
      return new RegionRef(r.code, r.name, r.level);
    }
  }

  /** A region with its place in the tree. */
  public record RegionView(
      String code,
      String name,
      String level,
      boolean statisticalZone,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          RegionRef parent,
      List<RegionRef> ancestors,
      List<RegionRef> children) {}

  /** A unit with the regions it sits in, root first. */
  public record UnitView(
      String code,
      String name,
      UnitKind kind,
      RegionRef region,
      List<RegionRef> regionPath,
      String parentUnit,
      OffsetDateTime createdAt) {}

  /** A request to register an organ. */
  public record NewUnit(
      String code, String name, UnitKind kind, String regionCode, String parentUnit) {}
}

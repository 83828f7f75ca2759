package org.nianbao.validation;

import java.math.BigDecimal;

/**
 * The plausibility ceiling of a fee amount in 万元 by the unit's region level (FMT-06): above it, the
 * amount was probably entered in 元. The one place these numbers live.
 */
public enum FeeCeiling {
  COUNTY(100_000),
  CITY(1_000_000),
  PROVINCE(10_000_000),
  NATION(100_000_000);

  private final BigDecimal wanYuan;

  FeeCeiling(long wanYuan) {
    this.wanYuan = BigDecimal.valueOf(wanYuan);
  }

  /** The ceiling in 万元. */
  public BigDecimal wanYuan() {
    return wanYuan;
  }

  /**
   * The ceiling for a region level (NATION, PROVINCE, CITY, COUNTY); unknown levels get the
   * national one.
   */
  public static FeeCeiling forRegionLevel(String regionLevel) {
    if (regionLevel != null) {
      for (FeeCeiling c : values()) {
        if (c.name().equalsIgnoreCase(regionLevel)) {
          return c;
        }
      }
    }
    return NATION;
  }
}

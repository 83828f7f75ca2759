package org.nianbao.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A division of the country (province, city, county, development zone) in the region tree. */
@Entity
@Table(name = "region")
public class Region {

  /** The national root of the tree. */
  public static final String NATION = "000000";

  @Id
  @Column(length = 6)
  public String code;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String level;

  @Column(name = "parent_code", length = 6)
  public String parentCode;

  /** Materialized path from the root, e.g. {@code /000000/410000/411300/411303/}. */
  @Column(nullable = false)
  public String path;

  @Column(nullable = false)
  public short depth;

  @Column(name = "statistical_zone", nullable = false)
  public boolean statisticalZone;

  @Column(nullable = false)
  public short edition;

  /** Codes from the root down to this region, root first. */
  public java.util.List<String> pathCodes() {
    return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }
}

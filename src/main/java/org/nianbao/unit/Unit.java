package org.nianbao.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An organ that publishes an annual report: a people's government (code = division code) or another
 * organ registered by its 统一社会信用代码.
 */
@Entity
@Table(name = "unit")
public class Unit {

  @Id
  @Column(length = 18)
  public String code;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public UnitKind kind;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "region_code", nullable = false)
  public Region region;

  @Column(name = "parent_code", length = 18)
  public String parentCode;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public OffsetDateTime createdAt;
}

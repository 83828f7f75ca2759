package org.nianbao.unit;

/** The kinds of organ that publish annual reports (SPEC §5.2). */
public enum UnitKind {
  PEOPLES_GOV,
  GOV_OFFICE,
  DEPARTMENT,
  TOWNSHIP_GOV,
  SUBDISTRICT_OFFICE,
  ZONE_ADMIN,
  DISPATCHED,
  AUTHORIZED_ORG,
  VERTICAL_BRANCH
}

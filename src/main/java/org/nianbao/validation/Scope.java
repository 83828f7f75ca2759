package org.nianbao.validation;

/** Whom a report's numbers cover (SPEC §5): the organ itself, or a summary of other organs. */
public enum Scope {
  /** The organ's own work only; summed by rollups. */
  SELF,
  /**
   * A summary of other organs' reports; never summed, only compared with the computed sum (AGG-02).
   */
  AGGREGATE
}

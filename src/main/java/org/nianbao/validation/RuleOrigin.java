package org.nianbao.validation;

/**
 * Where a rule comes from (SPEC §3): the format itself, the table's structure, common practice, or
 * this spec.
 */
public enum RuleOrigin {
  /** Printed in the format or the regulation. */
  OFFICIAL,
  /** Follows from how the table is built. */
  STRUCTURAL,
  /** Applied by evaluators, examination systems or third-party checkers. */
  COMMON,
  /** A proposal of the spec. */
  HEURISTIC
}

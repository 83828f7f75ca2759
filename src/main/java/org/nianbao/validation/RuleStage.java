package org.nianbao.validation;

/**
 * Where a rule is applied: by this engine on every document, or by the part of the service that
 * owns the fact.
 */
public enum RuleStage {
  /** The rule engine ({@link Validator}): dry run, submission and import alike. */
  VALIDATION,
  /** The importer, while reading a published document (e.g. the six section headings). */
  IMPORT,
  /** Report storage (versions of one unit and year). */
  STORAGE,
  /** The rollup engine (aggregation invariants). */
  ROLLUP
}

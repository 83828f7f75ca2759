package org.nianbao.report;

import org.nianbao.catalogue.FormatVersion;
import org.nianbao.validation.CellValues;
import org.nianbao.validation.Scope;

/**
 * The current version of a (unit, year) report changed: what it was before (null for a first
 * version) and what it is now. Published by the report service as a synchronous CDI event, so its
 * observers (the rollup summaries) run in the submitting transaction.
 */
public record ReportChange(String unitCode, int year, Snapshot before, Snapshot after) {

  /** The parts of a version that rollups read. */
  public record Snapshot(FormatVersion format, Scope scope, CellValues cells) {}
}

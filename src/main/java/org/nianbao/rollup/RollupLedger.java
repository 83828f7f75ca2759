package org.nianbao.rollup;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the rollup summaries in step with the current report versions, inside the submitting transaction.
 * (Stub until the rollup issue lands.)
 */
@ApplicationScoped
public class RollupLedger {

  /** Called by the report service, in its transaction, whenever a current version changes. */
  public void apply(ReportChange change) {}
}

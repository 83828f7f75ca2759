package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.nianbao.rollup.RollupLedger;

/** Fills the rollup summaries created by V5 from the reports already stored. */
public class V5_1__rebuild_rollup_summaries extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    RollupLedger.rebuild(context.getConnection(), null);
  }
}

package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Kept as a no-op so the schema history of existing installs stays valid (same version and
 * description; Java migrations carry no checksum). It used to fill the V5 summaries by calling the
 * application's rollup code; that is now an explicit operation ({@code POST
 * /api/v1/admin/rollups/rebuild}) and a startup check ({@code org.nianbao.rollup.RollupRepair})
 * that rebuilds any year whose summaries disagree with the report tables — which covers an install
 * upgraded from before V5.
 */
public class V5_1__rebuild_rollup_summaries extends BaseJavaMigration {

  @Override
  public void migrate(Context context) {
    // intentionally empty, see above
  }
}

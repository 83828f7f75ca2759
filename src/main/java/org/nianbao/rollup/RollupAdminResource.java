package org.nianbao.rollup;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.rollup.RollupRepair.Rebuilt;

/** Administration of the rollup summaries. */
@Path("/api/v1/admin/rollups")
@Produces(MediaType.APPLICATION_JSON)
public class RollupAdminResource {

  private final RollupRepair repair;

  public RollupAdminResource(RollupRepair repair) {
    this.repair = repair;
  }

  @POST
  @Path("/rebuild")
  public Rebuilt rebuild() {
    return repair.rebuildAll();
  }
}

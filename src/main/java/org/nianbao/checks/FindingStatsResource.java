package org.nianbao.checks;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.common.Paging;
import org.nianbao.common.Params;
import org.nianbao.common.ProblemException;
import org.nianbao.unit.Region;

/** Findings of a region's current reports for a year, counted per rule and per unit. */
@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
public class FindingStatsResource {

  private final FindingStats stats;

  public FindingStatsResource(FindingStats stats) {
    this.stats = stats;
  }

  @GET
  public FindingStats.Summary summary(
      @QueryParam("year") String year,
      @QueryParam("region") String region,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Integer y = Params.optionalInteger("year", year);
    if (y == null) {
      throw ProblemException.badRequest("year", "year is required / 年度不能为空");
    }
    String code = region == null || region.isBlank() ? Region.NATION : region.strip();
    return stats.summarize(code, y, Paging.of(page, size));
  }
}

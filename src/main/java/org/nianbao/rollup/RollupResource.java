package org.nianbao.rollup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.nianbao.common.Csv;
import org.nianbao.common.EntityTags;
import org.nianbao.common.Paging;
import org.nianbao.common.Params;
import org.nianbao.rollup.RollupViews.MissingPage;
import org.nianbao.rollup.RollupViews.RollupSeries;

/** Rollups of the annual reports up the region tree: sums, coverage, indicators, JSON or CSV. */
@Path("/api/v1/rollups/{region}")
public class RollupResource {

  private final RollupService service;
  private final ObjectMapper mapper;

  public RollupResource(RollupService service, ObjectMapper mapper) {
    this.service = service;
    this.mapper = mapper;
  }

  @GET
  @Path("/{year}")
  @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
  public Response rollup(
      @PathParam("region") String region,
      @PathParam("year") String year,
      @QueryParam("kinds") String kinds,
      @QueryParam("level") String level,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @Context HttpHeaders headers)
      throws JsonProcessingException {
    RollupService.Answer answer =
        service.answer(region, Params.integer("year", year, 0), RollupFilter.parse(kinds, level));
    boolean csv = Csv.wanted(headers);
    String tag = answer.version() + (csv ? "-csv" : "");
    if (EntityTags.matches(ifNoneMatch, '"' + tag + '"')) {
      return Response.notModified(tag).build();
    }
    return csv
        ? Response.ok(RollupCsv.write(answer.rollup()), Csv.MEDIA_TYPE)
            .tag(tag)
            .header(
                "Content-Disposition",
                "attachment; filename=\"rollup-" + region + "-" + year + ".csv\"")
            .build()
        : Response.ok(answer.json(mapper), MediaType.APPLICATION_JSON_TYPE).tag(tag).build();
  }

  @GET
  @Path("/{year}/missing")
  @Produces(MediaType.APPLICATION_JSON)
  public MissingPage missing(
      @PathParam("region") String region,
      @PathParam("year") String year,
      @QueryParam("kinds") String kinds,
      @QueryParam("level") String level,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return service.missing(
        region,
        Params.integer("year", year, 0),
        RollupFilter.parse(kinds, level),
        Paging.of(page, size));
  }

  @GET
  @Path("/series")
  @Produces(MediaType.APPLICATION_JSON)
  public RollupSeries series(
      @PathParam("region") String region,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("kinds") String kinds,
      @QueryParam("level") String level) {
    int last = Params.integer("to", to, java.time.Year.now().getValue() - 1);
    int first = Params.integer("from", from, last - 4);
    return service.series(region, first, last, RollupFilter.parse(kinds, level));
  }
}

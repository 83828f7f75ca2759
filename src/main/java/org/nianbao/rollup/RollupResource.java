package org.nianbao.rollup;

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

  public RollupResource(RollupService service) {
    this.service = service;
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
      @HeaderParam("Accept-Encoding") String acceptEncoding,
      @Context HttpHeaders headers) {
    int y = Params.integer("year", year, 0);
    RollupFilter filter = RollupFilter.parse(kinds, level);
    if (Csv.wanted(headers)) {
      // a download, not a dashboard's poll: computed now rather than kept
      RollupService.Computed computed = service.computed(region, y, filter);
      String tag = computed.version() + "-csv";
      if (EntityTags.matches(ifNoneMatch, '"' + tag + '"')) {
        return Response.notModified(tag).build();
      }
      return Response.ok(RollupCsv.write(computed.rollup()), Csv.MEDIA_TYPE)
          .tag(tag)
          .header(
              "Content-Disposition",
              "attachment; filename=\"rollup-" + region + "-" + year + ".csv\"")
          .build();
    }
    RollupService.Answer answer = service.answer(region, y, filter);
    // one entity tag for both content codings of the same JSON; caches tell them apart by Vary
    String tag = answer.version();
    if (EntityTags.matches(ifNoneMatch, '"' + tag + '"')) {
      return Response.notModified(tag).header(HttpHeaders.VARY, "Accept-Encoding").build();
    }
    Response.ResponseBuilder ok =
        acceptsGzip(acceptEncoding)
            ? Response.ok(answer.gzip(), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Encoding", "gzip")
            : Response.ok(service.json(answer), MediaType.APPLICATION_JSON_TYPE);
    return ok.tag(tag).header(HttpHeaders.VARY, "Accept-Encoding").build();
  }

  /**
   * Whether an Accept-Encoding header allows gzip (RFC 9110 §12.5.3): a {@code gzip} (or {@code
   * x-gzip}) coding decides, else {@code *}; {@code q=0} refuses.
   */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    Boolean any = null;
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.split(";");
      String name = parts[0].strip();
      boolean allowed = true;
      for (int k = 1; k < parts.length; k++) {
        String p = parts[k].strip().toLowerCase(java.util.Locale.ROOT);
        if (p.startsWith("q=") && ZERO_Q.matcher(p.substring(2).strip()).matches()) {
          allowed = false;
        }
      }
      if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
        return allowed;
      }
      if (name.equals("*")) {
        any = allowed;
      }
    }
    return any != null && any;
  }

  private static final java.util.regex.Pattern ZERO_Q =
      java.util.regex.Pattern.compile("0(\\.0{0,3})?");

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

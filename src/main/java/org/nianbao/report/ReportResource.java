package org.nianbao.report;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.nianbao.common.Csv;
import org.nianbao.common.EntityTags;
import org.nianbao.common.Page;
import org.nianbao.common.Paging;
import org.nianbao.common.Params;
import org.nianbao.common.ProblemException;
import org.nianbao.report.ReportService.Outcome;
import org.nianbao.report.ReportService.Submission;
import org.nianbao.report.ReportViews.ReportListItem;
import org.nianbao.report.ReportViews.StoredReport;
import org.nianbao.report.ReportViews.VersionHistory;
import org.nianbao.unit.UnitKind;
import org.nianbao.validation.ReportDocument;
import org.nianbao.validation.Scope;

/** Annual reports of a unit: submit or amend (PUT), read, history; and the list across units. */
@Path("/api/v1")
public class ReportResource {

  private final ReportService reports;
  private final ReportQuery query;

  public ReportResource(ReportService reports, ReportQuery query) {
    this.reports = reports;
    this.query = query;
  }

  @PUT
  @Path("/units/{code}/reports/{year}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response submit(
      @PathParam("code") String code,
      @PathParam("year") String year,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      ReportDocument document,
      UriInfo uri) {
    if (document == null) {
      throw ProblemException.badRequest("body", "A report document is required / 请求体不能为空");
    }
    Outcome outcome =
        reports.submit(
            code,
            year(year),
            new Submission(document, ifMatch, idempotencyKey, "API", null, List.of()));
    return respond(outcome, uri);
  }

  /** 201 with Location for a new report, else 200; the ETag of the stored version either way. */
  static Response respond(Outcome outcome, UriInfo uri) {
    StoredReport r = outcome.report();
    Response.ResponseBuilder b =
        outcome.created()
            ? Response.created(
                uri.getBaseUriBuilder()
                    .path("api/v1/units/{code}/reports/{year}")
                    .build(r.unit(), r.year()))
            : Response.ok();
    return b.entity(r).tag(unquote(outcome.etag())).type(MediaType.APPLICATION_JSON).build();
  }

  @GET
  @Path("/units/{code}/reports/{year}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response read(
      @PathParam("code") String code,
      @PathParam("year") String year,
      @QueryParam("version") String version,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    Integer v = Params.optionalInteger("version", version);
    Outcome outcome = reports.read(code, year(year), v);
    if (ifNoneMatch != null && EntityTags.matches(ifNoneMatch, outcome.etag())) {
      return Response.notModified(unquote(outcome.etag())).build();
    }
    return Response.ok(outcome.report()).tag(unquote(outcome.etag())).build();
  }

  @GET
  @Path("/units/{code}/reports/{year}/versions")
  @Produces(MediaType.APPLICATION_JSON)
  public VersionHistory versions(@PathParam("code") String code, @PathParam("year") String year) {
    return reports.history(code, year(year));
  }

  @GET
  @Path("/reports")
  @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
  public Response list(
      @QueryParam("year") String year,
      @QueryParam("unit") String unit,
      @QueryParam("region") String region,
      @QueryParam("kind") String kind,
      @QueryParam("scope") String scope,
      @QueryParam("status") String status,
      @QueryParam("hasWarnings") String hasWarnings,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @QueryParam("sort") String sort,
      @Context HttpHeaders headers) {
    boolean csv = Csv.wanted(headers);
    ReportQuery.Filter filter =
        new ReportQuery.Filter(
            Params.optionalInteger("year", year),
            unit == null || unit.isBlank() ? null : unit.strip(),
            region == null || region.isBlank() ? null : region.strip(),
            Params.enumValue("kind", kind, UnitKind.class),
            Params.enumValue("scope", scope, Scope.class),
            status == null || status.isBlank()
                ? null
                : status.strip().toUpperCase(java.util.Locale.ROOT),
            Params.optionalBoolean("hasWarnings", hasWarnings),
            sort);
    Paging paging =
        csv && page == null && size == null
            ? new Paging(1, ReportCsv.MAX_ROWS)
            : Paging.of(page, size);
    Page<ReportListItem> result = query.list(filter, paging);
    if (csv) {
      return Response.ok(ReportCsv.list(result.items()), Csv.MEDIA_TYPE)
          .header("X-Total-Count", result.total())
          .header("Content-Disposition", "attachment; filename=\"reports.csv\"")
          .build();
    }
    return Response.ok(result, MediaType.APPLICATION_JSON).build();
  }

  private static int year(String raw) {
    Integer year = Params.optionalInteger("year", raw);
    if (year == null) {
      throw ProblemException.badRequest("year", "year is required / 年度不能为空");
    }
    return year;
  }

  private static String unquote(String etag) {
    return etag.substring(1, etag.length() - 1);
  }
}

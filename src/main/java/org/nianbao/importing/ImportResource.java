package org.nianbao.importing;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.common.FairUse;
import org.nianbao.common.Params;
import org.nianbao.common.Problem;
import org.nianbao.common.ProblemException;
import org.nianbao.common.ProblemType;
import org.nianbao.report.ReportViews.StoredReport;
import org.nianbao.validation.Finding;
import org.nianbao.validation.ReportDocument;

/**
 * Turns a published document (text, HTML, PDF, .docx) into a report document; optionally submits
 * it.
 */
@Path("/api/v1/imports")
public class ImportResource {

  private static final List<String> ACCEPTED =
      List.of(
          DocumentImporter.TEXT,
          DocumentImporter.HTML,
          DocumentImporter.DOCX,
          DocumentImporter.PDF,
          "application/xhtml+xml",
          "application/octet-stream");

  /** The import response: the report, what was read from the title, provenance and findings. */
  public record ImportView(
      ReportDocument report,
      String unitName,
      Integer year,
      FormatVersion formatVersion,
      Map<String, String> provenance,
      List<Finding> findings,
      Map<String, CellSource> sources,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          StoredReport submitted) {}

  private final ImportService imports;
  private final FairUse fairUse;

  public ImportResource(ImportService imports, FairUse fairUse) {
    this.imports = imports;
    this.fairUse = fairUse;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response importDocument(
      byte[] body,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @QueryParam("unit") String unit,
      @QueryParam("year") String year,
      @QueryParam("submit") String submit,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @Context HttpServerRequest request,
      UriInfo uri) {
    String base =
        contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!ACCEPTED.contains(base)) {
      throw new ProblemException(
          new Problem(
              ProblemType.UNSUPPORTED_MEDIA_TYPE,
              "Send text/plain, text/html, application/pdf or a .docx ("
                  + DocumentImporter.DOCX
                  + ") / 仅支持纯文本、HTML、PDF和docx文档"));
    }
    boolean doSubmit = Boolean.TRUE.equals(Params.optionalBoolean("submit", submit));
    Integer yearValue = Params.optionalInteger("year", year);
    String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    ImportService.Imported imported;
    try (FairUse.ImportSlot slot = fairUse.importSlot(authorization, address)) {
      imported =
          imports.importDocument(
              body,
              contentType,
              unit == null || unit.isBlank() ? null : unit.strip(),
              yearValue,
              doSubmit,
              ifMatch,
              idempotencyKey);
    }
    ImportResult r = imported.result();
    StoredReport stored = imported.submitted() == null ? null : imported.submitted().report();
    ImportView view =
        new ImportView(
            r.report(),
            r.unitName(),
            r.year(),
            r.formatVersion(),
            r.provenance(),
            imported.findings(),
            r.sources(),
            stored);
    if (stored == null) {
      return Response.ok(view).build();
    }
    Response.ResponseBuilder b =
        imported.submitted().created()
            ? Response.created(
                uri.getBaseUriBuilder()
                    .path("api/v1/units/{code}/reports/{year}")
                    .build(stored.unit(), stored.year()))
            : Response.ok();
    String etag = imported.submitted().etag();
    return b.entity(view).tag(etag.substring(1, etag.length() - 1)).build();
  }
}

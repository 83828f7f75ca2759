package org.nianbao.report;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.nianbao.common.Params;
import org.nianbao.common.ProblemException;
import org.nianbao.validation.TextSpan;

/**
 * GET …/similar: the stored reports whose narrative is nearest to a report's, for a reviewer
 * (TXT-06).
 */
@Path("/api/v1/units/{code}/reports/{year}/similar")
@Produces(MediaType.APPLICATION_JSON)
public class SimilarReportsResource {

  /** One near report. */
  public record SimilarReport(String unit, int year, int similarity, List<TextSpan> sharedSpans) {}

  /** The answer: the report asked about and its nearest reports, most similar first. */
  public record SimilarReports(String unit, int year, List<SimilarReport> similar) {}

  private static final int MAX_LIMIT = 50;

  private final NarrativeIndex index;

  public SimilarReportsResource(NarrativeIndex index) {
    this.index = index;
  }

  @GET
  public SimilarReports similar(
      @PathParam("code") String code,
      @PathParam("year") String rawYear,
      @QueryParam("limit") String rawLimit) {
    Integer year = Params.optionalInteger("year", rawYear);
    if (year == null) {
      throw ProblemException.badRequest("year", "year is required / 年度不能为空");
    }
    int limit = Params.integer("limit", rawLimit, 10);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.invalidField(
          "limit",
          "limit应在1到" + MAX_LIMIT + "之间。",
          "limit must be between 1 and " + MAX_LIMIT + ".");
    }
    List<SimilarReport> similar =
        index
            .similar(code, year, limit)
            .orElseThrow(() -> ProblemException.notFound("report", code + "/" + year))
            .stream()
            .map(s -> new SimilarReport(s.unit(), s.year(), s.similarity(), s.sharedSpans()))
            .toList();
    return new SimilarReports(code, year, similar);
  }
}

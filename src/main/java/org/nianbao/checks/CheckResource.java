package org.nianbao.checks;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.common.Params;
import org.nianbao.common.ProblemException;
import org.nianbao.report.ReportViews.ValidationOutcome;
import org.nianbao.report.ValidationService;
import org.nianbao.validation.ReportDocument;
import org.nianbao.validation.RuleCatalogue;
import org.nianbao.validation.RuleDescriptor;
import org.nianbao.validation.ValidationResult;

/** The cell and rule catalogue, and the dry-run validation of a report document. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CheckResource {

  /** A format's cells and rules. */
  public record CatalogueView(FormatVersion formatVersion, List<CellDefinition> cells, List<RuleDescriptor> rules) {}

  private final ValidationService validation;

  public CheckResource(ValidationService validation) {
    this.validation = validation;
  }

  @GET
  @Path("/catalogue")
  public CatalogueView catalogue(@QueryParam("format") String format) {
    FormatVersion version = Params.enumValue("format", format, FormatVersion.class);
    if (version == null) {
      version = FormatVersion.FMT2021;
    }
    return new CatalogueView(version, Catalogue.of(version).cells(), RuleCatalogue.describe(version));
  }

  @POST
  @Path("/validations")
  @Consumes(MediaType.APPLICATION_JSON)
  public ValidationOutcome validate(
      ReportDocument document, @QueryParam("unit") String unit, @QueryParam("year") String year) {
    if (document == null) {
      throw ProblemException.badRequest("body", "A report document is required / 请求体不能为空");
    }
    ValidationResult result = validation.dryRun(document, blankToNull(unit), Params.optionalInteger("year", year));
    return new ValidationOutcome(result.valid(), result.errors(), result.warnings(), result.findings());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

package org.nianbao.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

/**
 * The cell and rule catalogue, and the dry-run validation of a report document. The catalogue is
 * serialized once per format and answered on the I/O thread; a dry run without {@code unit} runs
 * the pure engine alone on the I/O thread, with {@code unit} and {@code year} it reads the previous
 * year and other units' narratives on a worker thread.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CheckResource {

  /** A format's cells and rules. */
  public record CatalogueView(
      FormatVersion formatVersion, List<CellDefinition> cells, List<RuleDescriptor> rules) {}

  private final ValidationService validation;
  private final Map<FormatVersion, byte[]> catalogues = new EnumMap<>(FormatVersion.class);

  public CheckResource(ValidationService validation, ObjectMapper json)
      throws JsonProcessingException {
    this.validation = validation;
    for (FormatVersion version : FormatVersion.values()) {
      catalogues.put(
          version,
          json.writeValueAsBytes(
              new CatalogueView(
                  version, Catalogue.of(version).cells(), RuleCatalogue.describe(version))));
    }
  }

  @GET
  @Path("/catalogue")
  @NonBlocking
  public byte[] catalogue(@QueryParam("format") String format) {
    FormatVersion version = Params.enumValue("format", format, FormatVersion.class);
    return catalogues.get(version == null ? FormatVersion.FMT2021 : version);
  }

  /**
   * Without {@code unit} the dry run is pure computation and is answered on the I/O thread (no hop
   * to a worker and back); with it, the database is read on a worker thread.
   */
  @POST
  @Path("/validations")
  @Consumes(MediaType.APPLICATION_JSON)
  @NonBlocking
  public Uni<ValidationOutcome> validate(
      ReportDocument document, @QueryParam("unit") String unit, @QueryParam("year") String year) {
    if (document == null) {
      throw ProblemException.badRequest("body", "A report document is required / 请求体不能为空");
    }
    String unitCode = blankToNull(unit);
    Integer reportYear = Params.optionalInteger("year", year);
    if (unitCode == null) {
      return Uni.createFrom().item(outcome(validation.check(document, reportYear)));
    }
    return Uni.createFrom()
        .item(() -> outcome(validation.dryRun(document, unitCode, reportYear)))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private static ValidationOutcome outcome(ValidationResult result) {
    return new ValidationOutcome(
        result.valid(), result.errors(), result.warnings(), result.findings());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

package org.nianbao.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.validation.Acknowledgement;
import org.nianbao.validation.Finding;
import org.nianbao.validation.Scope;

/** JSON shapes of stored reports, as the contract defines them. */
public final class ReportViews {

  private ReportViews() {}

  /** Who wrote a version: the token's id and name, never its secret. */
  public record Submitter(Long tokenId, String name) {}

  /** A stored version: the submitted document's own fields plus where and when it was stored. */
  @JsonPropertyOrder({"unit", "unitName", "year", "version", "status", "formatVersion", "scope"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StoredReport(
      String unit,
      String unitName,
      int year,
      int version,
      VersionStatus status,
      FormatVersion formatVersion,
      Scope scope,
      LocalDate publishedAt,
      String sourceUrl,
      Map<String, JsonNode> cells,
      Map<String, String> texts,
      List<Acknowledgement> acknowledgements,
      OffsetDateTime submittedAt,
      Submitter submittedBy,
      String origin,
      int errors,
      int warnings,
      List<Finding> findings) {}

  /** One changed cell between two versions. */
  public record CellChange(
      String cell,
      JsonNode old,
      @com.fasterxml.jackson.annotation.JsonProperty("new") JsonNode value) {}

  /** One version in a report's history, with what changed since the version before. */
  public record VersionSummary(
      int version,
      VersionStatus status,
      FormatVersion formatVersion,
      Scope scope,
      OffsetDateTime submittedAt,
      Submitter submittedBy,
      String origin,
      int warnings,
      List<CellChange> changes,
      List<String> changedTexts,
      List<String> changedFields) {}

  /** A report's history, oldest first. */
  public record VersionHistory(
      String unit, int year, int currentVersion, List<VersionSummary> versions) {}

  /** A line of the report list: the current version of one (unit, year). */
  public record ReportListItem(
      String unit,
      String unitName,
      String unitKind,
      String regionCode,
      int year,
      int version,
      VersionStatus status,
      FormatVersion formatVersion,
      Scope scope,
      LocalDate publishedAt,
      OffsetDateTime submittedAt,
      int errors,
      int warnings) {}

  /** The outcome of a dry-run validation. */
  public record ValidationOutcome(
      boolean valid, int errors, int warnings, List<Finding> findings) {}
}

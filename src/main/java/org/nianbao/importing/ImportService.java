package org.nianbao.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nianbao.common.Problem;
import org.nianbao.common.ProblemException;
import org.nianbao.common.ProblemType;
import org.nianbao.report.ReportService;
import org.nianbao.report.ReportService.Outcome;
import org.nianbao.report.ReportService.Submission;
import org.nianbao.report.ValidationService;
import org.nianbao.security.AccessControl;
import org.nianbao.unit.Unit;
import org.nianbao.unit.UnitRepository;
import org.nianbao.validation.Finding;
import org.nianbao.validation.Rules;
import org.nianbao.validation.Severity;
import org.nianbao.validation.Templates;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationResult;

/**
 * Reads a published document into a report, validates it, and on request submits it as a version.
 */
@ApplicationScoped
public class ImportService {

  /**
   * The import result with every finding (importer's and rules'), and the stored version if
   * submitted.
   */
  public record Imported(ImportResult result, List<Finding> findings, Outcome submitted) {}

  private final DocumentImporter importer = new DocumentImporter();
  private final UnitRepository units;
  private final ValidationService validation;
  private final ReportService reports;
  private final AccessControl access;

  public ImportService(
      UnitRepository units,
      ValidationService validation,
      ReportService reports,
      AccessControl access) {
    this.units = units;
    this.validation = validation;
    this.reports = reports;
    this.access = access;
  }

  @Transactional
  public Imported importDocument(
      byte[] body,
      String mediaType,
      String unitCode,
      Integer year,
      boolean submit,
      String ifMatch,
      String idempotencyKey) {
    Unit unit = unitCode == null ? null : units.require(unitCode);
    if (submit && unit == null) {
      throw ProblemException.invalidField(
          "unit", "提交时须指定单位（unit）。", "unit is required when submit=true.");
    }
    if (submit) {
      access.requireWrite(unit); // refuse before spending work on the document
    }
    ImportResult result = read(body, mediaType);
    Integer statisticsYear = year != null ? year : result.year();
    if (submit && statisticsYear == null) {
      throw ProblemException.invalidField(
          "year", "文档标题中未找到年度，请指定year。", "No year in the document title; give year.");
    }
    if (submit) {
      Outcome outcome =
          reports.submit(
              unit.code,
              statisticsYear,
              new Submission(
                  result.report(),
                  ifMatch,
                  idempotencyKey,
                  "IMPORT",
                  sha256(body),
                  result.findings()));
      return new Imported(result, outcome.report().findings(), outcome);
    }
    ValidationResult checked =
        validation.validate(result.report(), unit, statisticsYear, Mode.IMPORT);
    List<Finding> findings = merge(result.findings(), checked.findings());
    Finding name = unitName(result.unitName(), unit);
    if (name != null) {
      findings = new ArrayList<>(findings);
      findings.add(name);
    }
    return new Imported(result, findings, null);
  }

  /**
   * ID-05: the unit named in the document's title is the registered unit (spaces and bracket widths
   * ignored).
   */
  static Finding unitName(String title, Unit unit) {
    if (title == null
        || unit == null
        || unit.name == null
        || normalise(title).equals(normalise(unit.name))) {
      return null;
    }
    return new Finding(
        Rules.ID_05.id(),
        Severity.WARNING,
        List.of("unit"),
        unit.name,
        title,
        Templates.message(Rules.ID_05, java.util.Map.of("title", title, "name", unit.name)),
        null);
  }

  private static String normalise(String name) {
    return name.replaceAll("\\s+", "").replace('（', '(').replace('）', ')');
  }

  /** The importer's findings first; a rule finding on the same rule and cells is not repeated. */
  static List<Finding> merge(List<Finding> fromImport, List<Finding> fromRules) {
    List<Finding> out = new ArrayList<>(fromImport);
    Set<String> seen = new HashSet<>();
    for (Finding f : fromImport) {
      seen.add(f.rule() + f.cells());
    }
    for (Finding f : fromRules) {
      if (seen.add(f.rule() + f.cells())) {
        out.add(f);
      }
    }
    return out;
  }

  private ImportResult read(byte[] body, String mediaType) {
    try {
      return importer.importDocument(body, mediaType);
    } catch (ImportException e) {
      throw unreadable(e);
    }
  }

  /** The problem answered for a document that cannot be read. */
  static ProblemException unreadable(ImportException e) {
    return new ProblemException(
        new Problem(
                e instanceof NoTextLayerException
                    ? ProblemType.NO_TEXT_LAYER
                    : ProblemType.UNREADABLE_DOCUMENT,
                e.userMessage().en() + " / " + e.userMessage().zh())
            .with("missing", e.missing())
            .with("message", e.userMessage()));
  }

  private static String sha256(byte[] body) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.nianbao.report;

import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.unit.Unit;
import org.nianbao.unit.UnitKind;
import org.nianbao.unit.UnitService;
import org.nianbao.unit.UnitViews.UnitView;
import org.nianbao.validation.ReportDocument;
import org.nianbao.validation.ValidationContext;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationContext.UnitProfile;
import org.nianbao.validation.ValidationResult;
import org.nianbao.validation.Validator;

/**
 * Runs the pure rule engine with what the database knows: the unit and its previous year's report.
 */
@ApplicationScoped
public class ValidationService {

  private final Validator validator = new Validator();
  private final UnitService units;
  private final ReportStore reports;
  private final NarrativeIndex narratives;

  public ValidationService(UnitService units, ReportStore reports, NarrativeIndex narratives) {
    this.units = units;
    this.reports = reports;
    this.narratives = narratives;
  }

  /**
   * Dry run for a unit: {@code year} is optional; with it, cross-year rules and TXT-06 run too. The
   * unit comes from memory (units never change); the database is read only for the previous year's
   * report and other units' narratives, each a plain read (no transaction: nothing is written).
   */
  public ValidationResult dryRun(ReportDocument document, String unitCode, Integer year) {
    UnitProfile unit = profile(units.unit(unitCode));
    ReportDocument previous =
        year == null ? null : reports.currentDocument(unitCode, year - 1).orElse(null);
    return validator.validate(
        document,
        new ValidationContext(year, unit, previous, Mode.SUBMISSION).withNarratives(narratives));
  }

  /** Dry run without a unit: the pure rule engine alone, no database. */
  public ValidationResult check(ReportDocument document, Integer year) {
    return validator.validate(document, new ValidationContext(year, null, null, Mode.SUBMISSION));
  }

  /** Validates against the stored previous-year report of the same unit, if any. */
  public ValidationResult validate(ReportDocument document, Unit unit, Integer year, Mode mode) {
    ReportDocument previous = null;
    if (unit != null && year != null) {
      previous = reports.currentDocument(unit.code, year - 1).orElse(null);
    }
    return validateAgainst(document, unit, year, previous, mode);
  }

  /**
   * Validates against a given previous-year document (null: none), e.g. one being stored right now;
   * other units' narratives come from the TXT-06 index.
   */
  public ValidationResult validateAgainst(
      ReportDocument document, Unit unit, Integer year, ReportDocument previous, Mode mode) {
    ValidationContext context = new ValidationContext(year, profile(unit), previous, mode);
    return validator.validate(
        document, unit == null ? context : context.withNarratives(narratives));
  }

  /** The facts about a unit the rules use. */
  public static UnitProfile profile(Unit unit) {
    if (unit == null) {
      return null;
    }
    return profile(unit.code, unit.kind, unit.region.level, unit.region.code);
  }

  /** The same facts from a unit's (cached) view. */
  static UnitProfile profile(UnitView unit) {
    return profile(unit.code(), unit.kind(), unit.region().level(), unit.region().code());
  }

  private static UnitProfile profile(String code, UnitKind kind, String level, String region) {
    return new UnitProfile(
        code, kind.name(), "CITY_PLACEHOLDER".equals(level) ? "CITY" : level, region);
  }
}

package org.nianbao.validation;

/**
 * What the rules may know besides the document itself.
 *
 * @param year the statistics year, if known (FMT-02, LC rules)
 * @param unit the submitting unit, if known (S2-03, TXT-07)
 * @param previous the same unit's stored report of the previous year, if any (S3-04, S2-01)
 * @param mode SUBMISSION (API: missing or malformed cells are errors) or IMPORT (published
 *     documents: blanks are stored as NULL and flagged)
 * @param narratives where TXT-06 finds other units' narratives of the same year; null: none
 */
public record ValidationContext(
    Integer year,
    UnitProfile unit,
    ReportDocument previous,
    Mode mode,
    NarrativeSource narratives) {

  /** A context without other units' narratives. */
  public ValidationContext(Integer year, UnitProfile unit, ReportDocument previous, Mode mode) {
    this(year, unit, previous, mode, null);
  }

  /** This context with a source of other units' narratives. */
  public ValidationContext withNarratives(NarrativeSource source) {
    return new ValidationContext(year, unit, previous, mode, source);
  }

  /** How strictly structural problems are judged. */
  public enum Mode {
    SUBMISSION,
    IMPORT
  }

  /**
   * The facts about a unit the rules use.
   *
   * @param code unit code
   * @param kind unit kind, e.g. PEOPLES_GOV, DEPARTMENT
   * @param regionLevel level of the unit's region: NATION, PROVINCE, CITY, COUNTY
   * @param regionCode the 6-digit division code of the unit's region (ID-01, ID-04), if known
   */
  public record UnitProfile(String code, String kind, String regionLevel, String regionCode) {

    /** A unit whose region code is its own code when that is a 6-digit division code. */
    public UnitProfile(String code, String kind, String regionLevel) {
      this(code, kind, regionLevel, code != null && code.matches("\\d{6}") ? code : null);
    }
  }

  /** A context with nothing but the document. */
  public static ValidationContext bare() {
    return new ValidationContext(null, null, null, Mode.SUBMISSION);
  }
}

package org.nianbao.validation;

import java.util.Map;
import org.nianbao.catalogue.FormatVersion;

/**
 * What a narrative rule reads: the texts, the table values and the context.
 *
 * @param texts narrative sections keyed {@code s1}…{@code s6}
 * @param values the parsed table cells
 * @param format the report's format version
 * @param context the statistics year, the unit and what the database knows
 */
record NarrativeInput(
    Map<String, String> texts, CellValues values, FormatVersion format, ValidationContext context) {

  /** A section's text, or null. */
  String text(String section) {
    return texts.get(section);
  }

  /**
   * Whether the 2021 format's requirements apply (year ≥ 2021, or the 2021 format when the year is
   * unknown).
   */
  boolean current() {
    return context.year() != null ? context.year() >= 2021 : format == FormatVersion.FMT2021;
  }

  /** Whether the unit is a people's government. */
  boolean peoplesGovernment() {
    return context.unit() != null && "PEOPLES_GOV".equals(context.unit().kind());
  }
}

package org.nianbao.importing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.validation.Finding;
import org.nianbao.validation.ReportDocument;

/**
 * What the importer read from a published document.
 *
 * @param report the report: scope SELF, detected format, every catalogue cell (null for blanks)
 * @param unitName the unit named in the title, or null
 * @param year the statistics year from the title, or null
 * @param formatVersion the detected format version
 * @param provenance catalogue key → the cell text exactly as printed
 * @param findings findings the importer itself is responsible for (FMT-01 to FMT-04)
 * @param sources catalogue key → where the cell was printed and how its row was matched
 */
public record ImportResult(
    ReportDocument report,
    String unitName,
    Integer year,
    FormatVersion formatVersion,
    Map<String, String> provenance,
    List<Finding> findings,
    Map<String, CellSource> sources) {

  public ImportResult {
    provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    findings = List.copyOf(findings);
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }
}

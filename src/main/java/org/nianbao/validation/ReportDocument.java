package org.nianbao.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.nianbao.catalogue.FormatVersion;

/**
 * The report document every endpoint takes and returns. Cell values are kept exactly as the client
 * sent them (JSON numbers parsed with big-decimal precision, or anything else a client may send by
 * mistake) so that structural problems become findings named by cell instead of a generic parse
 * error.
 *
 * @param formatVersion FMT2021 or FMT2019
 * @param scope SELF or AGGREGATE
 * @param publishedAt when the unit published the report, if known
 * @param sourceUrl where it was published, if known
 * @param cells catalogue key → raw JSON value (a JSON null marks a blank cell)
 * @param texts narrative sections keyed {@code s1}…{@code s6}
 * @param acknowledgements reasoned overrides of overridable rules
 */
public record ReportDocument(
    FormatVersion formatVersion,
    Scope scope,
    LocalDate publishedAt,
    String sourceUrl,
    Map<String, JsonNode> cells,
    Map<String, String> texts,
    List<Acknowledgement> acknowledgements) {

  public ReportDocument {
    cells = cells == null ? Map.of() : cells;
    texts = texts == null ? Map.of() : texts;
    acknowledgements = acknowledgements == null ? List.of() : acknowledgements;
  }
}

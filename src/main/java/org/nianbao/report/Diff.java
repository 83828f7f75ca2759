package org.nianbao.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.nianbao.report.ReportViews.CellChange;
import org.nianbao.report.ReportViews.StoredReport;
import org.nianbao.report.ReportViews.VersionSummary;

/** What changed between two versions of a report: cells (old → new), texts and header fields. */
final class Diff {

  private Diff() {}

  static VersionSummary summary(StoredReport before, StoredReport after) {
    List<CellChange> changes = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    if (before != null) {
      Set<String> keys = new LinkedHashSet<>(before.cells().keySet());
      keys.addAll(after.cells().keySet());
      for (String key : keys) {
        JsonNode old = before.cells().getOrDefault(key, NullNode.getInstance());
        JsonNode now = after.cells().getOrDefault(key, NullNode.getInstance());
        if (!same(old, now)) {
          changes.add(new CellChange(key, old, now));
        }
      }
      Set<String> sections = new LinkedHashSet<>(before.texts().keySet());
      sections.addAll(after.texts().keySet());
      for (String s : sections) {
        if (!Objects.equals(before.texts().get(s), after.texts().get(s))) {
          texts.add(s);
        }
      }
      if (before.formatVersion() != after.formatVersion()) {
        fields.add("formatVersion");
      }
      if (before.scope() != after.scope()) {
        fields.add("scope");
      }
      if (!Objects.equals(before.publishedAt(), after.publishedAt())) {
        fields.add("publishedAt");
      }
      if (!Objects.equals(before.sourceUrl(), after.sourceUrl())) {
        fields.add("sourceUrl");
      }
      if (!Objects.equals(before.acknowledgements(), after.acknowledgements())) {
        fields.add("acknowledgements");
      }
    }
    return new VersionSummary(
        after.version(),
        after.status(),
        after.formatVersion(),
        after.scope(),
        after.submittedAt(),
        after.submittedBy(),
        after.origin(),
        after.warnings(),
        changes,
        texts,
        fields);
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }
}

package org.nianbao.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * S2-04: a people's government's SELF report whose section 二 counts more licensing, penalty or
 * coercion decisions than one government decides (the seed's 8,339 licences are the district's)
 * likely holds the region-wide figures: the submitter is asked to confirm the scope. Shown only
 * (INFO).
 */
final class RegionWideRule {

  /** Decisions above which a figure is taken to be region-wide. */
  static final Map<String, Long> THRESHOLDS;

  static {
    Map<String, Long> t = new LinkedHashMap<>();
    t.put("s2.licensing.decisions", 1_000L);
    t.put("s2.penalty.decisions", 1_000L);
    t.put("s2.coercion.decisions", 1_000L);
    THRESHOLDS = java.util.Collections.unmodifiableMap(t);
  }

  private RegionWideRule() {}

  static void evaluate(
      ReportDocument document, CellValues values, ValidationContext ctx, Findings findings) {
    if (ctx.unit() == null
        || !"PEOPLES_GOV".equals(ctx.unit().kind())
        || document.scope() != Scope.SELF) {
      return;
    }
    List<String> large = new ArrayList<>();
    Map<String, Object> actual = new LinkedHashMap<>();
    for (Map.Entry<String, Long> t : THRESHOLDS.entrySet()) {
      if (!values.catalogue().contains(t.getKey())) {
        continue;
      }
      var v = values.count(t.getKey());
      if (v.isPresent() && v.getAsLong() >= t.getValue()) {
        large.add(t.getKey());
        actual.put(t.getKey(), v.getAsLong());
      }
    }
    if (!large.isEmpty()) {
      findings.add(
          Rules.S2_04,
          Severity.INFO,
          List.copyOf(large),
          "scope AGGREGATE, or figures of the government itself",
          actual,
          Templates.message(Rules.S2_04, Map.of()));
    }
  }
}

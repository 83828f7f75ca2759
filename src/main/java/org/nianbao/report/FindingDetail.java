package org.nianbao.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.nianbao.validation.Finding;
import org.nianbao.validation.ReportRef;
import org.nianbao.validation.TextSpan;

/**
 * What a text finding stores beside its cells and values ({@code report_finding.detail}): span,
 * reference, shared spans.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FindingDetail(TextSpan span, ReportRef ref, Integer similarity, List<TextSpan> sharedSpans) {

  static final FindingDetail NONE = new FindingDetail(null, null, null, null);

  /** The detail of a finding, or null when it has none (a cell finding). */
  static FindingDetail of(Finding f) {
    if (f.span() == null && f.ref() == null && f.similarity() == null && f.sharedSpans() == null) {
      return null;
    }
    return new FindingDetail(f.span(), f.ref(), f.similarity(), f.sharedSpans());
  }
}

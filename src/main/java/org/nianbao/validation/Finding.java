package org.nianbao.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One result of a rule on a report.
 *
 * @param rule the spec's rule id, e.g. {@code S3-01}
 * @param severity effective severity (an acknowledged ERROR is reported as WARNING)
 * @param cells every catalogue key on both sides of the failed check (total and parts)
 * @param expected what the rule expected: a number (the computed side) or a short description
 * @param actual what the report holds: a number, the raw value or the quoted text
 * @param message bilingual message
 * @param acknowledgement the reason given when the submitter acknowledged an overridable rule, else
 *     null
 * @param span for a text finding: the section and the quoted span with its offsets, else null
 * @param ref for TXT-06: the report the narrative resembles, else null
 * @param similarity for TXT-06: how similar, in percent, else null
 * @param sharedSpans for TXT-06: the longest passages shared verbatim with {@code ref}, as spans of
 *     this report's text, else null
 */
public record Finding(
    String rule,
    Severity severity,
    List<String> cells,
    Object expected,
    Object actual,
    Message message,
    String acknowledgement,
    @JsonInclude(JsonInclude.Include.NON_NULL) TextSpan span,
    @JsonInclude(JsonInclude.Include.NON_NULL) ReportRef ref,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer similarity,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<TextSpan> sharedSpans) {

  /** A finding on cells (no text span). */
  public Finding(
      String rule,
      Severity severity,
      List<String> cells,
      Object expected,
      Object actual,
      Message message,
      String acknowledgement) {
    this(rule, severity, cells, expected, actual, message, acknowledgement, null, null, null, null);
  }

  /** This finding with its text details (as read back from storage). */
  public Finding withDetail(
      TextSpan span, ReportRef ref, Integer similarity, List<TextSpan> sharedSpans) {
    return new Finding(
        rule,
        severity,
        cells,
        expected,
        actual,
        message,
        acknowledgement,
        span,
        ref,
        similarity,
        sharedSpans);
  }
}

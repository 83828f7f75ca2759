package org.nianbao.validation;

import java.util.List;

/**
 * One result of a rule on a report.
 *
 * @param rule the spec's rule id, e.g. {@code S3-01}
 * @param severity effective severity (an acknowledged ERROR is reported as WARNING)
 * @param cells every catalogue key on both sides of the failed check (total and parts)
 * @param expected what the rule expected: a number (the computed side) or a short description
 * @param actual what the report holds: a number or the raw value
 * @param message bilingual message
 * @param acknowledgement the reason given when the submitter acknowledged an overridable rule, else null
 */
public record Finding(
    String rule,
    Severity severity,
    List<String> cells,
    Object expected,
    Object actual,
    Message message,
    String acknowledgement) {}

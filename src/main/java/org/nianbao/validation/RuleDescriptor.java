package org.nianbao.validation;

/**
 * What GET /api/v1/catalogue tells about one rule for one format version.
 *
 * @param id the spec's rule id
 * @param severity nominal severity
 * @param overridable whether an acknowledgement can downgrade it
 * @param origin official, structural, common or heuristic
 * @param formula the rule in a line
 * @param messageZh Chinese message template
 * @param messageEn English message template
 * @param stage where the rule is applied (the engine, the importer, storage or the rollup engine)
 * @param checks how many individual checks the rule runs on a report of this format
 */
public record RuleDescriptor(
    String id,
    Severity severity,
    boolean overridable,
    RuleOrigin origin,
    String formula,
    String messageZh,
    String messageEn,
    RuleStage stage,
    int checks) {}

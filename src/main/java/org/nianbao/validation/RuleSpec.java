package org.nianbao.validation;

/**
 * The static facts of one rule, declared once as data.
 *
 * @param id the spec's rule id, e.g. {@code S3-01}
 * @param severity nominal severity (structural rules may report WARNING on import)
 * @param overridable whether a reasoned acknowledgement downgrades an ERROR of this rule to WARNING
 * @param origin where the rule comes from
 * @param formula the rule in a line, as in the spec
 * @param messageZh Chinese message template with {@code {placeholder}}s
 * @param messageEn English message template with {@code {placeholder}}s
 * @param stage where the rule is applied
 */
public record RuleSpec(
    String id,
    Severity severity,
    boolean overridable,
    RuleOrigin origin,
    String formula,
    String messageZh,
    String messageEn,
    RuleStage stage) {

  /** A rule applied by the engine. */
  public RuleSpec(
      String id,
      Severity severity,
      boolean overridable,
      RuleOrigin origin,
      String formula,
      String messageZh,
      String messageEn) {
    this(id, severity, overridable, origin, formula, messageZh, messageEn, RuleStage.VALIDATION);
  }

  /** The rule's message with its placeholders filled from {@code args}. */
  public Message message(java.util.Map<String, ?> args) {
    return new Message(Templates.fill(messageZh, args), Templates.fill(messageEn, args));
  }

  /**
   * Another message of this rule (e.g. a variant the catalogue declares beside it), filled from
   * {@code args}.
   */
  public static Message message(String zh, String en, java.util.Map<String, ?> args) {
    return new Message(Templates.fill(zh, args), Templates.fill(en, args));
  }
}

package org.nianbao.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one message template engine: fills {@code {name}} placeholders of the rules' zh/en templates.
 * Every user-facing finding message is rendered here (the engine, the importer and the rule
 * catalogue use it).
 */
public final class Templates {

  private Templates() {}

  /**
   * Fills the placeholders named in {@code args}; a placeholder without a value is left as written.
   */
  public static String fill(String template, Map<String, ?> args) {
    StringBuilder out = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      char ch = template.charAt(i);
      int close = ch == '{' ? template.indexOf('}', i + 1) : -1;
      if (close > 0) {
        String name = template.substring(i + 1, close);
        if (args.containsKey(name)) {
          out.append(args.get(name));
          i = close + 1;
          continue;
        }
      }
      out.append(ch);
      i++;
    }
    return out.toString();
  }

  /** A rule's message in both languages. */
  public static Message message(RuleSpec rule, Map<String, ?> zh, Map<String, ?> en) {
    return new Message(fill(rule.messageZh(), zh), fill(rule.messageEn(), en));
  }

  /** A rule's message with the same values in both languages. */
  public static Message message(RuleSpec rule, Map<String, ?> args) {
    return message(rule, args, args);
  }

  /**
   * A message from a template pair other than the rule's main one (e.g. a variant for one case).
   */
  public static Message message(
      String zh, String en, Map<String, ?> zhArgs, Map<String, ?> enArgs) {
    return new Message(fill(zh, zhArgs), fill(en, enArgs));
  }

  /** The placeholder names of a template, in order. */
  public static List<String> placeholders(String template) {
    List<String> names = new ArrayList<>();
    int i = 0;
    while ((i = template.indexOf('{', i)) >= 0) {
      int close = template.indexOf('}', i + 1);
      if (close < 0) {
        break;
      }
      names.add(template.substring(i + 1, close));
      i = close + 1;
    }
    return names;
  }
}

package org.nianbao.validation;

import java.util.Map;

/** Fills {@code {name}} placeholders of a message template; unknown placeholders are left as written. */
final class Templates {

  private Templates() {}

  static String fill(String template, Map<String, ?> args) {
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

  static Message message(RuleSpec rule, Map<String, ?> zh, Map<String, ?> en) {
    return new Message(fill(rule.messageZh(), zh), fill(rule.messageEn(), en));
  }
}

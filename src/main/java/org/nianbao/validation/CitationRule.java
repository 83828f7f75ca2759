package org.nianbao.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TXT-04: the regulation is cited as 《中华人民共和国政府信息公开条例》, and a report for 2021 or later does not
 * name 国办公开办函〔2019〕60号 as its format basis.
 */
final class CitationRule implements NarrativeRule {

  private static final String WRONG_TITLE = "《中华人民共和国信息公开条例》";
  private static final String RIGHT_TITLE = "《中华人民共和国政府信息公开条例》";
  private static final Pattern OLD_FORMAT_BASIS =
      Pattern.compile("国办公开办函\\s*[〔\\[［(（]\\s*2019\\s*[〕\\]］)）]\\s*60\\s*号");
  private static final String CURRENT_FORMAT_BASIS = "国办公开办函〔2021〕30号";

  @Override
  public void evaluate(NarrativeInput input, Findings findings) {
    boolean current = input.current();
    for (String section : NarrativeRules.SECTIONS) {
      String text = input.text(section);
      if (text != null) {
        citations(section, text, current, findings);
      }
    }
  }

  private static void citations(String section, String text, boolean current, Findings findings) {
    List<int[]> hits = new ArrayList<>();
    int i = 0;
    while ((i = text.indexOf(WRONG_TITLE, i)) >= 0) {
      hits.add(new int[] {i, i + WRONG_TITLE.length(), 0});
      i += WRONG_TITLE.length();
    }
    if (current && text.contains("国办公开办函")) {
      Matcher m = OLD_FORMAT_BASIS.matcher(text);
      while (m.find()) {
        hits.add(new int[] {m.start(), m.end(), 1});
      }
    }
    hits.sort((a, b) -> Integer.compare(a[0], b[0]));
    for (int[] hit : hits) {
      TextSpan span = TextSpan.of(section, text, hit[0], hit[1]);
      findings.addText(
          Rules.TXT_04,
          Severity.WARNING,
          hit[2] == 0 ? RIGHT_TITLE : CURRENT_FORMAT_BASIS,
          span,
          Templates.message(Rules.TXT_04, Map.of("quote", span.quote())));
    }
  }
}

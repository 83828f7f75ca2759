package org.nianbao.importing;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The six report sections: titles, heading recognition by number and keyword (SPEC §1.3, §7.4). */
final class Sections {

  /** Section titles as in the 2021 format, index 1..6. */
  static final List<String> TITLES_ZH =
      List.of(
          "",
          "总体情况",
          "主动公开政府信息情况",
          "收到和处理政府信息公开申请情况",
          "政府信息公开行政复议、行政诉讼情况",
          "存在的主要问题及改进情况",
          "其他需要报告的事项");

  static final List<String> TITLES_EN =
      List.of(
          "",
          "General situation",
          "Proactive disclosure",
          "Applications received and handled",
          "Administrative review and litigation",
          "Main problems and improvements",
          "Other matters");

  private static final List<List<String>> KEYWORDS =
      List.of(
          List.of(),
          List.of("总体情况", "总体"),
          List.of("主动公开"),
          List.of("收到和处理", "依申请", "申请情况"),
          List.of("行政复议", "行政诉讼"),
          List.of("主要问题", "改进情况"),
          List.of("其他需要报告", "其他事项"));

  static final String NUMERALS = "一二三四五六";

  /** A heading: optional Word artefacts, a numeral 一…六, the enumeration comma, a short title. */
  private static final Pattern HEADING =
      Pattern.compile("^(?:\\[bookmark:[^\\]]*\\]|\\s)*([一二三四五六])、(.{1,40})$");

  /** A leading Word artefact such as {@code [bookmark: _GoBack]}. */
  static final Pattern ARTEFACT = Pattern.compile("^((?:\\[bookmark:[^\\]]*\\]\\s*)+)");

  private Sections() {}

  /** The section number (1..6) a heading line opens, or 0 when the line is not a section heading. */
  static int headingOf(String line) {
    String s = Labels.trim(line);
    if (s.length() > 60) {
      return 0;
    }
    Matcher m = HEADING.matcher(s);
    if (!m.matches()) {
      return 0;
    }
    int n = NUMERALS.indexOf(m.group(1).charAt(0)) + 1;
    String title = m.group(2);
    for (String keyword : KEYWORDS.get(n)) {
      if (title.contains(keyword)) {
        return n;
      }
    }
    return 0;
  }

  static String numeral(int section) {
    return String.valueOf(NUMERALS.charAt(section - 1));
  }
}

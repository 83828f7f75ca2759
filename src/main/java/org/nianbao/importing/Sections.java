package org.nianbao.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The six report sections: titles, and headings recognised by keyword whatever their style ({@code
 * 一、}, {@code （一）}, {@code ## 一、}, unnumbered, misnumbered), chosen in order (SPEC §1.3, §7.4).
 */
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
          List.of("主要问题", "改进情况", "存在问题", "整改"),
          List.of("其他需要报告", "其他事项"));

  private static final List<int[]> TITLE_GRAMS = new ArrayList<>();

  static {
    for (String title : TITLES_ZH) {
      TITLE_GRAMS.add(Labels.bigrams(Labels.key(title)));
    }
  }

  static final String NUMERALS = "一二三四五六";

  /** Leading marks and numbering of a heading: markdown hashes, 一、 / （一） / 第一部分 / 1.. */
  private static final Pattern HEADING =
      Pattern.compile(
          "^[#*\\s]*(?:\\[bookmark:[^\\]]*\\]\\s*)*"
              + "(第[一二三四五六七八九十]{1,2}部分[、.．，：:]?|[一二三四五六七八九十]{1,2}[、.．，]"
              + "|[（(][一二三四五六七八九十]{1,2}[）)]|\\d{1,2}[、.．])?"
              + "\\s*(.{2,36}?)[。：:*\\s]*$");

  /** A leading Word artefact such as {@code [bookmark: _GoBack]}. */
  static final Pattern ARTEFACT = Pattern.compile("^((?:\\[bookmark:[^\\]]*\\]\\s*)+)");

  /** A heading chosen for a section: its line index and the numbering printed (empty when none). */
  record Heading(int line, String printed, boolean numberedRight) {}

  private record Candidate(int line, int section, double score, String printed, boolean right) {}

  private Sections() {}

  /**
   * Chooses at most one heading per section among the given lines (null entries are not headings),
   * in increasing order of section and line, maximising the total score (a weighted increasing
   * subsequence).
   */
  static Heading[] find(List<String> lines) {
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      if (text == null || text.length() > 60 || !mayBeHeading(text)) {
        continue;
      }
      Matcher m = HEADING.matcher(Labels.trim(text));
      if (!m.matches()) {
        continue;
      }
      String numbering = m.group(1) == null ? "" : m.group(1);
      String title = m.group(2);
      String key = Labels.key(title);
      int[] grams = Labels.bigrams(key);
      for (int n = 1; n <= 6; n++) {
        double sim = Labels.dice(grams, TITLE_GRAMS.get(n));
        boolean keyword = false;
        for (String k : KEYWORDS.get(n)) {
          keyword |= title.contains(k);
        }
        double score = Math.max(sim, keyword ? 0.6 : 0);
        if (score < 0.5) {
          continue;
        }
        boolean top =
            !numbering.isEmpty() && !numbering.startsWith("（") && !numbering.startsWith("(");
        boolean right =
            !numbering.isEmpty()
                && numbering.indexOf(NUMERALS.charAt(n - 1)) >= 0
                && !numbering.startsWith("（")
                && !numbering.startsWith("(");
        score += top ? 0.4 : numbering.isEmpty() ? -0.1 : 0;
        score += right ? 0.2 : 0;
        candidates.add(new Candidate(i, n, score, numbering, right));
      }
    }
    // best chain ending in each section so far; candidates of one line never chain with each other
    int c = candidates.size();
    double[] chain = new double[c];
    int[] prev = new int[c];
    double[] bestIn = new double[7];
    int[] endIn = new int[7];
    java.util.Arrays.fill(endIn, -1);
    int a = 0;
    while (a < c) {
      int lineEnd = a;
      while (lineEnd < c && candidates.get(lineEnd).line() == candidates.get(a).line()) {
        lineEnd++;
      }
      for (int k = a; k < lineEnd; k++) {
        Candidate y = candidates.get(k);
        chain[k] = y.score();
        prev[k] = -1;
        for (int n = 1; n < y.section(); n++) {
          if (endIn[n] >= 0 && bestIn[n] + y.score() > chain[k]) {
            chain[k] = bestIn[n] + y.score();
            prev[k] = endIn[n];
          }
        }
      }
      for (int k = a; k < lineEnd; k++) {
        int n = candidates.get(k).section();
        if (endIn[n] < 0 || chain[k] > bestIn[n]) {
          bestIn[n] = chain[k];
          endIn[n] = k;
        }
      }
      a = lineEnd;
    }
    int end = -1;
    for (int n = 1; n <= 6; n++) {
      if (endIn[n] >= 0 && (end < 0 || bestIn[n] > chain[end])) {
        end = endIn[n];
      }
    }
    Heading[] out = new Heading[7];
    for (int k = end; k >= 0; k = prev[k]) {
      Candidate x = candidates.get(k);
      out[x.section()] = new Heading(x.line(), x.printed(), x.right());
    }
    return out;
  }

  private static final String[] HINTS = {
    "情况", "事项", "问题", "总体", "主动公开", "申请", "复议", "诉讼", "改进", "其他"
  };

  /** A quick filter before the heading pattern: every section title holds one of these words. */
  private static boolean mayBeHeading(String text) {
    for (String hint : HINTS) {
      if (text.contains(hint)) {
        return true;
      }
    }
    return false;
  }

  static String numeral(int section) {
    return String.valueOf(NUMERALS.charAt(section - 1));
  }
}

package org.nianbao.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * TXT-05: conversion artefacts left in the narrative: {@code [bookmark: …]}, a doubled word (资金资金),
 * a word cut at a line end (…合法性审查管⏎), a page number inside the text, digits stuck inside a domain
 * term (政府23信息公开). Reported in text order, each with its span.
 */
final class ArtefactRule implements NarrativeRule {

  private static final String BOOKMARK = "[bookmark";
  private static final List<String> DOMAIN_TERMS =
      List.of(
          "政府信息公开", "政务信息公开", "依申请公开", "政府信息", "信息公开", "政务公开", "政务信息", "主动公开", "行政复议", "行政诉讼",
          "规范性文件", "年度报告", "人民政府", "政务服务");
  private static final int TERM_REACH = 5;
  private static final int MIN_DOUBLED = 2;
  private static final int MAX_DOUBLED = 6;

  /**
   * A body line shorter than this may be a heading or a signature, which end without punctuation.
   */
  private static final int MIN_BODY_LINE = 12;

  private static final int CUT_QUOTE = 6;
  private static final String LINE_END_PUNCTUATION = "。！？；：:;，,、…）)”」》.!?";
  private static final Pattern PAGE_NUMBER =
      Pattern.compile(
          "^[ \\t　]*(?:[-—－–]\\s*\\d{1,3}\\s*[-—－–]|第\\s*\\d{1,3}\\s*页(?:\\s*[，,/]?\\s*共\\s*\\d{1,3}\\s*页)?)[ \\t　]*$");

  /** The parts of a list number ({@link #numbered}): ASCII blanks, numerals, what closes it. */
  private static final String NUMBERED_BLANKS = " \t\n\u000B\f\r";

  private static final String CHINESE_NUMERALS = "一二三四五六七八九十";

  private static final String NUMBER_CLOSES = "、.．";

  /** The blanks {@link #PAGE_NUMBER} allows before it, and the characters it can start with. */
  private static final String PAGE_NUMBER_BLANKS = " \t　";

  private static final String PAGE_NUMBER_STARTS = "-—－–第";

  /**
   * One artefact: where it is and the clean text expected instead (null when it is simply to be
   * removed).
   */
  private record Hit(int start, int end, String expected) {}

  /**
   * 管 closes few words (监管, 主管…); before punctuation after any other character it is 管理 cut short
   * (审查管，根据要求…).
   */
  private static final String WORDS_ENDING_IN_GUAN = "监主分托接不共代统保掌尽严城看联协包只专直归双综";

  private static final String CLAUSE_PUNCTUATION = "，。；、：！？,;:";

  /**
   * A document whose long lines mostly end without punctuation is hard-wrapped (PDF text): no
   * cut-word check.
   */
  private static final double HARD_WRAP_SHARE = 0.4;

  private static final int HARD_WRAP_MIN_LINES = 3;

  @Override
  public void evaluate(NarrativeInput input, Findings findings) {
    boolean hardWrapped = hardWrapped(input);
    for (String section : NarrativeRules.SECTIONS) {
      String text = input.text(section);
      if (text != null) {
        artefacts(section, text, hardWrapped, findings);
      }
    }
  }

  private static void artefacts(
      String section, String text, boolean hardWrapped, Findings findings) {
    // the character-by-character scans read an array: String.charAt on a Chinese (UTF-16) string
    // was most of this rule's cost
    char[] t = text.toCharArray();
    List<Hit> hits = new ArrayList<>();
    bookmarks(text, hits);
    strayDigits(text, t, hits);
    doubledWords(text, t, hits);
    truncatedWords(text, hits);
    lines(text, t, !hardWrapped, hits);
    hits.sort(Comparator.comparingInt(Hit::start));
    for (int k = hits.size() - 1; k > 0; k--) {
      if (hits.get(k).start() < hits.get(k - 1).end()) {
        hits.remove(
            hits.get(k).end() - hits.get(k).start()
                    > hits.get(k - 1).end() - hits.get(k - 1).start()
                ? k - 1
                : k);
      }
    }
    for (Hit hit : hits) {
      TextSpan span = TextSpan.of(section, text, hit.start(), hit.end());
      findings.addText(
          Rules.TXT_05,
          Severity.WARNING,
          hit.expected(),
          span,
          Templates.message(Rules.TXT_05, Map.of("quote", span.quote())));
    }
  }

  private static void bookmarks(String text, List<Hit> hits) {
    int i = 0;
    while ((i = text.indexOf(BOOKMARK, i)) >= 0) {
      int close = text.indexOf(']', i);
      int end = close < 0 ? Math.min(text.length(), i + BOOKMARK.length()) : close + 1;
      hits.add(new Hit(i, end, null));
      i = end;
    }
  }

  /** Digits between two Chinese characters that sit inside a domain term once removed. */
  private static void strayDigits(String text, char[] t, List<Hit> hits) {
    int n = t.length;
    for (int p = 1; p < n - 1; p++) {
      char c = t[p];
      if (c < '0' || c > '9' || !TextScan.cjk(t[p - 1])) {
        continue;
      }
      int q = p;
      while (q < n && digit(t[q])) {
        q++;
      }
      if (q < n && TextScan.cjk(t[q])) {
        Hit hit = strayDigits(text, p, q);
        if (hit != null) {
          hits.add(hit);
        }
      }
      p = q;
    }
  }

  private static Hit strayDigits(String text, int from, int to) {
    int left = Math.max(0, from - TERM_REACH);
    int right = Math.min(text.length(), to + TERM_REACH);
    String joined = text.substring(left, from) + text.substring(to, right);
    int joint = from - left;
    for (String term : DOMAIN_TERMS) {
      int k = joined.indexOf(term);
      while (k >= 0) {
        if (k < joint && k + term.length() > joint) {
          int start = left + k;
          int end = to + (k + term.length() - joint);
          return new Hit(start, end, term);
        }
        k = joined.indexOf(term, k + 1);
      }
    }
    return null;
  }

  /**
   * A run of 2–6 Chinese characters written twice in a row (资金资金), the longest first.
   * Reduplications of one character (常常) and of 一X (一步一步) are Chinese, not artefacts.
   */
  private static void doubledWords(String text, char[] t, List<Hit> hits) {
    int n = t.length;
    int p = 0;
    int cjkEnd = 0; // the first index at or after p that is not a Chinese character
    while (p < n) {
      if (cjkEnd <= p) {
        cjkEnd = p;
        while (cjkEnd < n && TextScan.cjk(t[cjkEnd])) {
          cjkEnd++;
        }
      }
      int found = 0;
      for (int len = Math.min(MAX_DOUBLED, cjkEnd - p); len >= MIN_DOUBLED && found == 0; len--) {
        if (p + 2 * len <= n
            && t[p] == t[p + len]
            && Arrays.equals(t, p, p + len, t, p + len, p + 2 * len)
            && word(t, p, len)) {
          found = len;
        }
      }
      if (found > 0 && !tableFragment(text, p)) {
        hits.add(new Hit(p, p + 2 * found, text.substring(p, p + found)));
        p += 2 * found;
      } else {
        p++;
      }
    }
  }

  /**
   * A short line without any punctuation: a table's header cells run together (结果结果其他尚未), not
   * prose.
   */
  private static boolean tableFragment(String text, int at) {
    int start = text.lastIndexOf('\n', at) + 1;
    int end = text.indexOf('\n', at);
    String line = text.substring(start, end < 0 ? text.length() : end).strip();
    if (line.length() >= MIN_BODY_LINE + 8) {
      return false;
    }
    for (int i = 0; i < line.length(); i++) {
      if (CLAUSE_PUNCTUATION.indexOf(line.charAt(i)) >= 0
          || LINE_END_PUNCTUATION.indexOf(line.charAt(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean word(char[] t, int from, int len) {
    char first = t[from];
    if (first == '一') {
      return false;
    }
    for (int i = from + 1; i < from + len; i++) {
      if (t[i] != first) {
        return true;
      }
    }
    return false;
  }

  /** 管 cut from 管理 before punctuation, a line break or the end of the text (审查管，). */
  private static void truncatedWords(String text, List<Hit> hits) {
    int i = 0;
    while ((i = text.indexOf('管', i + 1)) > 0) {
      boolean cut =
          i + 1 == text.length()
              || CLAUSE_PUNCTUATION.indexOf(text.charAt(i + 1)) >= 0
              || text.charAt(i + 1) == '\n';
      if (cut
          && TextScan.cjk(text.charAt(i - 1))
          && WORDS_ENDING_IN_GUAN.indexOf(text.charAt(i - 1)) < 0) {
        int from = i;
        while (from > 0 && i + 1 - from < 3 && TextScan.cjk(text.charAt(from - 1))) {
          from--;
        }
        hits.add(new Hit(from, i + 1, text.substring(from, i + 1) + "理"));
      }
    }
  }

  private static boolean hardWrapped(NarrativeInput input) {
    int lines = 0;
    int open = 0;
    for (String text : input.texts().values()) {
      if (text == null) {
        continue;
      }
      char[] t = text.toCharArray();
      int start = 0;
      while (start < t.length) {
        int end = text.indexOf('\n', start);
        if (end < 0) {
          end = t.length;
        }
        int s = start;
        int e = end;
        while (s < e && Character.isWhitespace(t[s])) {
          s++;
        }
        while (e > s && Character.isWhitespace(t[e - 1])) {
          e--;
        }
        if (e - s >= MIN_BODY_LINE && !numbered(t, s, e)) {
          lines++;
          open += LINE_END_PUNCTUATION.indexOf(t[e - 1]) < 0 ? 1 : 0;
        }
        start = end + 1;
      }
    }
    return lines >= HARD_WRAP_MIN_LINES && open > HARD_WRAP_SHARE * lines;
  }

  /**
   * Whether text[from, to) starts with a list number (一、 （二） 3. …): what the pattern {@code
   * ^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])} finds, read without a regex since
   * it runs on every line. The repeated characters never close a number, so reading them greedily
   * decides as the pattern does.
   */
  static boolean numbered(char[] t, int from, int to) {
    int i = from;
    while (i < to && NUMBERED_BLANKS.indexOf(t[i]) >= 0) {
      i++;
    }
    if (i >= to) {
      return false;
    }
    char first = t[i];
    if (CHINESE_NUMERALS.indexOf(first) >= 0) {
      int j = i;
      while (j < to && CHINESE_NUMERALS.indexOf(t[j]) >= 0) {
        j++;
      }
      return j < to && NUMBER_CLOSES.indexOf(t[j]) >= 0;
    }
    if (first == '（' || first == '(') {
      int j = i + 1;
      while (j < to && (CHINESE_NUMERALS.indexOf(t[j]) >= 0 || digit(t[j]))) {
        j++;
      }
      return j > i + 1 && j < to && (t[j] == '）' || t[j] == ')');
    }
    if (digit(first)) {
      int j = i;
      while (j < to && digit(t[j])) {
        j++;
      }
      return j < to && NUMBER_CLOSES.indexOf(t[j]) >= 0;
    }
    return false;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Page numbers on a line of their own, and (unless hard-wrapped) body lines that stop mid-word.
   */
  private static void lines(String text, char[] t, boolean cutWords, List<Hit> hits) {
    int start = 0;
    int n = t.length;
    while (start < n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      int s = start;
      int e = end;
      while (e > s && Character.isWhitespace(t[e - 1])) {
        e--;
      }
      if (pageNumber(text, t, s, e)) {
        while (s < e && Character.isWhitespace(t[s])) {
          s++;
        }
        hits.add(new Hit(s, e, null));
      } else if (cutWords && cutAtEnd(text, t, s, e, end)) {
        int from = e - 1;
        while (from > s && e - from < CUT_QUOTE && TextScan.cjk(t[from - 1])) {
          from--;
        }
        hits.add(new Hit(from, e, null));
      }
      start = end + 1;
    }
  }

  /**
   * Whether text[s, e) is a page number line: the pattern, tried only on a line whose first
   * character after blanks is one a page number starts with (the pattern's own first characters).
   */
  private static boolean pageNumber(String text, char[] t, int s, int e) {
    int i = s;
    while (i < e && PAGE_NUMBER_BLANKS.indexOf(t[i]) >= 0) {
      i++;
    }
    return i < e
        && PAGE_NUMBER_STARTS.indexOf(t[i]) >= 0
        && PAGE_NUMBER.matcher(text.substring(s, e)).matches();
  }

  /**
   * A long body line ending on a Chinese character, followed by a line that continues the sentence.
   */
  private static boolean cutAtEnd(String text, char[] t, int s, int e, int lineEnd) {
    if (e - s < MIN_BODY_LINE || !TextScan.cjk(t[e - 1])) {
      return false;
    }
    if (numbered(t, s, e) && text.substring(s, e).strip().length() < 2 * MIN_BODY_LINE) {
      return false; // a heading such as （一）主动公开情况 or 1.加强组织领导
    }
    if (LINE_END_PUNCTUATION.indexOf(t[e - 1]) >= 0) {
      return false;
    }
    int next = lineEnd + 1;
    while (next < t.length && (t[next] == ' ' || t[next] == '\t' || t[next] == '　')) {
      next++;
    }
    if (next >= t.length || t[next] == '\n') {
      return false;
    }
    return TextScan.cjk(t[next]) && !numbered(t, next, Math.min(t.length, next + 6));
  }
}

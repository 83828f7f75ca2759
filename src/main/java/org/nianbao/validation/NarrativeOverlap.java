package org.nianbao.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The passages two narratives share verbatim (TXT-06's shared spans), found from 8-character
 * anchors.
 */
public final class NarrativeOverlap {

  /** A shared passage shorter than this is a phrase, not a copy. */
  static final int MIN_SHARED = 20;

  static final int MAX_SPANS = 5;
  private static final int ANCHOR = 8;
  private static final List<String> COMPARED = List.of("s1", "s5");

  private NarrativeOverlap() {}

  /**
   * The longest passages of sections 一 and 五 found verbatim in the other report's 一 or 五, longest
   * first.
   */
  public static List<TextSpan> sharedSpans(Map<String, String> texts, Map<String, String> other) {
    StringBuilder theirs = new StringBuilder();
    for (String section : COMPARED) {
      String t = other.get(section);
      if (t != null) {
        theirs.append(t).append('\u0000');
      }
    }
    Map<String, Integer> anchors = anchors(theirs);
    List<TextSpan> spans = new ArrayList<>();
    for (String section : COMPARED) {
      String text = texts.get(section);
      if (text != null) {
        shared(section, text, theirs, anchors, spans);
      }
    }
    spans.sort(Comparator.comparingInt((TextSpan s) -> s.end() - s.start()).reversed());
    return List.copyOf(spans.subList(0, Math.min(MAX_SPANS, spans.size())));
  }

  private static Map<String, Integer> anchors(CharSequence text) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i + ANCHOR <= text.length(); i++) {
      first.putIfAbsent(text.subSequence(i, i + ANCHOR).toString(), i);
    }
    return first;
  }

  private static void shared(
      String section,
      String text,
      CharSequence theirs,
      Map<String, Integer> anchors,
      List<TextSpan> out) {
    int i = 0;
    while (i + ANCHOR <= text.length()) {
      Integer j = anchors.get(text.substring(i, i + ANCHOR));
      if (j == null) {
        i++;
        continue;
      }
      int len = ANCHOR;
      while (i + len < text.length()
          && j + len < theirs.length()
          && text.charAt(i + len) == theirs.charAt(j + len)) {
        len++;
      }
      int s = i;
      int e = i + len;
      while (s < e && Character.isWhitespace(text.charAt(s))) {
        s++;
      }
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      if (e - s >= MIN_SHARED) {
        out.add(TextSpan.of(section, text, s, e));
        i += len;
      } else {
        i++;
      }
    }
  }
}

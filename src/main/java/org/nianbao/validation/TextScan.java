package org.nianbao.validation;

/** Small scanning helpers shared by the narrative rules: sentences, clauses, Chinese characters. */
final class TextScan {

  private TextScan() {}

  static boolean cjk(char c) {
    return c >= '\u4e00' && c <= '\u9fff';
  }

  static boolean containsAny(String text, String[] needles) {
    for (String needle : needles) {
      if (text.contains(needle)) {
        return true;
      }
    }
    return false;
  }

  static int sentenceStart(String text, int from) {
    for (int i = from - 1; i >= 0; i--) {
      if (sentenceBreak(text.charAt(i))) {
        return i + 1;
      }
    }
    return 0;
  }

  static int sentenceEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (sentenceBreak(text.charAt(i))) {
        return i;
      }
    }
    return text.length();
  }

  static boolean sentenceBreak(char c) {
    return c == '。' || c == '！' || c == '？' || c == '\n';
  }

  /** The span of the sentence around {@code at}, without surrounding whitespace. */
  static int[] sentence(String text, int at) {
    int start = sentenceStart(text, at);
    int end = sentenceEnd(text, at);
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return new int[] {start, end};
  }
}

package org.nianbao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * TXT-05 reads list numbers (一、 （二） 3.) without a regex; it must decide exactly as the pattern it
 * replaced, which is kept here as the reference.
 */
class ListNumberTest {

  private static final Pattern NUMBERED =
      Pattern.compile("^\\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\\d]+[）)]|\\d+[、.．])");

  private static final String ALPHABET = " \t\n\u000B\f\r　一二十三九0159（()）、.．，主动公开a";

  @Test
  void headingsAndBodyLines() {
    assertTrue(ArtefactRule.numbered("一、总体情况".toCharArray(), 0, 6));
    assertTrue(ArtefactRule.numbered("\t（二）部分公开".toCharArray(), 0, 8));
    assertTrue(ArtefactRule.numbered("  12.加强组织领导".toCharArray(), 0, 11));
    assertTrue(ArtefactRule.numbered("(3)其他".toCharArray(), 0, 5));
    assertFalse(ArtefactRule.numbered("（）空".toCharArray(), 0, 3));
    assertFalse(ArtefactRule.numbered("　一、全角空格在前".toCharArray(), 0, 9));
    assertFalse(ArtefactRule.numbered("2024年，卧龙区".toCharArray(), 0, 10));
    assertFalse(ArtefactRule.numbered("一是信息发布".toCharArray(), 0, 6));
    assertFalse(ArtefactRule.numbered("".toCharArray(), 0, 0));
  }

  @Test
  void decidesAsThePatternOnRandomLines() {
    Random random = new Random(13);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(8);
      for (int i = 0; i < length; i++) {
        sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String text = sb.toString();
      int from = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
      int to = from + random.nextInt(text.length() - from + 1);
      assertEquals(
          NUMBERED.matcher(text.substring(from, to)).find(),
          ArtefactRule.numbered(text.toCharArray(), from, to),
          () -> "[" + text + "] " + from + ".." + to);
    }
  }
}

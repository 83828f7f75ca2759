package org.nianbao.validation;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3-05: section 一 says that every application was finished (均已办结, 所有申请均已按要求办理完成, 全部办结…) while the
 * table carries some over to next year. A sentence that makes an exception (除…外) or itself mentions
 * the carried-over applications is not a claim that all were finished.
 */
final class AllClosedRule implements NarrativeRule {

  private static final Pattern ALL_CLOSED =
      Pattern.compile(
          "(?:均|全部|都|全都|一律)(?:已|已经)?(?:在法定期限内|按时|按期|按要求|依法|按照要求|按规定)?(?:予以)?"
              + "(?:办结|办理完成|办理完毕|处理完毕|处理完成|答复完毕|全部办结|按时办结)"
              + "|办结率(?:达到?|为)?100\\s*[%％]");

  /** The characters a claim of {@link #ALL_CLOSED} can start with. */
  private static final String CLAIM_STARTS = "均全都一办";

  /**
   * How far before the claim's sentence the applications it speaks of may be named (…申请20件。均已办结。).
   */
  private static final int SUBJECT_REACH = 60;

  private static final String[] EXCEPTIONS = {"除", "结转", "正在办理", "尚未办结", "仍在办理", "未办结"};

  @Override
  public void evaluate(NarrativeInput input, Findings findings) {
    String text = input.text("s1");
    if (text == null) {
      return;
    }
    var carried = input.values().count("s3.carried_out.total");
    if (carried.isEmpty() || carried.getAsLong() <= 0) {
      return;
    }
    Matcher m = ALL_CLOSED.matcher(text);
    int from = 0;
    while (nextClaim(m, text, from)) {
      from = m.end();
      int[] s = TextScan.sentence(text, m.start());
      String sentence = text.substring(s[0], s[1]);
      String lead = text.substring(Math.max(0, s[0] - SUBJECT_REACH), s[0]);
      if (!(sentence.contains("申请") || lead.contains("申请"))
          || TextScan.containsAny(sentence, EXCEPTIONS)) {
        continue;
      }
      TextSpan span = TextSpan.of("s1", text, s[0], s[1]);
      long n = carried.getAsLong();
      findings.add(
          new Finding(
              Rules.S3_05.id(),
              Severity.WARNING,
              List.of("s3.carried_out.total"),
              0L,
              n,
              Templates.message(Rules.S3_05, Map.of("n", n)),
              null,
              span,
              null,
              null,
              null));
      return;
    }
  }

  /**
   * Finds the next claim at or after {@code from}, as {@code m.find()} would: the pattern is tried
   * only where a claim can start, instead of at every position of the text.
   */
  private static boolean nextClaim(Matcher m, String text, int from) {
    for (int p = from; p < text.length(); p++) {
      if (CLAIM_STARTS.indexOf(text.charAt(p)) >= 0 && m.region(p, text.length()).lookingAt()) {
        return true;
      }
    }
    return false;
  }
}

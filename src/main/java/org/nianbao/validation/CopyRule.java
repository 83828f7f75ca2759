package org.nianbao.validation;

import java.util.List;
import java.util.Map;

/**
 * TXT-06: sections 一 and 五 are not copied: at least {@value #SAME_UNIT_PERCENT} % similar to the
 * same unit's previous report, or at least {@value #OTHER_UNIT_PERCENT} % similar to another unit's
 * report of the same year (found through {@link NarrativeSource}). Each finding names the other
 * report, the similarity (Jaccard of the character shingles, in percent) and the longest passages
 * shared verbatim.
 */
final class CopyRule implements NarrativeRule {

  static final int SAME_UNIT_PERCENT = 90;
  static final int OTHER_UNIT_PERCENT = 60;

  @Override
  public void evaluate(NarrativeInput input, Findings findings) {
    ValidationContext ctx = input.context();
    String unit = ctx.unit() == null ? null : ctx.unit().code();
    ReportDocument previous = ctx.previous();
    boolean againstPrevious = previous != null && ctx.year() != null;
    boolean againstOthers = ctx.narratives() != null && unit != null && ctx.year() != null;
    if (!againstPrevious && !againstOthers) {
      return; // nothing to compare with (a dry run without unit and year): no fingerprint
    }
    NarrativeFingerprint mine =
        ctx.narratives() == null
            ? NarrativeFingerprint.of(input.texts())
            : ctx.narratives().fingerprint(input.texts());
    if (!mine.comparable(NarrativeFingerprint.MIN_SHINGLES_SAME_UNIT)) {
      return;
    }
    if (againstPrevious) {
      compare(
          input.texts(),
          mine,
          new NarrativeSource.Peer(unit, ctx.year() - 1, previous.texts()),
          SAME_UNIT_PERCENT,
          NarrativeFingerprint.MIN_SHINGLES_SAME_UNIT,
          findings);
    }
    if (againstOthers && mine.comparable()) {
      for (NarrativeSource.Peer peer :
          ctx.narratives().candidates(mine, unit, ctx.year(), NarrativeSource.CANDIDATES)) {
        compare(
            input.texts(),
            mine,
            peer,
            OTHER_UNIT_PERCENT,
            NarrativeFingerprint.MIN_SHINGLES,
            findings);
      }
    }
  }

  private static void compare(
      Map<String, String> texts,
      NarrativeFingerprint mine,
      NarrativeSource.Peer peer,
      int threshold,
      int minShingles,
      Findings findings) {
    NarrativeFingerprint theirs = NarrativeFingerprint.of(peer.texts());
    if (!theirs.comparable(minShingles)) {
      return;
    }
    int percent = percent(mine.similarity(theirs));
    if (percent < threshold) {
      return;
    }
    List<TextSpan> spans = NarrativeOverlap.sharedSpans(texts, peer.texts());
    Map<String, Object> zh = Map.of("ref", refZh(peer), "p", percent);
    Map<String, Object> en = Map.of("ref", refEn(peer), "p", percent);
    findings.add(
        new Finding(
            Rules.TXT_06.id(),
            Severity.WARNING,
            List.of(),
            "< " + threshold + "%",
            percent + "%",
            Templates.message(Rules.TXT_06, zh, en),
            null,
            spans.isEmpty() ? null : spans.get(0),
            new ReportRef(peer.unit(), peer.year()),
            percent,
            spans));
  }

  static int percent(double similarity) {
    return (int) Math.floor(similarity * 100 + 1e-9);
  }

  private static String refZh(NarrativeSource.Peer peer) {
    return (peer.unit() == null ? "本单位" : peer.unit()) + "的" + peer.year() + "年度报告";
  }

  private static String refEn(NarrativeSource.Peer peer) {
    return "the " + peer.year() + " report of " + (peer.unit() == null ? "this unit" : peer.unit());
  }
}

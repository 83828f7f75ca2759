package org.nianbao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.ReportDocuments;

/**
 * The TXT-06 fingerprint is stored ({@code narrative_signature}, {@code narrative_band}): its
 * signature and buckets must not change when its computation is made faster, or stored reports stop
 * being found. The values below were computed by the one-permutation MinHash (V19 re-indexes the
 * reports stored with the first version, 128 products per shingle).
 */
class NarrativeFingerprintTest {

  private static final Map<String, String> TEXTS = ReportDocuments.wolongTexts();

  @Test
  void signatureAndBucketsOfTheWolongNarrativeAreThoseStored() {
    NarrativeFingerprint fp = NarrativeFingerprint.of(TEXTS);
    int[] signature = fp.signature();
    long[] buckets = fp.buckets();
    assertEquals(NarrativeFingerprint.HASHES, signature.length);
    assertEquals(373207675, signature[0]);
    assertEquals(388930181, signature[127]);
    assertEquals(1991297415, Arrays.hashCode(signature));
    assertEquals(NarrativeFingerprint.BANDS, buckets.length);
    assertEquals(-7765857396469076997L, buckets[0]);
    assertEquals(-2293235940933932099L, buckets[31]);
    assertEquals(-931129600, Arrays.hashCode(buckets));
  }

  @Test
  void similarityAndEstimateOfSectionOneAloneAgainstOneAndFive() {
    NarrativeFingerprint both = NarrativeFingerprint.of(TEXTS);
    NarrativeFingerprint overview = NarrativeFingerprint.of(TEXTS.get("s1"), null);
    assertEquals(0.8046218487394958, both.similarity(overview));
    // the first version estimated 0.7734375 (99 of 128 values equal); one permutation, 102
    assertEquals(0.796875, NarrativeFingerprint.estimate(both.signature(), overview.signature()));
    assertTrue(both.comparable());
    assertTrue(overview.comparable());
  }

  @Test
  void anEmptyNarrativeHasTheNeutralSignature() {
    NarrativeFingerprint empty = NarrativeFingerprint.of("", null);
    assertFalse(empty.comparable(1));
    assertEquals(1116596225, Arrays.hashCode(empty.signature()));
    assertEquals(-697031983, Arrays.hashCode(empty.buckets()));
    assertEquals(0.0, empty.similarity(NarrativeFingerprint.of(TEXTS)));
  }

  @Test
  void theOnePermutationEstimateFollowsTheExactSimilarity() {
    // section 一 against copies that keep a growing share of it and write the rest anew (the same
    // text reversed): the estimate of each is within 0.12 of the exact Jaccard similarity, and
    // within 0.05 on average (its standard error at 128 values is at most 0.044)
    String overview = TEXTS.get("s1");
    NarrativeFingerprint original = NarrativeFingerprint.of(overview, null);
    String other = new StringBuilder(overview).reverse().toString();
    double errors = 0;
    int cases = 0;
    for (int tenths = 1; tenths <= 9; tenths++) {
      int keep = overview.length() * tenths / 10;
      NarrativeFingerprint copy =
          NarrativeFingerprint.of(overview.substring(0, keep) + other.substring(keep), null);
      double exact = original.similarity(copy);
      double estimate = NarrativeFingerprint.estimate(original.signature(), copy.signature());
      assertTrue(Math.abs(estimate - exact) <= 0.12, tenths + ": " + estimate + " vs " + exact);
      errors += Math.abs(estimate - exact);
      cases++;
    }
    assertTrue(errors / cases <= 0.05, "mean error " + errors / cases);
  }
}

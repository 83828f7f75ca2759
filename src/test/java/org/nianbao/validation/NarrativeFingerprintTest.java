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
 * being found. The values below were computed by the first version of the fingerprint.
 */
class NarrativeFingerprintTest {

  private static final Map<String, String> TEXTS = ReportDocuments.wolongTexts();

  @Test
  void signatureAndBucketsOfTheWolongNarrativeAreThoseStored() {
    NarrativeFingerprint fp = NarrativeFingerprint.of(TEXTS);
    int[] signature = fp.signature();
    long[] buckets = fp.buckets();
    assertEquals(NarrativeFingerprint.HASHES, signature.length);
    assertEquals(2909417, signature[0]);
    assertEquals(1740100, signature[127]);
    assertEquals(-1175888175, Arrays.hashCode(signature));
    assertEquals(NarrativeFingerprint.BANDS, buckets.length);
    assertEquals(2569486232507676396L, buckets[0]);
    assertEquals(-6717352924714416054L, buckets[31]);
    assertEquals(1059124012, Arrays.hashCode(buckets));
  }

  @Test
  void similarityAndEstimateOfSectionOneAloneAgainstOneAndFive() {
    NarrativeFingerprint both = NarrativeFingerprint.of(TEXTS);
    NarrativeFingerprint overview = NarrativeFingerprint.of(TEXTS.get("s1"), null);
    assertEquals(0.8046218487394958, both.similarity(overview));
    assertEquals(0.7734375, NarrativeFingerprint.estimate(both.signature(), overview.signature()));
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
}

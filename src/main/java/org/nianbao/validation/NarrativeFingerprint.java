package org.nianbao.validation;

import java.util.Arrays;
import java.util.Map;

/**
 * The fingerprint TXT-06 compares narratives by: sections 一 and 五 reduced to their Chinese and
 * Latin letters (digits, punctuation and spaces dropped, so a copy with this year's figures filled
 * in still matches), cut into overlapping {@value #SHINGLE}-character shingles, and a MinHash
 * signature of {@value #HASHES} values whose {@value #BANDS} bands of {@value #ROWS} are the
 * buckets a stored report is looked up by (two narratives with Jaccard similarity s share a bucket
 * with probability 1 − (1 − s⁴)³²: 0.99 at s = 0.6, 0.23 at s = 0.3).
 */
public final class NarrativeFingerprint {

  /** Characters per shingle. */
  public static final int SHINGLE = 5;

  /** MinHash values per signature. */
  public static final int HASHES = 128;

  /** Bands of the signature (locality-sensitive hashing). */
  public static final int BANDS = 32;

  /** Signature values per band. */
  public static final int ROWS = HASHES / BANDS;

  /** Fewer shingles than this and a narrative is too short to say anything about copying. */
  public static final int MIN_SHINGLES = 40;

  private static final long[] SEEDS = new long[HASHES];

  static {
    long x = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < HASHES; i++) {
      x = mix(x + 0x9E3779B97F4A7C15L);
      SEEDS[i] = x | 1;
    }
  }

  private final long[] shingles;

  /**
   * Computed when first asked for (the index's lookups and writes): the exact comparison of TXT-06
   * needs only the shingles. Volatile: a thread sees either null or the whole array.
   */
  private volatile int[] signature;

  private NarrativeFingerprint(long[] shingles) {
    this.shingles = shingles;
  }

  /** The fingerprint of a report's sections 一 and 五. */
  public static NarrativeFingerprint of(Map<String, String> texts) {
    return of(texts.get("s1"), texts.get("s5"));
  }

  /** The fingerprint of these two texts (either may be null). */
  public static NarrativeFingerprint of(String overview, String problems) {
    String letters = letters(overview) + "|" + letters(problems);
    return new NarrativeFingerprint(shingles(letters));
  }

  /** Fewer shingles than this and even an identical narrative of the same unit says nothing. */
  public static final int MIN_SHINGLES_SAME_UNIT = 10;

  /** Whether there is enough text to look for copies among other units' reports. */
  public boolean comparable() {
    return shingles.length >= MIN_SHINGLES;
  }

  /** Whether there are at least {@code min} shingles. */
  public boolean comparable(int min) {
    return shingles.length >= min;
  }

  /** The MinHash signature. */
  public int[] signature() {
    return minHashes().clone();
  }

  private int[] minHashes() {
    int[] sig = signature;
    if (sig == null) {
      sig = minHash(shingles);
      signature = sig;
    }
    return sig;
  }

  /** The {@value #BANDS} bucket keys of the signature, one per band (band number mixed in). */
  public long[] buckets() {
    int[] signature = minHashes();
    long[] out = new long[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long h = mix(b + 1L);
      for (int r = 0; r < ROWS; r++) {
        h = mix(h ^ (signature[b * ROWS + r] & 0xffffffffL));
      }
      out[b] = h;
    }
    return out;
  }

  /** Exact Jaccard similarity of the shingle sets, 0–1. */
  public double similarity(NarrativeFingerprint other) {
    if (shingles.length == 0 || other.shingles.length == 0) {
      return 0;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < shingles.length && j < other.shingles.length) {
      int c = Long.compare(shingles[i], other.shingles[j]);
      if (c == 0) {
        common++;
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (shingles.length + other.shingles.length - common);
  }

  /** Similarity estimated from two signatures (the fraction of equal MinHash values), 0–1. */
  public static double estimate(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      same += a[i] == b[i] ? 1 : 0;
    }
    return (double) same / HASHES;
  }

  private static String letters(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (TextScan.cjk(c) || Character.isLetter(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Sorted, distinct 64-bit hashes of the overlapping shingles. */
  private static long[] shingles(String s) {
    int n = s.length() - SHINGLE + 1;
    if (n <= 0) {
      return new long[0];
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long h = 0xcbf29ce484222325L;
      for (int k = 0; k < SHINGLE; k++) {
        h = (h ^ s.charAt(i + k)) * 0x100000001b3L;
      }
      out[i] = mix(h);
    }
    Arrays.sort(out);
    int d = 0;
    for (int i = 0; i < n; i++) {
      if (d == 0 || out[i] != out[d - 1]) {
        out[d++] = out[i];
      }
    }
    return Arrays.copyOf(out, d);
  }

  /**
   * Per seed, the least top 31 bits of shingle × seed (unsigned). Seed by seed, so that the minimum
   * stays in a register: the top 31 bits of the least {@code product >>> 1} are the least top bits.
   */
  private static int[] minHash(long[] shingles) {
    int[] sig = new int[HASHES];
    for (int i = 0; i < HASHES; i++) {
      long seed = SEEDS[i];
      long min = Long.MAX_VALUE;
      for (long x : shingles) {
        long h = (x * seed) >>> 1;
        if (h < min) {
          min = h;
        }
      }
      sig[i] = (int) (min >>> 32);
    }
    return sig;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

package org.nianbao.validation;

import java.util.Arrays;
import java.util.Map;

/**
 * The fingerprint TXT-06 compares narratives by: sections 一 and 五 reduced to their Chinese and
 * Latin letters (digits, punctuation and spaces dropped, so a copy with this year's figures filled
 * in still matches), cut into overlapping {@value #SHINGLE}-character shingles, and a MinHash
 * signature of {@value #HASHES} values (one permutation, {@link #minHash}) whose {@value #BANDS}
 * bands of {@value #ROWS} are the buckets a stored report is looked up by (two narratives with
 * Jaccard similarity s share a bucket with probability 1 − (1 − s⁴)³²: 0.99 at s = 0.6, 0.23 at s =
 * 0.3).
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

  /** The distinct shingle hashes, in the order first met. */
  private final long[] shingles;

  /**
   * The same hashes in an open-addressing table (0 marks a free slot; no hash is 0) that {@link
   * #similarity} probes: a set built in one pass instead of sorting the hashes (the sort was half
   * of a fingerprint's cost).
   */
  private final long[] table;

  /**
   * Computed when first asked for (the index's lookups and writes): the exact comparison of TXT-06
   * needs only the shingles. Volatile: a thread sees either null or the whole array.
   */
  private volatile int[] signature;

  private NarrativeFingerprint(long[] shingles, long[] table) {
    this.shingles = shingles;
    this.table = table;
  }

  /** The fingerprint of a report's sections 一 and 五. */
  public static NarrativeFingerprint of(Map<String, String> texts) {
    return of(texts.get("s1"), texts.get("s5"));
  }

  /** The fingerprint of these two texts (either may be null). */
  public static NarrativeFingerprint of(String overview, String problems) {
    String letters = letters(overview) + "|" + letters(problems);
    return shingles(letters);
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
    NarrativeFingerprint small = shingles.length <= other.shingles.length ? this : other;
    NarrativeFingerprint large = small == this ? other : this;
    int common = 0;
    for (long x : small.shingles) {
      common += large.contains(x) ? 1 : 0;
    }
    return (double) common / (shingles.length + other.shingles.length - common);
  }

  private boolean contains(long x) {
    int mask = table.length - 1;
    for (int i = slot(x, mask); ; i = (i + 1) & mask) {
      long y = table[i];
      if (y == x) {
        return true;
      }
      if (y == 0) {
        return false;
      }
    }
  }

  private static int slot(long x, int mask) {
    return (int) (x ^ (x >>> 32)) & mask;
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

  /** The distinct 64-bit hashes of the overlapping shingles of {@code s}. */
  private static NarrativeFingerprint shingles(String s) {
    int n = s.length() - SHINGLE + 1;
    if (n <= 0) {
      return new NarrativeFingerprint(new long[0], new long[1]);
    }
    long[] table = new long[Integer.highestOneBit(n) << 2]; // at most half full
    int mask = table.length - 1;
    long[] out = new long[n];
    int d = 0;
    for (int i = 0; i < n; i++) {
      long h = 0xcbf29ce484222325L;
      for (int k = 0; k < SHINGLE; k++) {
        h = (h ^ s.charAt(i + k)) * 0x100000001b3L;
      }
      long x = mix(h);
      x = x == 0 ? 1 : x; // 0 marks a free slot
      int j = slot(x, mask);
      while (table[j] != 0 && table[j] != x) {
        j = (j + 1) & mask;
      }
      if (table[j] == 0) {
        table[j] = x;
        out[d++] = x;
      }
    }
    return new NarrativeFingerprint(Arrays.copyOf(out, d), table);
  }

  /**
   * One-permutation MinHash: one pass over the shingles, each shingle's hash (already mixed, so
   * uniform) choosing its bin by its top {@value #BIN_BITS} bits and competing with the bits below
   * them for the bin's minimum, instead of {@value #HASHES} products per shingle (a 2,500-shingle
   * narrative cost 150–250 µs, now a few). An empty bin takes the value of the next non-empty bin
   * to its right (circular), mixed with the distance ("densification"): two narratives whose bins
   * are empty alike agree there as often as their neighbours do, so equal values still estimate the
   * Jaccard similarity and a band's buckets keep their LSH probabilities.
   */
  private static int[] minHash(long[] shingles) {
    int[] sig = new int[HASHES];
    Arrays.fill(sig, EMPTY_BIN);
    int filled = 0;
    for (long x : shingles) {
      int bin = (int) (x >>> (Long.SIZE - BIN_BITS));
      int value = (int) ((x >>> (Long.SIZE - BIN_BITS - VALUE_BITS)) & VALUE_MASK);
      if (value < sig[bin]) {
        filled += sig[bin] == EMPTY_BIN ? 1 : 0;
        sig[bin] = value;
      }
    }
    if (filled == 0) { // no shingle (or none below the empty mark): nothing to fill the bins from
      return sig;
    }
    int[] out = sig.clone();
    for (int i = 0; i < HASHES; i++) {
      if (sig[i] == EMPTY_BIN) {
        int d = 1;
        while (sig[(i + d) % HASHES] == EMPTY_BIN) {
          d++;
        }
        out[i] = (int) (mix(((long) sig[(i + d) % HASHES] << 8) | d) & VALUE_MASK);
      }
    }
    return out;
  }

  /** Bits of a shingle's hash that choose its bin: 2^7 = {@value #HASHES} bins. */
  private static final int BIN_BITS = 7;

  /** Bits below them that are its value in the bin (a non-negative int). */
  private static final int VALUE_BITS = 31;

  private static final long VALUE_MASK = (1L << VALUE_BITS) - 1;

  /** A bin no shingle fell into (greater than any value). */
  private static final int EMPTY_BIN = Integer.MAX_VALUE;

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

package org.nianbao.validation;

import java.util.List;
import java.util.Map;

/**
 * What TXT-06 asks the store: the narratives of other units' reports that may be copies of this one
 * (found by the fingerprint's buckets, never by comparing with every report). Implemented where the
 * reports are stored; the engine stays pure.
 */
@FunctionalInterface
public interface NarrativeSource {

  /** How many other units' reports TXT-06 asks for and compares exactly. */
  int CANDIDATES = 5;

  /** A stored report's narrative: whose, which year, its sections. */
  record Peer(String unit, int year, Map<String, String> texts) {}

  /**
   * Other units' reports of {@code year} sharing a bucket with {@code fingerprint}, most shared
   * buckets first, at most {@code limit}; never {@code unit}'s own.
   */
  List<Peer> candidates(NarrativeFingerprint fingerprint, String unit, int year, int limit);

  /**
   * The fingerprint of {@code texts}: computed here, unless the source already holds it (a dry run
   * computed it to read the candidates in the same round trip as its other reads).
   */
  default NarrativeFingerprint fingerprint(Map<String, String> texts) {
    return NarrativeFingerprint.of(texts);
  }

  /** A source that knows no other report. */
  NarrativeSource NONE = (fingerprint, unit, year, limit) -> List.of();
}

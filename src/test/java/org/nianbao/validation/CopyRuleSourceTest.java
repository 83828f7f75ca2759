package org.nianbao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationContext.UnitProfile;

/**
 * TXT-06 asks its narrative source for the fingerprint of the document's narrative and looks the
 * candidates up with that very fingerprint: a dry run computes it once, to read the candidates in
 * the same round trip as the previous year's document, and TXT-06 does not compute it again.
 */
class CopyRuleSourceTest {

  private static final UnitProfile GOV = new UnitProfile("411303", "PEOPLES_GOV", "COUNTY");

  @Test
  void theSourcesFingerprintIsTheOneTheCandidatesAreAskedWith() {
    ReportDocument document =
        ReportDocuments.fmt2021().texts(ReportDocuments.wolongTexts()).build();
    NarrativeFingerprint held = NarrativeFingerprint.of(document.texts());
    List<Object> asked = new ArrayList<>();
    NarrativeSource source =
        new NarrativeSource() {
          @Override
          public NarrativeFingerprint fingerprint(Map<String, String> texts) {
            asked.add(texts);
            return held;
          }

          @Override
          public List<Peer> candidates(
              NarrativeFingerprint fingerprint, String unit, int year, int limit) {
            asked.add(fingerprint);
            asked.add(unit + " " + year + " " + limit);
            return List.of(new Peer("411302", year, document.texts()));
          }
        };

    ValidationResult result =
        new Validator()
            .validate(
                document,
                new ValidationContext(2024, GOV, null, Mode.SUBMISSION).withNarratives(source));

    assertEquals(3, asked.size());
    assertSame(document.texts(), asked.get(0));
    assertSame(held, asked.get(1));
    assertEquals("411303 2024 " + NarrativeSource.CANDIDATES, asked.get(2));
    Finding copy =
        result.findings().stream().filter(f -> f.rule().equals("TXT-06")).findFirst().orElseThrow();
    assertEquals(new ReportRef("411302", 2024), copy.ref());
    assertEquals(Integer.valueOf(100), copy.similarity());
  }
}

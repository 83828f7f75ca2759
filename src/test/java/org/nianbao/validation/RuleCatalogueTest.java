package org.nianbao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.FormatVersion;

/** The rule catalogue served at GET /api/v1/catalogue, and the purity of the rule packages. */
class RuleCatalogueTest {

  private static Map<String, RuleDescriptor> byId(FormatVersion version) {
    return RuleCatalogue.describe(version).stream()
        .collect(Collectors.toMap(RuleDescriptor::id, Function.identity()));
  }

  @Test
  void describesEveryRuleInSpecOrder() {
    List<String> ids =
        RuleCatalogue.describe(FormatVersion.FMT2021).stream().map(RuleDescriptor::id).toList();
    assertEquals(Rules.ALL.stream().map(RuleSpec::id).toList(), ids);
  }

  @Test
  void countsChecksPerFormat() {
    Map<String, RuleDescriptor> y2021 = byId(FormatVersion.FMT2021);
    assertEquals(7, y2021.get("S3-01").checks());
    assertEquals(7, y2021.get("S3-02").checks());
    assertEquals(25, y2021.get("S3-03").checks());
    assertEquals(7, y2021.get("S3-04").checks());
    assertEquals(3, y2021.get("S4-01").checks());
    assertEquals(2, y2021.get("S2-01").checks());
    assertEquals(2, y2021.get("S2-02").checks());
    assertEquals(200, y2021.get("FMT-03").checks());
    assertEquals(1, y2021.get("FMT-06").checks());

    Map<String, RuleDescriptor> y2019 = byId(FormatVersion.FMT2019);
    assertEquals(23, y2019.get("S3-03").checks());
    assertEquals(198, y2019.get("FMT-03").checks());
    assertEquals(0, y2019.get("S2-02").checks());
    assertEquals(0, y2019.get("S2-03").checks());
  }

  @Test
  void onlyContinuityIsOverridable() {
    for (RuleDescriptor d : RuleCatalogue.describe(FormatVersion.FMT2021)) {
      assertEquals(d.id().equals("S3-04"), d.overridable(), d.id());
      assertFalse(d.messageZh().isBlank());
      assertFalse(d.messageEn().isBlank());
      assertFalse(d.formula().isBlank());
    }
    RuleDescriptor s301 = byId(FormatVersion.FMT2021).get("S3-01");
    assertEquals(Severity.ERROR, s301.severity());
    assertEquals(RuleOrigin.OFFICIAL, s301.origin());
  }

  @Test
  void rulePackagesStayFreeOfHttpAndPersistence() throws IOException {
    for (String pkg : List.of("catalogue", "validation")) {
      Path dir = Path.of("src/main/java/org/nianbao", pkg);
      assertTrue(Files.isDirectory(dir), dir.toString());
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file);
          for (String forbidden :
              List.of("jakarta.ws.rs", "jakarta.persistence", "jakarta.enterprise", "io.quarkus")) {
            assertFalse(source.contains(forbidden), file + " uses " + forbidden);
          }
        }
      }
    }
  }
}

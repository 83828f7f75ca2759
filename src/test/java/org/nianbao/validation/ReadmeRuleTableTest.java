package org.nianbao.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's rule table is the rule catalogue (Rules.ALL), row for row; regenerate it from the
 * message on failure.
 */
class ReadmeRuleTableTest {

  /** The README table as the catalogue writes it. */
  static String table() {
    StringBuilder sb = new StringBuilder();
    sb.append("| id | severity | origin | applied by | overridable | rule |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (RuleSpec r : Rules.ALL) {
      sb.append("| ")
          .append(r.id())
          .append(" | ")
          .append(r.severity())
          .append(" | ")
          .append(r.origin().name().toLowerCase())
          .append(" | ")
          .append(r.stage().name().toLowerCase())
          .append(" | ")
          .append(r.overridable() ? "yes" : "no")
          .append(" | ")
          .append(r.formula().replace("|", "\\|"))
          .append(" |\n");
    }
    return sb.toString();
  }

  @Test
  void readmeListsEveryRuleOfTheCatalogue() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String expected = table();
    assertTrue(
        readme.contains(expected),
        () -> "README.md's rule table differs from the catalogue; replace it with:\n\n" + expected);
  }
}

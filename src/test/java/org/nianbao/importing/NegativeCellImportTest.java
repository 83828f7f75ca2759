package org.nianbao.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.validation.Finding;
import org.nianbao.validation.Severity;
import org.nianbao.validation.ValidationContext;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.Validator;

/** An imported −1 is read as printed and named by FMT-05 as an error, not stored as a blank. */
class NegativeCellImportTest {

  @Test
  void aNegativeCountIsFmt05NamingTheCell() throws Exception {
    String text = new String(TextImportTest.resource("wolong-2024.txt"), StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    assertEquals("\t11", lines[393], "the 行政复议 结果维持 cell of the seed");
    lines[393] = "\t-1";
    ImportResult imported =
        new DocumentImporter()
            .importDocument(
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8), "text/plain");
    assertEquals(-1L, imported.report().cells().get("s4.review.upheld").longValue());
    assertEquals(
        List.of(), imported.findings(), "the importer itself has nothing to say about a number");

    List<Finding> findings =
        ImportService.merge(
            imported.findings(),
            new Validator()
                .validate(imported.report(), new ValidationContext(2024, null, null, Mode.IMPORT))
                .findings());
    Finding f = findings.get(0);
    assertEquals("FMT-05", f.rule());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(List.of("s4.review.upheld"), f.cells());
    assertEquals("-1", f.actual());
    assertEquals("“行政复议／结果维持”应为非负整数，实际为“-1”。", f.message().zh());
    assertEquals(
        "\"s4.review.upheld\" must be a non-negative integer, got \"-1\".", f.message().en());
  }
}

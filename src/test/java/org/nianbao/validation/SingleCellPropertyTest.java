package org.nianbao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.CellType;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.testsupport.ReportDocuments;

/**
 * For random valid reports, adding 1 to any single count raises exactly the checks the formulas
 * predict. The prediction is computed here from the formulas, independently of the engine.
 */
class SingleCellPropertyTest {

  private static final Set<String> BALANCE_ROWS =
      Set.of("new", "carried_in", "total_processed", "carried_out");

  @Test
  void fmt2021() {
    run(FormatVersion.FMT2021, 2024);
  }

  @Test
  void fmt2019() {
    run(FormatVersion.FMT2019, 2020);
  }

  private static void run(FormatVersion version, int year) {
    Catalogue catalogue = Catalogue.of(version);
    Random random = new Random(7 * year);
    for (int round = 0; round < 8; round++) {
      long seed = random.nextLong();
      ReportDocuments.Builder valid = ReportDocuments.random(version, new Random(seed));
      assertEquals(Set.of(), raised(Check.submit(valid, year)), "seed " + seed);
      for (CellDefinition cell : catalogue.cells()) {
        if (cell.type() == CellType.DEC) {
          continue;
        }
        ReportDocuments.Builder b = ReportDocuments.random(version, new Random(seed));
        b.add(cell.key(), 1);
        ValidationResult r = Check.submit(b, year);
        assertEquals(predict(catalogue, cell, b), raised(r), () -> cell.key() + " seed " + seed);
        for (Finding f : r.findings()) {
          if (!f.rule().equals("S2-02")) {
            BigInteger diff =
                new BigInteger(f.expected().toString())
                    .subtract(new BigInteger(f.actual().toString()));
            assertEquals(1, diff.abs().intValue(), f::toString);
          }
        }
      }
    }
  }

  /** The checks an increment of {@code cell} must break, as "rule:discriminator". */
  private static Set<String> predict(
      Catalogue catalogue, CellDefinition cell, ReportDocuments.Builder b) {
    Set<String> out = new TreeSet<>();
    String row = cell.rowKey();
    String col = cell.columnKey();
    switch (cell.section()) {
      case 3 -> {
        if (BALANCE_ROWS.contains(row)) {
          out.add("S3-01:" + col);
        }
        if (catalogue.section3ResultRows().contains(row) || row.equals("total_processed")) {
          out.add("S3-02:" + col);
        }
        out.add("S3-03:" + row);
      }
      case 4 -> out.add("S4-01:" + row);
      default -> {
        String prefix = cell.key().substring(0, cell.key().lastIndexOf('.'));
        if (catalogue.contains(prefix + ".issued")
            && catalogue.contains(prefix + ".in_force")
            && b.count(prefix + ".issued") > b.count(prefix + ".in_force")) {
          out.add("S2-02:" + prefix);
        }
      }
    }
    return out;
  }

  private static Set<String> raised(ValidationResult r) {
    Set<String> out = new TreeSet<>();
    for (Finding f : r.findings()) {
      String first = f.cells().get(0);
      String discriminator =
          switch (f.rule()) {
            case "S3-01", "S3-02" -> first.substring(first.lastIndexOf('.') + 1);
            case "S3-03", "S4-01" ->
                first.substring(first.indexOf('.') + 1, first.lastIndexOf('.'));
            default -> first.substring(0, first.lastIndexOf('.'));
          };
      out.add(f.rule() + ":" + discriminator);
    }
    return out;
  }
}

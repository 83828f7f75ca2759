package org.nianbao.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The regression corpus: four real published reports of other units, every one of their 200 cells.
 */
class RealReportsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "01_shuyang-fagaiju_2023.html, text/html, 沭阳县发展和改革局, 2023, 0",
    "02_shuyang-xian_2025.txt, text/plain, 沐阳县人民政府, 2025, 0",
    "03_shanghai-kewei_2024.md, text/plain, 上海市科委, 2024, 9",
    "04_shanghai-shizhengfu-bgt_2025.md, text/plain, 上海市人民政府办公厅, 2025, 5"
  })
  void importsEveryCellOfARealReport(
      String file, String type, String unit, int year, int uncertainRows) throws IOException {
    ImportResult result =
        new DocumentImporter().importDocument(TextImportTest.resource("real/" + file), type);
    String base = file.substring(0, file.lastIndexOf('.'));
    JsonNode expected =
        new ObjectMapper().readTree(TextImportTest.resource("real/" + base + ".cells.json"));

    assertEquals(200, expected.size());
    TextImportTest.assertCells(expected, result.report().cells());
    assertEquals(unit, result.unitName());
    assertEquals(year, result.year());
    // rows whose labels are detached from their values (03: 9 rows of wrapped labels, 04: 5) are
    // flagged for
    // review; table 四 read whole is not
    assertEquals(
        uncertainRows, result.findings().stream().filter(f -> f.rule().equals("IMP-01")).count());
  }
}

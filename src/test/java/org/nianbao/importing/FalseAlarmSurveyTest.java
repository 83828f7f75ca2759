package org.nianbao.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.Finding;
import org.nianbao.validation.ReportDocument;
import org.nianbao.validation.Scope;
import org.nianbao.validation.Severity;
import org.nianbao.validation.ValidationContext;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationContext.UnitProfile;
import org.nianbao.validation.Validator;

/**
 * The false-alarm budget: every rule over the seed, the four real reports (their hand-extracted
 * cells and their narrative split at its headings 一、…六、) and 1,000 random valid reports. Each
 * finding on a real report is listed with its verdict in the closing note; this test pins them, so
 * a new false alarm fails the build.
 */
class FalseAlarmSurveyTest {

  private final Validator validator = new Validator();

  private record Sample(
      String name, String document, String mediaType, int year, UnitProfile unit, Scope scope) {}

  private static final List<Sample> REAL =
      List.of(
          new Sample(
              "01_shuyang-fagaiju_2023",
              "html",
              "text/html",
              2023,
              new UnitProfile("shuyang-fagaiju", "DEPARTMENT", "COUNTY", "321322"),
              Scope.SELF),
          new Sample(
              "02_shuyang-xian_2025",
              "txt",
              "text/plain",
              2025,
              new UnitProfile("321322", "PEOPLES_GOV", "COUNTY"),
              Scope.AGGREGATE),
          new Sample(
              "03_shanghai-kewei_2024",
              "md",
              "text/plain",
              2024,
              new UnitProfile("310000-kewei", "DEPARTMENT", "PROVINCE", "310000"),
              Scope.SELF),
          new Sample(
              "04_shanghai-shizhengfu-bgt_2025",
              "md",
              "text/plain",
              2025,
              new UnitProfile("310000", "PEOPLES_GOV", "PROVINCE"),
              Scope.SELF));

  private List<Finding> survey(Sample s) throws IOException {
    byte[] doc = TextImportTest.resource("real/" + s.name() + "." + s.document());
    JsonNode cells =
        new ObjectMapper().readTree(TextImportTest.resource("real/" + s.name() + ".cells.json"));
    String text = new String(doc, java.nio.charset.StandardCharsets.UTF_8);
    if (s.document().equals("html")) {
      StringBuilder lines = new StringBuilder();
      for (var p : org.jsoup.Jsoup.parse(text).select("ucapcontent p")) {
        lines.append(p.text().replace('\u00a0', ' ').strip()).append('\n');
      }
      text = lines.toString();
    }
    // markdown headings (## 一、…) and bold markers are layout, not text
    text = text.replaceAll("(?m)^#+\\s*", "").replace("**", "");
    Map<String, String> texts = sections(text);
    Map<String, JsonNode> values = new LinkedHashMap<>();
    cells.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
    ReportDocument report =
        new ReportDocument(FormatVersion.FMT2021, s.scope(), null, null, values, texts, List.of());
    return validator
        .validate(report, new ValidationContext(s.year(), s.unit(), null, Mode.IMPORT))
        .findings();
  }

  private static final List<String> TITLES =
      List.of("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "行政复议", "存在的主要问题", "其他需要报告的事项");

  /**
   * Splits at the heading lines of the six sections, found by title keyword (the numbering varies).
   */
  static Map<String, String> sections(String text) {
    String[] lines = text.split("\n", -1);
    int[] starts = new int[7];
    java.util.Arrays.fill(starts, -1);
    int offset = 0;
    int next = 0;
    for (String line : lines) {
      String l = line.strip();
      for (int n = next; n < 6 && l.length() <= 40 && !l.contains("|"); n++) {
        if (l.contains(TITLES.get(n))) {
          starts[n] = offset;
          next = n + 1;
          break;
        }
      }
      offset += line.length() + 1;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int n = 0; n < 6; n++) {
      if (starts[n] < 0) {
        continue;
      }
      int end = text.length();
      for (int m = n + 1; m < 6; m++) {
        if (starts[m] >= 0) {
          end = starts[m];
          break;
        }
      }
      out.put("s" + (n + 1), text.substring(starts[n], end).strip());
    }
    return out;
  }

  @Test
  void realReports() throws IOException {
    Map<String, List<String>> seen = new LinkedHashMap<>();
    for (Sample s : REAL) {
      List<String> rules = new ArrayList<>();
      List<Finding> found = survey(s);
      for (Finding f : found) {
        if (f.rule().equals("FMT-04")) {
          continue; // blanks of the hand extraction, one per cell: counted, not listed
        }
        rules.add(f.rule());

        if (f.span() != null) {
          System.out.println("SURVEY   span " + f.span());
        }
        System.out.println(
            "SURVEY "
                + s.name()
                + " "
                + f.rule()
                + " "
                + f.severity()
                + " "
                + f.cells()
                + " actual="
                + f.actual()
                + " expected="
                + f.expected()
                + " | "
                + f.message().zh());
      }
      seen.put(s.name(), rules);
    }
    System.out.println("SURVEY " + seen);
    // every one a true alarm (verdicts in the closing note): 03 has 资金资金 and 审查管(理); 04 carries the
    // PDF's
    // page numbers — 1 — … — 7 — inside its paragraphs
    assertEquals(List.of(), seen.get("01_shuyang-fagaiju_2023"));
    assertEquals(List.of(), seen.get("02_shuyang-xian_2025"));
    assertEquals(List.of("TXT-05", "TXT-05"), seen.get("03_shanghai-kewei_2024"));
    assertEquals(
        java.util.Collections.nCopies(7, "TXT-05"), seen.get("04_shanghai-shizhengfu-bgt_2025"));
  }

  @Test
  void seedAndRandomValidReports() {
    UnitProfile wolong = new UnitProfile("411303", "PEOPLES_GOV", "COUNTY");
    List<Finding> seed =
        validator
            .validate(
                ReportDocuments.wolong().texts(ReportDocuments.wolongTexts()).build(),
                new ValidationContext(2024, wolong, null, Mode.SUBMISSION))
            .findings();
    assertEquals(
        List.of("S2-04", "TXT-02", "TXT-04", "TXT-04", "TXT-05", "TXT-05"),
        seed.stream().map(Finding::rule).toList());
    Random random = new Random(12);
    int findings = 0;
    for (int i = 0; i < 1_000; i++) {
      ReportDocument r =
          ReportDocuments.random(FormatVersion.FMT2021, random)
              .texts(ReportDocuments.wolongTexts())
              .text("s2", "")
              .build();
      for (Finding f :
          validator
              .validate(r, new ValidationContext(2024, null, null, Mode.SUBMISSION))
              .findings()) {
        if (!f.rule().startsWith("TXT-0") || f.severity() == Severity.ERROR) {
          findings++;
          System.out.println("SURVEY random " + i + " " + f);
        }
      }
    }
    assertEquals(0, findings, "table rules raise nothing on a valid report");
  }
}

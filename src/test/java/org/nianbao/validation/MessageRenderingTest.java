package org.nianbao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.CellType;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationContext.UnitProfile;

/**
 * Renders every rule's message for every cell it can name, in both languages, through the one
 * template engine, and fails on an unreplaced placeholder or a broken phrase (e.g. 第自然人列, “”,
 * null).
 */
class MessageRenderingTest {

  private static final Pattern BROKEN =
      Pattern.compile(
          "[{}]|\\bnull\\b|第[^0-9一二三四五六七八九十（(]{2,}?列|“”|\"\"|（）|\\(\\)|  |。。|，。|^\\s|\\s$");
  private static final UnitProfile COUNTY_GOV = new UnitProfile("411303", "PEOPLES_GOV", "COUNTY");
  private static final UnitProfile DEPARTMENT =
      new UnitProfile("11341702486344516H", "DEPARTMENT", "COUNTY", "411303");

  private final Validator validator = new Validator();
  private final Set<String> rendered = new TreeSet<>();
  private int messages;

  private void check(ValidationResult result, String context) {
    for (Finding f : result.findings()) {
      for (String text : List.of(f.message().zh(), f.message().en())) {
        assertFalse(text.isBlank(), () -> context + ": blank message of " + f);
        assertFalse(
            BROKEN.matcher(text).find(), () -> context + ": broken message “" + text + "” of " + f);
      }
      rendered.add(f.rule());
      messages++;
    }
  }

  private ValidationResult run(
      ReportDocument doc, int year, UnitProfile unit, ReportDocument previous, Mode mode) {
    return validator.validate(doc, new ValidationContext(year, unit, previous, mode));
  }

  @Test
  void everyRuleForEveryCellInBothLanguages() {
    for (FormatVersion format : FormatVersion.values()) {
      int year = format == FormatVersion.FMT2021 ? 2024 : 2020;
      ReportDocuments.Builder valid =
          format == FormatVersion.FMT2021 ? ReportDocuments.fmt2021() : ReportDocuments.fmt2019();
      for (CellDefinition cell : Catalogue.of(format).cells()) {
        String key = cell.key();
        check(
            run(copy(valid).remove(key).build(), year, null, null, Mode.SUBMISSION),
            key + " missing");
        check(
            run(copy(valid).set(key, null).build(), year, null, null, Mode.IMPORT), key + " blank");
        check(
            run(copy(valid).set(key, "x").build(), year, null, null, Mode.SUBMISSION),
            key + " text");
        check(
            run(
                copy(valid)
                    .set(
                        key,
                        cell.type() == CellType.SINT
                            ? (Object) new java.math.BigDecimal("1.5")
                            : (Object) (-1L))
                    .build(),
                year,
                null,
                null,
                Mode.SUBMISSION),
            key + " negative");
        if (cell.type() != CellType.DEC) {
          check(
              run(copy(valid).add(key, 1).build(), year, COUNTY_GOV, null, Mode.SUBMISSION),
              key + " + 1");
          check(
              run(
                  valid.build(),
                  year,
                  COUNTY_GOV,
                  copy(valid).add(key, 3).build(),
                  Mode.SUBMISSION),
              key + " previous year");
        } else {
          check(
              run(
                  copy(valid).set(key, new java.math.BigDecimal("1.23456")).build(),
                  year,
                  null,
                  null,
                  Mode.SUBMISSION),
              key + " decimals");
          check(
              run(
                  copy(valid).set(key, new java.math.BigDecimal("1000000")).build(),
                  year,
                  COUNTY_GOV,
                  null,
                  Mode.SUBMISSION),
              key + " ceiling");
        }
      }
      check(
          run(
              valid.build(),
              format == FormatVersion.FMT2021 ? 2020 : 2024,
              null,
              null,
              Mode.SUBMISSION),
          "FMT-02");
      check(run(copy(valid).format(null).build(), year, null, null, Mode.SUBMISSION), "no format");
      check(
          run(copy(valid).set("s9.unknown", 1L).build(), year, null, null, Mode.SUBMISSION),
          "unknown key");
    }
    ReportDocuments.Builder seed = ReportDocuments.wolong().texts(ReportDocuments.wolongTexts());
    check(
        run(seed.build(), 2024, COUNTY_GOV, seed.build(), Mode.SUBMISSION),
        "seed with itself as last year");
    check(
        run(
            ReportDocuments.wolong()
                .text(
                    "s1",
                    "收到申请250件，办结二百件，结转3件，行政复议2件，行政诉讼9起。"
                        + "本年度统计期限为2023年1月1日至12月31日。申请均已办结。资金资金。\n第 3 页\n严格落实规范性文件合法性审查管\n理制度。")
                .text("s5", "无")
                .text("s6", "其他。")
                .build(),
            2024,
            COUNTY_GOV,
            null,
            Mode.SUBMISSION),
        "texts");
    check(
        run(
            ReportDocuments.fmt2021()
                .set("s2.regulation.issued", 1L)
                .set("s2.regulation.in_force", 2L)
                .build(),
            2024,
            DEPARTMENT,
            null,
            Mode.SUBMISSION),
        "identity and S2-03");
    check(
        run(
            ReportDocuments.fmt2021().build(),
            2020,
            new UnitProfile("330113", "PEOPLES_GOV", "COUNTY"),
            null,
            Mode.SUBMISSION),
        "ID-01");
    ReportDocument base = ReportDocuments.fmt2021().build();
    for (LocalDate date : List.of(LocalDate.of(2024, 6, 1), LocalDate.of(2025, 6, 1))) {
      check(
          run(
              new ReportDocument(
                  base.formatVersion(),
                  base.scope(),
                  date,
                  null,
                  base.cells(),
                  base.texts(),
                  List.of()),
              2024,
              DEPARTMENT,
              null,
              Mode.SUBMISSION),
          "published " + date);
    }
    NarrativeSource peer =
        (fp, unit, year, limit) ->
            List.of(new NarrativeSource.Peer("411302", year, ReportDocuments.wolongTexts()));
    check(
        validator.validate(
            seed.build(), new ValidationContext(2024, COUNTY_GOV, null, Mode.SUBMISSION, peer)),
        "TXT-06 other unit");

    // the engine rendered every rule it applies; the others are rendered from their templates below
    List<String> engine = new ArrayList<>();
    for (RuleSpec rule : Rules.ALL) {
      if (rule.stage() == RuleStage.VALIDATION) {
        engine.add(rule.id());
      }
    }
    engine.removeAll(rendered);
    assertEquals(List.of(), engine, "engine rules whose message no fixture rendered");
    assertTrue(messages > 1_000, "messages rendered: " + messages);
  }

  @Test
  void rulesAppliedElsewhereRenderTheirTemplatesCompletely() {
    for (RuleSpec rule : Rules.ALL) {
      Map<String, Object> args = new HashMap<>();
      for (String name : Templates.placeholders(rule.messageZh() + rule.messageEn())) {
        args.put(name, "样例" + name.length());
      }
      Message m = Templates.message(rule, args);
      assertFalse(BROKEN.matcher(m.zh()).find(), rule.id() + ": " + m.zh());
      assertFalse(BROKEN.matcher(m.en()).find(), rule.id() + ": " + m.en());
      assertEquals(
          Templates.placeholders(rule.messageZh()).stream().sorted().toList(),
          Templates.placeholders(rule.messageEn()).stream().sorted().toList(),
          rule.id() + ": both languages name the same values");
    }
  }

  private static ReportDocuments.Builder copy(ReportDocuments.Builder b) {
    ReportDocument d = b.build();
    ReportDocuments.Builder out =
        d.formatVersion() == FormatVersion.FMT2019
            ? ReportDocuments.fmt2019()
            : ReportDocuments.fmt2021();
    d.cells().forEach(out::set);
    return out;
  }
}

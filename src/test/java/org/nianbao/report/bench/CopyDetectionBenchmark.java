package org.nianbao.report.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringReader;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.database.EmbeddedDatabase;
import org.nianbao.report.NarrativeIndex;
import org.nianbao.rollup.bench.NationalDataset;
import org.nianbao.testsupport.Latency;
import org.nianbao.testsupport.ReportDocuments;
import org.nianbao.testsupport.SingleConnection;
import org.nianbao.validation.NarrativeFingerprint;
import org.nianbao.validation.ReportDocument;
import org.nianbao.validation.ValidationContext;
import org.nianbao.validation.ValidationContext.Mode;
import org.nianbao.validation.ValidationContext.UnitProfile;
import org.nianbao.validation.Validator;

/**
 * TXT-06 at national scale: the national dataset (≈130,000 stored reports, 2021–2024) with a
 * synthetic narrative per report (sections 一 and 五, ≈1,300 characters: shared boilerplate plus the
 * unit's own sentences; 1 % of the reports copy another unit's narrative of the same year), indexed
 * by MinHash bands. Measures the candidate lookup a submission makes, the whole TXT-06 rule (lookup
 * + exact comparison of the candidates) and GET …/similar. Run: {@code ./mvnw -B test
 * -Dgroups=benchmark -DexcludedGroups=none -Dtest=CopyDetectionBenchmark}.
 */
@Tag("benchmark")
class CopyDetectionBenchmark {

  private static final int YEAR = 2024;
  private static final int REQUESTS = Integer.getInteger("copy.bench.requests", 300);
  private static final String BOILERPLATE_CHARS =
      "政府信息公开工作坚持以习近平新时代中国特色社会主义思想为指导深入贯彻落实党中央国务院关于全面推进政务公开的决策部署"
          + "严格执行条例要求不断提升主动公开质量规范依申请公开办理强化平台建设和监督保障";
  private static final String OWN_CHARS =
      "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
          + "十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形"
          + "相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展"
          + "五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先"
          + "回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速"
          + "花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越"
          + "织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维"
          + "划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";

  @Test
  void lookupAmong130000Reports() throws Exception {
    try (EmbeddedPostgres pg =
        EmbeddedDatabase.start(Files.createTempDirectory("nianbao-copy-bench"), 0, false)) {
      Flyway.configure()
          .dataSource(pg.getPostgresDatabase())
          .locations("classpath:db/migration")
          .load()
          .migrate();
      try (Connection c = pg.getPostgresDatabase().getConnection()) {
        NationalDataset.Stats stats = NationalDataset.load(c);
        long start = System.nanoTime();
        Map<String, Map<String, String>> byUnit2024 = new HashMap<>();
        int reports = indexNarratives(c, byUnit2024);
        System.out.printf("%n== TXT-06 benchmark (2 cores, embedded PostgreSQL 17) ==%n");
        System.out.printf(
            "reports %,d (dataset %,d); narratives generated, fingerprinted and indexed in %,d ms%n",
            reports, stats.reports(), (System.nanoTime() - start) / 1_000_000);
        try (Statement st = c.createStatement();
            ResultSet rs =
                st.executeQuery(
                    "SELECT (SELECT count(*) FROM narrative_band), pg_size_pretty(pg_total_relation_size('narrative_band'))")) {
          rs.next();
          System.out.printf(
              "narrative_band rows %,d, size with index %s%n", rs.getLong(1), rs.getString(2));
        }
        NarrativeIndex index = new NarrativeIndex(SingleConnection.of(c), Duration.ZERO);
        Validator validator = new Validator();
        List<String> units = new ArrayList<>(byUnit2024.keySet());
        units.sort(null);
        Random random = new Random(7);
        int[] copiesFound = new int[1];
        measure(
            "candidates (band lookup + texts of the top 5)",
            () -> {
              String unit = units.get(random.nextInt(units.size()));
              return index.candidates(NarrativeFingerprint.of(byUnit2024.get(unit)), unit, YEAR, 5);
            });
        ReportDocument base = ReportDocuments.fmt2021().build();
        measure(
            "TXT-06 rule in a full validation (lookup + exact comparison)",
            () -> {
              String unit = units.get(random.nextInt(units.size()));
              ReportDocument doc =
                  new ReportDocument(
                      base.formatVersion(),
                      base.scope(),
                      null,
                      null,
                      base.cells(),
                      byUnit2024.get(unit),
                      List.of());
              var result =
                  validator.validate(
                      doc,
                      new ValidationContext(
                          YEAR,
                          new UnitProfile(unit, "DEPARTMENT", "COUNTY", null),
                          null,
                          Mode.SUBMISSION,
                          index));
              copiesFound[0] +=
                  (int) result.findings().stream().filter(f -> f.rule().equals("TXT-06")).count();
              return result;
            });
        System.out.printf(
            "TXT-06 findings in the measured validations: %d (about 1 %% of reports are copies, and"
                + " each copy pair is found from both sides)%n",
            copiesFound[0]);
        measure(
            "GET …/similar (limit 10)",
            () -> {
              String unit = units.get(random.nextInt(units.size()));
              return index.similar(unit, YEAR, 10);
            });
      }
    }
  }

  /** Writes a narrative for every current report and indexes it with COPY; returns how many. */
  private static int indexNarratives(Connection c, Map<String, Map<String, String>> byUnit2024)
      throws Exception {
    List<Object[]> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT r.id, v.id, r.unit_code, r.year FROM report r"
                    + " JOIN report_version v ON v.report_id = r.id AND v.version = r.current_version ORDER BY r.id")) {
      while (rs.next()) {
        rows.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)});
      }
    }
    List<String> boilerplate = new ArrayList<>();
    Random shared = new Random(1);
    for (int i = 0; i < 60; i++) {
      boilerplate.add(sentence(shared, BOILERPLATE_CHARS, 18 + shared.nextInt(20)));
    }
    Map<Integer, List<Map<String, String>>> byYear = new HashMap<>();
    var copy =
        new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class));
    StringBuilder texts = new StringBuilder();
    StringBuilder signatures = new StringBuilder();
    StringBuilder bands = new StringBuilder();
    int n = 0;
    for (Object[] r : rows) {
      long reportId = (Long) r[0];
      long versionId = (Long) r[1];
      String unit = (String) r[2];
      int year = (Integer) r[3];
      Random random = new Random(reportId * 31 + year);
      List<Map<String, String>> sameYear = byYear.computeIfAbsent(year, y -> new ArrayList<>());
      Map<String, String> narrative;
      if (!sameYear.isEmpty() && random.nextInt(100) == 0) {
        narrative =
            sameYear.get(random.nextInt(sameYear.size())); // a copy of another unit's narrative
      } else {
        narrative =
            Map.of(
                "s1",
                paragraph(random, boilerplate, 900),
                "s5",
                paragraph(random, boilerplate, 400));
      }
      sameYear.add(narrative);
      if (year == YEAR) {
        byUnit2024.put(unit, narrative);
      }
      for (String section : List.of("s1", "s5")) {
        texts
            .append(versionId)
            .append('\t')
            .append(section)
            .append('\t')
            .append(narrative.get(section))
            .append('\n');
      }
      NarrativeFingerprint fp = NarrativeFingerprint.of(narrative);
      signatures
          .append(reportId)
          .append('\t')
          .append(unit)
          .append('\t')
          .append(year)
          .append('\t')
          .append(
              Arrays.toString(fp.signature()).replace('[', '{').replace(']', '}').replace(" ", ""))
          .append('\n');
      for (long bucket : fp.buckets()) {
        bands.append(year).append('\t').append(bucket).append('\t').append(reportId).append('\n');
      }
      if (++n % 5_000 == 0) {
        flush(copy, texts, signatures, bands);
      }
    }
    flush(copy, texts, signatures, bands);
    try (Statement st = c.createStatement()) {
      st.execute("ANALYZE report_text");
      st.execute("ANALYZE narrative_band");
      st.execute("ANALYZE narrative_signature");
    }
    return n;
  }

  private static void flush(
      org.postgresql.copy.CopyManager copy,
      StringBuilder texts,
      StringBuilder signatures,
      StringBuilder bands)
      throws Exception {
    copy.copyIn(
        "COPY report_text (version_id, section, body) FROM STDIN",
        new StringReader(texts.toString()));
    copy.copyIn(
        "COPY narrative_signature (report_id, unit_code, year, signature) FROM STDIN",
        new StringReader(signatures.toString()));
    copy.copyIn(
        "COPY narrative_band (year, bucket, report_id) FROM STDIN",
        new StringReader(bands.toString()));
    texts.setLength(0);
    signatures.setLength(0);
    bands.setLength(0);
  }

  /**
   * About {@code length} characters: a third shared boilerplate, the rest the unit's own sentences.
   */
  private static String paragraph(Random random, List<String> boilerplate, int length) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < length) {
      sb.append(
          random.nextInt(3) == 0
              ? boilerplate.get(random.nextInt(boilerplate.size()))
              : sentence(random, OWN_CHARS, 15 + random.nextInt(25)));
    }
    return sb.toString();
  }

  private static String sentence(Random random, String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length + 1);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.append(random.nextInt(4) == 0 ? '，' : '。').toString();
  }

  private static void measure(String name, Supplier<?> call) {
    Latency.measure(name, 30, REQUESTS, call);
  }
}

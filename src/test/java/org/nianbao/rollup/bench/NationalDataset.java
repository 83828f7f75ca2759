package org.nianbao.rollup.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.rollup.RollupLedger;
import org.nianbao.rollup.SyntheticReport;
import org.nianbao.unit.Uscc;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A deterministic synthetic national dataset: every division government and zone administration
 * from V2, ten departments per county-level region, 2021–2024 reports in the 2021 format that pass
 * the arithmetic rules, about 5% AGGREGATE government reports and about 2% missing reports. Written
 * with COPY straight into the report tables, then the rollup summaries are rebuilt.
 */
public final class NationalDataset {

  public static final int FIRST_YEAR = 2021;
  public static final int LAST_YEAR = 2024;
  static final String[] DEPARTMENTS = {
    "发展和改革局", "教育局", "公安局", "财政局", "人力资源和社会保障局",
    "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "市场监督管理局"
  };

  /** What was written. */
  public record Stats(
      int units, int reports, int aggregateReports, int missing, long tableRows, long millis) {}

  private NationalDataset() {}

  /** Whether the (unit, year) report is left out (≈2%). */
  static boolean missing(String unit, int year) {
    return Math.floorMod((unit + "/" + year).hashCode() * 31 + 7, 100) < 2;
  }

  /** Whether a government's report of that year is an AGGREGATE (≈5%). */
  static boolean aggregate(String unit, String kind, int year) {
    return "PEOPLES_GOV".equals(kind)
        && Math.floorMod((unit + "#" + year).hashCode() * 17 + 3, 100) < 5;
  }

  /** A department's 统一社会信用代码: 11 (机关) + region + GB 11714 organisation code + check character. */
  public static String departmentCode(String region, int index) {
    String body = region + organisationSuffix(index);
    int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += Character.digit(body.charAt(i), 36) * weights[i];
    }
    int c9 = 11 - sum % 11;
    char check = c9 == 10 ? 'X' : c9 == 11 ? '0' : (char) ('0' + c9);
    return Uscc.withCheckCharacter("11" + region + body + check);
  }

  /**
   * Index 1–99 as two digits; from 100 on, a letter and a character of the USCC alphabet (up to
   * 750).
   */
  private static String organisationSuffix(int index) {
    if (index < 100) {
      return String.format("%02d", index);
    }
    String letters = "ABCDEFGHJKLMNPQRTUWXY";
    String chars = "0123456789" + letters;
    int j = index - 100;
    return "" + letters.charAt(j / chars.length()) + chars.charAt(j % chars.length());
  }

  /**
   * The name of the {@code index}-th department (1-based) of a county: the ten names, then
   * numbered.
   */
  public static String departmentName(int index) {
    String name = DEPARTMENTS[(index - 1) % DEPARTMENTS.length];
    return index <= DEPARTMENTS.length
        ? name
        : name + "（" + ((index - 1) / DEPARTMENTS.length + 1) + "）";
  }

  /** Generates and loads everything on an empty, migrated database. */
  public static Stats load(Connection c) throws SQLException, IOException {
    return load(c, 1);
  }

  /**
   * Generates and loads the dataset at {@code scale} times the national size (10 × scale
   * departments per county-level region) on an empty, migrated database.
   */
  public static Stats load(Connection c, int scale) throws SQLException, IOException {
    long start = System.nanoTime();
    c.setAutoCommit(false);
    List<String[]> units = new ArrayList<>(); // code, kind, level of its region
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT u.code, u.kind, g.level FROM unit u JOIN region g ON g.code = u.region_code ORDER BY u.code")) {
      while (rs.next()) {
        units.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    // one multi-row statement per 10,000 units: the unit counts are kept by a statement-level
    // trigger, so a batch of single-row statements would re-count the same tally rows once per unit
    // inside this one transaction (a row version per unit: quadratic)
    List<String[]> batch = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT g.code, g.name, u.code FROM region g LEFT JOIN unit u ON u.code = g.code"
                    + " WHERE g.level = 'COUNTY' ORDER BY g.code")) {
      while (rs.next()) {
        for (int i = 0; i < DEPARTMENTS.length * scale; i++) {
          String code = departmentCode(rs.getString(1), i + 1);
          batch.add(
              new String[] {
                code, rs.getString(2) + departmentName(i + 1), rs.getString(1), rs.getString(3)
              });
          units.add(new String[] {code, "DEPARTMENT", "COUNTY"});
          if (batch.size() == 10_000) {
            insertUnits(c, batch);
          }
        }
      }
      insertUnits(c, batch);
    }
    c.commit();
    phase("units", units.size(), start);
    long copied = System.nanoTime();

    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    try (Statement st = c.createStatement()) {
      // generated rows are consistent by construction: skip the per-row foreign-key triggers while
      // loading
      st.execute("SET session_replication_role = replica");
    }
    StringBuilder reports = new StringBuilder();
    StringBuilder versions = new StringBuilder();
    StringBuilder s2 = new StringBuilder();
    StringBuilder s3 = new StringBuilder();
    StringBuilder s4 = new StringBuilder();
    Map<String, List<CellDefinition>> rows = rows();
    long id = 0;
    int aggregates = 0;
    int missing = 0;
    long tableRows = 0;
    for (String[] unit : units) {
      long[] carried = null;
      int size =
          switch (unit[1]) {
            case "DEPARTMENT" -> 12;
            default ->
                switch (unit[2]) {
                  case "PROVINCE" -> 400;
                  case "CITY" -> 120;
                  default -> 40;
                };
          };
      for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        SyntheticReport r =
            SyntheticReport.generate(
                (unit[0] + year).hashCode() * 1_000_003L + year, size, carried);
        carried = r.carriedOut();
        if (missing(unit[0], year)) {
          missing++;
          continue;
        }
        id++;
        String scope = aggregate(unit[0], unit[1], year) ? "AGGREGATE" : "SELF";
        aggregates += "AGGREGATE".equals(scope) ? 1 : 0;
        reports.append(id).append('\t').append(unit[0]).append('\t').append(year).append("\t1\n");
        versions
            .append(id)
            .append('\t')
            .append(id)
            .append("\t1\tFMT2021\t")
            .append(scope)
            .append("\tACCEPTED\tAPI\t")
            .append(Long.toHexString(id * 0x9E3779B97F4A7C15L))
            .append("\tbenchmark\n");
        for (Map.Entry<String, List<CellDefinition>> row : rows.entrySet()) {
          String rowKey = row.getKey().substring(2);
          StringBuilder out =
              switch (row.getKey().charAt(0)) {
                case '2' -> s2;
                case '3' -> s3;
                default -> s4;
              };
          out.append(id).append("\tFMT2021\t").append(rowKey);
          for (CellDefinition cell : row.getValue()) {
            out.append('\t')
                .append(
                    cell.type() == org.nianbao.catalogue.CellType.DEC
                        ? r.fee.toPlainString()
                        : Long.toString(r.counts[cell.index()]));
          }
          out.append('\n');
          tableRows++;
        }
      }
      if (s3.length() > 8_000_000) {
        flush(c, copy, reports, versions, s2, s3, s4);
      }
    }
    flush(c, copy, reports, versions, s2, s3, s4);
    try (Statement st = c.createStatement()) {
      st.execute("SELECT setval('report_id_seq', " + Math.max(id, 1) + ")");
      st.execute("SELECT setval('report_version_id_seq', " + Math.max(id, 1) + ")");
      st.execute("SET session_replication_role = DEFAULT");
    }
    c.commit();
    try (Statement st = c.createStatement()) {
      c.setAutoCommit(true);
      st.execute("ANALYZE");
      c.setAutoCommit(false);
    }
    phase("reports copied", (int) id, copied);
    long rebuilding = System.nanoTime();
    RollupLedger.rebuild(c, null);
    c.commit();
    phase("rollups rebuilt", (int) id, rebuilding);
    long indexing = System.nanoTime();
    try (Statement st = c.createStatement()) {
      // what the service writes with every report: its narrative signature (none here, the
      // dataset has no narratives). Without it, the first start after the load indexes every
      // report in the background, on the cores the rollups are measured on.
      st.execute(
          "INSERT INTO narrative_signature (report_id, unit_code, year, minhash)"
              + " SELECT id, unit_code, year, NULL FROM report ON CONFLICT DO NOTHING");
    }
    c.commit();
    phase("narratives indexed", (int) id, indexing);
    long vacuuming = System.nanoTime();
    try (Statement st = c.createStatement()) {
      // what an operator does after a bulk load: without it autovacuum sets the freshly copied
      // rows'
      // visibility while the rollups are measured, on the same two cores
      c.setAutoCommit(true);
      st.execute("VACUUM (ANALYZE)");
    }
    phase("vacuumed", (int) id, vacuuming);
    return new Stats(
        units.size(),
        (int) id,
        aggregates,
        missing,
        tableRows,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** One line on standard error per loading phase: what, how many, how long. */
  private static void phase(String what, int count, long since) {
    System.err.printf(
        "national dataset: %s (%,d) in %,d ms%n",
        what, count, (System.nanoTime() - since) / 1_000_000);
  }

  private static void insertUnits(Connection c, List<String[]> batch) throws SQLException {
    if (batch.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO unit (code, name, kind, region_code, parent_code)"
                + " SELECT code, name, 'DEPARTMENT', region_code, parent_code"
                + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])"
                + " AS t(code, name, region_code, parent_code)")) {
      for (int column = 0; column < 4; column++) {
        String[] values = new String[batch.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = batch.get(i)[column];
        }
        ps.setArray(column + 1, c.createArrayOf("text", values));
      }
      ps.executeUpdate();
    }
    batch.clear();
  }

  /** Section and row ("3|withheld.state_secret") → its cells in the column order of the COPY. */
  private static Map<String, List<CellDefinition>> rows() {
    Map<String, List<CellDefinition>> rows = new java.util.LinkedHashMap<>();
    for (CellDefinition cell : SyntheticReport.CATALOGUE.cells()) {
      rows.computeIfAbsent(cell.section() + "|" + cell.rowKey(), k -> new ArrayList<>()).add(cell);
    }
    return rows;
  }

  private static String columns(List<CellDefinition> cells) {
    StringBuilder b = new StringBuilder();
    for (CellDefinition cell : cells) {
      b.append(", ")
          .append(
              cell.section() == 3 && "natural".equals(cell.columnKey())
                  ? "natural_person"
                  : cell.columnKey());
    }
    return b.toString();
  }

  private static void flush(
      Connection c,
      CopyManager copy,
      StringBuilder reports,
      StringBuilder versions,
      StringBuilder s2,
      StringBuilder s3,
      StringBuilder s4)
      throws SQLException, IOException {
    Map<String, List<CellDefinition>> rows = rows();
    copy.copyIn(
        "COPY report (id, unit_code, year, current_version) FROM STDIN",
        new StringReader(reports.toString()));
    copy.copyIn(
        "COPY report_version (id, report_id, version, format_version, scope, status, origin, document_sha256,"
            + " submitted_by) FROM STDIN",
        new StringReader(versions.toString()));
    c.commit();
    copyRows(copy, s2, 2, rows);
    copyRows(copy, s3, 3, rows);
    copyRows(copy, s4, 4, rows);
    c.commit();
    reports.setLength(0);
    versions.setLength(0);
    s2.setLength(0);
    s3.setLength(0);
    s4.setLength(0);
  }

  /** Rows of one section differ in their columns (section 二), so each row shape is copied apart. */
  private static void copyRows(
      CopyManager copy, StringBuilder data, int section, Map<String, List<CellDefinition>> rows)
      throws SQLException, IOException {
    Map<String, StringBuilder> byShape = new HashMap<>();
    Map<String, String> rowShape = new HashMap<>();
    for (Map.Entry<String, List<CellDefinition>> row : rows.entrySet()) {
      if (row.getKey().charAt(0) == (char) ('0' + section)) {
        rowShape.put(row.getKey().substring(2), columns(row.getValue()));
      }
    }
    int from = 0;
    while (from < data.length()) {
      int end = data.indexOf("\n", from);
      String line = data.substring(from, end + 1);
      int a = line.indexOf('\t');
      int b = line.indexOf('\t', a + 1);
      int e = line.indexOf('\t', b + 1);
      String shape = rowShape.get(line.substring(b + 1, e));
      byShape.computeIfAbsent(shape, k -> new StringBuilder()).append(line);
      from = end + 1;
    }
    for (Map.Entry<String, StringBuilder> e : byShape.entrySet()) {
      copy.copyIn(
          "COPY report_s"
              + section
              + "_row (version_id, format_version, row_key"
              + e.getKey()
              + ") FROM STDIN",
          new StringReader(e.getValue().toString()));
    }
  }
}

package org.nianbao.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.CellType;
import org.nianbao.rollup.SyntheticReport;
import org.nianbao.rollup.bench.NationalDataset;
import org.nianbao.tables.ReportTables;
import org.nianbao.testsupport.ReportDocuments;

/**
 * The JVM side of {@code bench/run.sh}: a durable PostgreSQL for the service, the deterministic
 * request files wrk replays, the raw JDBC insert the submissions are compared with, hand-written
 * rollup SQL, the scaled national dataset, lock-wait sampling and pg_stat_statements. Not part of
 * the test suite.
 */
public final class BenchTool {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final int FIRST_YEAR = NationalDataset.FIRST_YEAR;
  static final int LAST_YEAR = NationalDataset.LAST_YEAR;

  private BenchTool() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "pg" -> pg(Path.of(args[1]), Integer.parseInt(args[2]));
      case "files" ->
          files(
              args[1],
              Path.of(args[2]),
              Long.parseLong(args[3]),
              Integer.parseInt(args[4]),
              Integer.parseInt(args[5]));
      case "raw" ->
          raw(
              args[1],
              Integer.parseInt(args[2]),
              Integer.parseInt(args[3]),
              Long.parseLong(args[4]));
      case "sql" ->
          sql(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
      case "national" -> national(args[1], Integer.parseInt(args[2]));
      case "locks" -> locks(args[1], Integer.parseInt(args[2]));
      case "quiet" -> quiet(args[1], Integer.parseInt(args[2]));
      case "statements" -> statements(args[1], args.length > 2 ? args[2] : "reset");
      case "createdb" -> createdb(args[1], args[2]);
      case "replay" -> replay(args[1], Path.of(args[2]), Integer.parseInt(args[3]), args[4]);
      case "imports" ->
          imports(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
      case "jfr" -> jfr(Path.of(args[1]));
      case "chart" -> RollupChart.draw(Path.of(args[1]), Path.of(args[2]));
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  /**
   * A durable PostgreSQL (as the service's own) with pg_stat_statements loaded; runs until killed.
   */
  static void pg(Path dir, int port) throws Exception {
    Files.createDirectories(dir);
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setPGStartupWait(Duration.ofSeconds(120))
            .setServerConfig("max_connections", "200")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("shared_buffers", "128MB")
            .setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .setServerConfig("pg_stat_statements.track", "all")
            .setServerConfig("track_io_timing", "on")
            .setRegisterShutdownHook(true)
            .start();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
    System.out.println("PG READY " + pg.getJdbcUrl("postgres", "postgres"));
    System.out.flush();
    Thread.currentThread().join();
  }

  /** Drops and creates database {@code name} on the server of {@code url}. */
  static void createdb(String url, String name) throws SQLException {
    try (Connection c = connect(url);
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + name);
    }
  }

  /**
   * Sends every {@code METHOD\tPATH\tBODY} line of {@code file} once, from {@code clients}
   * concurrent HTTP clients, and fails unless every answer is 2xx: loading the dataset through the
   * public API.
   */
  static void replay(String base, Path file, int clients, String token) throws Exception {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicLong next = new AtomicLong();
    Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
    List<Future<List<Long>>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < clients; t++) {
      futures.add(
          pool.submit(
              () -> {
                List<Long> latencies = new ArrayList<>();
                for (long i = next.getAndIncrement();
                    i < lines.size();
                    i = next.getAndIncrement()) {
                  String[] f = lines.get((int) i).split("\t", 3);
                  HttpRequest request =
                      HttpRequest.newBuilder(URI.create(base + f[1]))
                          .header("Content-Type", "application/json")
                          .header("Authorization", "Bearer " + token)
                          .method(f[0], HttpRequest.BodyPublishers.ofString(f[2]))
                          .build();
                  long t0 = System.nanoTime();
                  HttpResponse<String> response =
                      http.send(request, HttpResponse.BodyHandlers.ofString());
                  latencies.add(System.nanoTime() - t0);
                  statuses
                      .computeIfAbsent(response.statusCode(), k -> new AtomicLong())
                      .incrementAndGet();
                  if (response.statusCode() >= 300) {
                    System.err.println(f[1] + ": " + response.statusCode() + " " + response.body());
                  }
                }
                return latencies;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : futures) {
      all.addAll(f.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    all.sort(null);
    System.out.printf(
        "REPLAY file=%s clients=%d requests=%d seconds=%.1f rate=%.1f p50_ms=%.1f p99_ms=%.1f statuses=%s%n",
        file.getFileName(),
        clients,
        all.size(),
        seconds,
        all.size() / seconds,
        pct(all, 50),
        pct(all, 99),
        statuses);
    if (statuses.keySet().stream().anyMatch(s -> s >= 300)) {
      throw new IllegalStateException("some requests failed: " + statuses);
    }
  }

  /**
   * Documents/s of POST /api/v1/imports (no submission) per media type, {@code clients} clients for
   * {@code seconds}.
   */
  static void imports(String base, int clients, int seconds, String token) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (Map.Entry<String, byte[]> sample :
        org.nianbao.importing.ImportSamples.byMediaType().entrySet()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + "/api/v1/imports?unit=411303&year=2024"))
              .header("Content-Type", sample.getKey())
              .header("Authorization", "Bearer " + token)
              .POST(HttpRequest.BodyPublishers.ofByteArray(sample.getValue()))
              .build();
      HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (first.statusCode() != 200) {
        throw new IllegalStateException(
            "import " + sample.getKey() + ": " + first.statusCode() + " " + first.body());
      }
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long deadline = System.nanoTime() + seconds * 1_000_000_000L;
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int t = 0; t < clients; t++) {
        futures.add(
            pool.submit(
                () -> {
                  List<Long> latencies = new ArrayList<>();
                  while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> r =
                        http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                      throw new IllegalStateException(
                          "import " + sample.getKey() + ": " + r.statusCode());
                    }
                    latencies.add(System.nanoTime() - t0);
                  }
                  return latencies;
                }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : futures) {
        all.addAll(f.get());
      }
      pool.shutdown();
      all.sort(null);
      System.out.printf(
          "IMPORT type=%s bytes=%d clients=%d docs_per_s=%.1f p50_ms=%.1f p99_ms=%.1f%n",
          sample.getKey().equals("text/plain")
              ? "text"
              : sample.getKey().equals("text/html") ? "html" : "docx",
          sample.getValue().length,
          clients,
          all.size() / (double) seconds,
          pct(all, 50),
          pct(all, 99));
    }
  }

  static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, "postgres", "postgres");
  }

  /**
   * Writes the request files, deterministic from the seed: {@code units.tsv} (POST /api/v1/units of
   * {@code departments} departments per county, the national dataset's codes), {@code puts.tsv}
   * (PUT of every unit's 2021–2024 reports, year by year, the carried-over cells chained as S3-04
   * wants), {@code validate.json} (the 卧龙区 2024 report with its texts), {@code unit-codes.txt},
   * {@code region-codes.txt} and {@code regions-<level>.txt}.
   */
  static void files(String url, Path out, long seed, int departments, int puts) throws Exception {
    Files.createDirectories(out);
    List<String[]> units = new ArrayList<>(); // code, kind, level
    Map<String, List<String>> byLevel = new TreeMap<>();
    try (Connection c = connect(url);
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT u.code, u.kind, g.level FROM unit u JOIN region g ON g.code = u.region_code"
                  + " ORDER BY u.code")) {
        while (rs.next()) {
          units.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
      try (PrintWriter w = writer(out.resolve("units.tsv"));
          ResultSet rs =
              st.executeQuery(
                  "SELECT g.code, g.name FROM region g WHERE g.level = 'COUNTY' ORDER BY g.code")) {
        while (rs.next()) {
          for (int i = 1; i <= departments; i++) {
            String code = NationalDataset.departmentCode(rs.getString(1), i);
            ObjectNode body = JSON.createObjectNode();
            body.put("code", code);
            body.put("name", rs.getString(2) + NationalDataset.departmentName(i));
            body.put("kind", "DEPARTMENT");
            body.put("regionCode", rs.getString(1));
            w.print("POST\t/api/v1/units\t");
            w.println(body);
            units.add(new String[] {code, "DEPARTMENT", "COUNTY"});
          }
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT code, level FROM region ORDER BY code")) {
        while (rs.next()) {
          byLevel.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
        }
      }
    }
    // shuffle deterministically so that concurrent clients spread over the country
    java.util.Collections.shuffle(units, new java.util.Random(seed));
    Map<String, long[]> carried = new java.util.HashMap<>();
    int written = 0;
    try (PrintWriter w = writer(out.resolve("puts.tsv"))) {
      for (int year = FIRST_YEAR; year <= LAST_YEAR && written < puts; year++) {
        for (String[] unit : units) {
          if (written++ >= puts) {
            break;
          }
          SyntheticReport r =
              SyntheticReport.generate(
                  seed * 31 + (unit[0] + year).hashCode() * 1_000_003L + year,
                  "DEPARTMENT".equals(unit[1]) ? 12 : 40,
                  carried.get(unit[0]));
          carried.put(unit[0], r.carriedOut());
          w.print("PUT\t/api/v1/units/" + unit[0] + "/reports/" + year + "\t");
          w.println(document(r, year));
        }
      }
    }
    String wolong = ReportDocuments.wolong().texts(ReportDocuments.wolongTexts()).json();
    Files.writeString(out.resolve("validate.tsv"), "POST\t/api/v1/validations\t" + wolong + "\n");
    Files.writeString(
        out.resolve("validate-unit.tsv"),
        "POST\t/api/v1/validations?unit=411303&year=2024\t" + wolong + "\n");
    List<String> codes = units.stream().map(u -> u[0]).toList();
    Files.write(
        out.resolve("unit-paths.txt"),
        codes.subList(0, Math.min(codes.size(), 3000)).stream()
            .map(code -> "/api/v1/units/" + code)
            .toList());
    List<String> all = new ArrayList<>();
    byLevel.values().forEach(all::addAll);
    Files.write(
        out.resolve("region-paths.txt"),
        all.stream().map(code -> "/api/v1/regions/" + code).toList());
    for (Map.Entry<String, List<String>> e : byLevel.entrySet()) {
      Files.write(out.resolve("regions-" + e.getKey() + ".txt"), e.getValue());
      Files.write(
          out.resolve("rollups-" + e.getKey() + ".txt"),
          e.getValue().stream().map(code -> "/api/v1/rollups/" + code + "/" + LAST_YEAR).toList());
    }
    System.out.printf(
        "files: %d units, %d PUT bodies, %d POST /units%n",
        units.size(),
        Math.min(written, puts),
        units.stream().filter(u -> u[1].equals("DEPARTMENT")).count());
  }

  static String document(SyntheticReport r, int year) {
    ObjectNode o = JSON.createObjectNode();
    o.put("formatVersion", "FMT2021");
    o.put("scope", "SELF");
    o.put("publishedAt", (year + 1) + "-01-20");
    ObjectNode cells = o.putObject("cells");
    r.cells()
        .forEach(
            (k, v) -> {
              if (v instanceof BigDecimal d) {
                cells.put(k, d);
              } else {
                cells.put(k, (Long) v);
              }
            });
    return o.toString();
  }

  private static PrintWriter writer(Path p) throws IOException {
    return new PrintWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8));
  }

  /**
   * The same rows a submission stores (header, version, 29 typed table rows), inserted with plain
   * JDBC by {@code clients} threads for {@code seconds}, one durable transaction per report,
   * statements batched, into look-alike tables of a scratch schema (no triggers, no rollups, no
   * validation).
   */
  static void raw(String url, int clients, int seconds, long seed) throws Exception {
    try (Connection c = connect(url);
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS bench_raw CASCADE");
      st.execute("CREATE SCHEMA bench_raw");
      for (String t :
          List.of("report", "report_version", "report_s2_row", "report_s3_row", "report_s4_row")) {
        st.execute(
            "CREATE TABLE bench_raw."
                + t
                + " (LIKE public."
                + t
                + " INCLUDING DEFAULTS INCLUDING INDEXES)");
      }
    }
    Map<Integer, Map<String, List<CellDefinition>>> rows = rowShapes();
    SyntheticReport r = SyntheticReport.generate(seed, 40, null);
    AtomicLong ids = new AtomicLong();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<long[]>> results = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      results.add(
          pool.submit(
              () -> {
                long done = 0;
                long rowCount = 0;
                List<Long> latencies = new ArrayList<>();
                try (Connection c =
                    DriverManager.getConnection(
                        url + "?reWriteBatchedInserts=true", "postgres", "postgres")) {
                  c.setAutoCommit(false);
                  PreparedStatement header =
                      c.prepareStatement(
                          "INSERT INTO bench_raw.report (id, unit_code, year, current_version) VALUES (?, ?, ?, 1)");
                  PreparedStatement version =
                      c.prepareStatement(
                          "INSERT INTO bench_raw.report_version (id, report_id, version, format_version, scope, status, origin,"
                              + " document_sha256, submitted_by) VALUES (?, ?, 1, 'FMT2021', 'SELF', 'ACCEPTED', 'API', ?, 'raw')");
                  Map<String, PreparedStatement> shaped = new LinkedHashMap<>();
                  while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    long id = ids.incrementAndGet();
                    header.setLong(1, id);
                    header.setString(2, "R" + id);
                    header.setInt(3, 2024);
                    header.executeUpdate();
                    version.setLong(1, id);
                    version.setLong(2, id);
                    version.setString(3, Long.toHexString(id));
                    version.executeUpdate();
                    rowCount += 2;
                    for (Map.Entry<Integer, Map<String, List<CellDefinition>>> section :
                        rows.entrySet()) {
                      for (Map.Entry<String, List<CellDefinition>> row :
                          section.getValue().entrySet()) {
                        List<CellDefinition> cells = row.getValue();
                        String key = section.getKey() + "|" + columns(cells);
                        PreparedStatement ps = shaped.get(key);
                        if (ps == null) {
                          ps =
                              c.prepareStatement(
                                  "INSERT INTO bench_raw.report_s"
                                      + section.getKey()
                                      + "_row (version_id, format_version, row_key, "
                                      + columns(cells)
                                      + ") VALUES (?, 'FMT2021', ?"
                                      + ", ?".repeat(cells.size())
                                      + ")");
                          shaped.put(key, ps);
                        }
                        ps.setLong(1, id);
                        ps.setString(2, row.getKey());
                        for (int i = 0; i < cells.size(); i++) {
                          CellDefinition cell = cells.get(i);
                          if (cell.type() == CellType.DEC) {
                            ps.setBigDecimal(3 + i, r.fee);
                          } else {
                            ps.setLong(3 + i, r.counts[cell.index()]);
                          }
                        }
                        ps.addBatch();
                        rowCount++;
                      }
                    }
                    for (PreparedStatement ps : shaped.values()) {
                      ps.executeBatch();
                    }
                    c.commit();
                    latencies.add(System.nanoTime() - t0);
                    done++;
                  }
                }
                long[] out = new long[2 + latencies.size()];
                out[0] = done;
                out[1] = rowCount;
                for (int i = 0; i < latencies.size(); i++) {
                  out[2 + i] = latencies.get(i);
                }
                return out;
              }));
    }
    long reports = 0;
    long tableRows = 0;
    List<Long> all = new ArrayList<>();
    for (Future<long[]> f : results) {
      long[] v = f.get();
      reports += v[0];
      tableRows += v[1];
      for (int i = 2; i < v.length; i++) {
        all.add(v[i]);
      }
    }
    pool.shutdown();
    all.sort(null);
    try (Connection c = connect(url);
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA bench_raw CASCADE");
    }
    System.out.printf(
        "RAW clients=%d reports=%d rows=%d seconds=%d rate=%.1f rows_per_s=%.0f p50_ms=%.1f p99_ms=%.1f%n",
        clients,
        reports,
        tableRows,
        seconds,
        reports / (double) seconds,
        tableRows / (double) seconds,
        pct(all, 50),
        pct(all, 99));
  }

  /** Section → row key → its cells, in the column order of the typed table. */
  static Map<Integer, Map<String, List<CellDefinition>>> rowShapes() {
    Map<Integer, Map<String, List<CellDefinition>>> rows = new TreeMap<>();
    for (CellDefinition cell : SyntheticReport.CATALOGUE.cells()) {
      rows.computeIfAbsent(cell.section(), k -> new LinkedHashMap<>())
          .computeIfAbsent(cell.rowKey(), k -> new ArrayList<>())
          .add(cell);
    }
    return rows;
  }

  private static String columns(List<CellDefinition> cells) {
    List<String> names = new ArrayList<>();
    for (CellDefinition cell : cells) {
      names.add(
          cell.section() == 3 && "natural".equals(cell.columnKey())
              ? "natural_person"
              : cell.columnKey());
    }
    return String.join(", ", names);
  }

  /**
   * Per level (file {@code regions-<level>.txt} in {@code dir}): p50/p99 of the hand-written SQL
   * summing the report tables of the subtree, and of reading the region's summary rows alone.
   */
  static void sql(String url, Path dir, int year, int requests) throws Exception {
    try (Connection c = connect(url)) {
      for (String level : List.of("NATION", "PROVINCE", "CITY", "COUNTY")) {
        Path file = dir.resolve("regions-" + level + ".txt");
        if (!Files.exists(file)) {
          continue;
        }
        List<String> codes = Files.readAllLines(file);
        Map<String, String> paths = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT path FROM region WHERE code = ?")) {
          for (String code : codes) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              paths.put(code, rs.getString(1));
            }
          }
        }
        int n = level.equals("NATION") ? Math.min(requests, 20) : requests;
        List<Long> direct = new ArrayList<>();
        List<Long> summary = new ArrayList<>();
        for (int i = 0; i < n + 3; i++) {
          String code = codes.get(i % codes.size());
          long t0 = System.nanoTime();
          directSums(c, paths.get(code), year);
          long t1 = System.nanoTime();
          summaryRows(c, code, year);
          long t2 = System.nanoTime();
          if (i >= 3) {
            direct.add(t1 - t0);
            summary.add(t2 - t1);
          }
        }
        direct.sort(null);
        summary.sort(null);
        List<Long> shared = summaryRowsConcurrently(url, codes, year, SUMMARY_CLIENTS, 3_000);
        System.out.printf(
            "SQL level=%s n=%d direct_p50=%.1f direct_p99=%.1f summary_p50=%.2f summary_p99=%.2f"
                + " summary%d_n=%d summary%d_p50=%.2f summary%d_p99=%.2f%n",
            level,
            n,
            pct(direct, 50),
            pct(direct, 99),
            pct(summary, 50),
            pct(summary, 99),
            SUMMARY_CLIENTS,
            shared.size(),
            SUMMARY_CLIENTS,
            pct(shared, 50),
            SUMMARY_CLIENTS,
            pct(shared, 99));
      }
    }
  }

  /** As many clients as the rollup API's measurement has connections. */
  private static final int SUMMARY_CLIENTS = 4;

  /**
   * The summary rows of the regions read by {@code clients} concurrent clients (each its own
   * connection, each going through the codes from its own offset) for {@code millis}, after 20
   * unmeasured reads each: the latencies, sorted. The rollup API is measured with as many
   * connections; this is the same work without the service, under the same kind of contention.
   */
  private static List<Long> summaryRowsConcurrently(
      String url, List<String> codes, int year, int clients, long millis) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<Long>>> parts = new ArrayList<>();
      long[] deadline = new long[1];
      java.util.concurrent.CyclicBarrier start =
          new java.util.concurrent.CyclicBarrier(
              clients, () -> deadline[0] = System.nanoTime() + millis * 1_000_000L);
      for (int k = 0; k < clients; k++) {
        int offset = k * codes.size() / clients;
        parts.add(
            pool.submit(
                () -> {
                  List<Long> times = new ArrayList<>();
                  try (Connection c = connect(url)) {
                    for (int i = 0; i < 20; i++) {
                      summaryRows(c, codes.get((offset + i) % codes.size()), year);
                    }
                    start.await();
                    for (int i = 0; System.nanoTime() < deadline[0]; i++) {
                      long t0 = System.nanoTime();
                      summaryRows(c, codes.get((offset + i) % codes.size()), year);
                      times.add(System.nanoTime() - t0);
                    }
                  }
                  return times;
                }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> part : parts) {
        all.addAll(part.get());
      }
      all.sort(null);
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void directSums(Connection c, String path, int year) throws SQLException {
    for (int section = 2; section <= 4; section++) {
      List<String> columns = ReportTables.columns(section);
      StringBuilder sums = new StringBuilder();
      for (String col : columns) {
        sums.append(sums.length() == 0 ? "" : ", ").append("sum(t.").append(col).append(')');
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT t.row_key, "
                  + sums
                  + " FROM report r"
                  + " JOIN report_version rv ON rv.report_id = r.id AND rv.version = r.current_version"
                  + " JOIN "
                  + ReportTables.table(section)
                  + " t ON t.version_id = rv.id"
                  + " JOIN unit u ON u.code = r.unit_code JOIN region g ON g.code = u.region_code"
                  + " WHERE r.year = ? AND rv.scope = 'SELF' AND rv.status = 'ACCEPTED'"
                  + " AND rv.format_version = 'FMT2021' AND g.path LIKE ? GROUP BY t.row_key")) {
        ps.setInt(1, year);
        ps.setString(2, path + "%");
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rs.getBigDecimal(2);
          }
        }
      }
    }
  }

  private static void summaryRows(Connection c, String code, int year) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT region_code, report_count, counts, amounts FROM rollup_sum"
                + " WHERE year = ? AND format_version = 'FMT2021' AND region_code = ? AND NOT own")) {
      ps.setInt(1, year);
      ps.setString(2, code);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rs.getArray(3).getArray();
          rs.getArray(4).getArray();
        }
      }
    }
  }

  /**
   * Loads the national dataset at {@code scale} × the departments per county on a migrated, empty
   * database.
   */
  static void national(String url, int scale) throws Exception {
    try (Connection c = connect(url)) {
      NationalDataset.Stats s = NationalDataset.load(c, scale);
      System.out.printf(
          "NATIONAL scale=%d units=%d reports=%d table_rows=%d millis=%d%n",
          scale, s.units(), s.reports(), s.tableRows(), s.millis());
    }
  }

  /**
   * Samples pg_stat_activity every 100 ms for {@code seconds}: what the active backends wait on.
   * Prints {@code LOCKS READY} once connected, so that the load can start then.
   */
  static void locks(String url, int seconds) throws Exception {
    Map<String, Long> waits = new TreeMap<>();
    long samples = 0;
    long active = 0;
    try (Connection c = connect(url);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') FROM pg_stat_activity"
                    + " WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
      ps.executeQuery().close();
      System.out.println("LOCKS READY");
      System.out.flush();
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      while (System.nanoTime() < end) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            waits.merge(rs.getString(1), 1L, Long::sum);
            active++;
          }
        }
        samples++;
        Thread.sleep(100);
      }
    }
    StringBuilder b = new StringBuilder();
    long n = Math.max(samples, 1);
    waits.entrySet().stream()
        .sorted((a, x) -> Long.compare(x.getValue(), a.getValue()))
        .limit(8)
        .forEach(e -> b.append(String.format(" %s=%.2f", e.getKey(), e.getValue() / (double) n)));
    System.out.printf("LOCKS samples=%d active_avg=%.2f%s%n", samples, active / (double) n, b);
  }

  /**
   * Waits until PostgreSQL is quiet: no autovacuum worker and no other active client backend in
   * four samples in a row, half a second apart (at most {@code maxSeconds}). After the submission
   * runs, autovacuum may be working through the new rows on the cores the next measurement runs on
   * (the waits measured 2–4 s).
   */
  static void quiet(String url, int maxSeconds) throws Exception {
    long start = System.nanoTime();
    long end = start + maxSeconds * 1_000_000_000L;
    int calm = 0;
    boolean vacuumSeen = false;
    try (Connection c = connect(url);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FILTER (WHERE backend_type = 'autovacuum worker'),"
                    + " count(*) FILTER (WHERE backend_type = 'client backend' AND state = 'active')"
                    + " FROM pg_stat_activity WHERE pid <> pg_backend_pid()")) {
      while (calm < 4 && System.nanoTime() < end) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          vacuumSeen |= rs.getInt(1) > 0;
          calm = rs.getInt(1) + rs.getInt(2) == 0 ? calm + 1 : 0;
        }
        Thread.sleep(500);
      }
    }
    System.out.printf(
        "QUIET %s after %d ms (autovacuum seen: %s)%n",
        calm >= 4 ? "reached" : "not reached",
        (System.nanoTime() - start) / 1_000_000,
        vacuumSeen ? "yes" : "no");
  }

  /**
   * {@code reset} clears pg_stat_statements; {@code <n>} prints the statements per submission and
   * the top ones.
   */
  static void statements(String url, String what) throws Exception {
    try (Connection c = connect(url);
        Statement st = c.createStatement()) {
      st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      if (what.equals("reset")) {
        st.execute("SELECT pg_stat_statements_reset()");
        return;
      }
      long submissions = Long.parseLong(what);
      long calls = 0;
      long topLevel = 0;
      double millis = 0;
      List<String> top = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT calls, total_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110),"
                  + " toplevel"
                  + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                  + " AND query NOT LIKE '%pg_stat%' ORDER BY total_exec_time DESC")) {
        while (rs.next()) {
          calls += rs.getLong(1);
          topLevel += rs.getBoolean(5) ? rs.getLong(1) : 0;
          millis += rs.getDouble(2);
          if (top.size() < Integer.getInteger("bench.statements.top", 12)) {
            top.add(
                String.format(
                    "| %.2f | %.3f | %s |",
                    rs.getLong(1) / (double) submissions,
                    rs.getDouble(2) / Math.max(1, rs.getLong(1)),
                    rs.getString(4).replace("|", "\\|")));
          }
        }
      }
      System.out.printf(
          "STATEMENTS per_submission=%.1f sent_by_service=%.1f db_ms_per_submission=%.2f%n",
          calls / (double) submissions, topLevel / (double) submissions, millis / submissions);
      System.out.println("| calls/submission | mean ms | statement |");
      System.out.println("|---|---|---|");
      top.forEach(System.out::println);
    }
  }

  /**
   * Where the JVM's CPU samples of a JFR recording fall: by the library of the innermost frame that
   * is not the JDK's own, and the hottest innermost methods.
   */
  static void jfr(Path file) throws IOException {
    Map<String, Long> byArea = new TreeMap<>();
    Map<String, Long> byMethod = new TreeMap<>();
    long total = 0;
    for (jdk.jfr.consumer.RecordedEvent e : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      List<jdk.jfr.consumer.RecordedFrame> frames = e.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      total++;
      jdk.jfr.consumer.RecordedMethod top = frames.get(0).getMethod();
      byMethod.merge(top.getType().getName() + "." + top.getName(), 1L, Long::sum);
      String area = "JDK (java.*, sun.*, jdk.*)";
      for (jdk.jfr.consumer.RecordedFrame f : frames) {
        String type = f.getMethod().getType().getName();
        if (!type.startsWith("java.") && !type.startsWith("sun.") && !type.startsWith("jdk.")) {
          area = area(type);
          break;
        }
      }
      byArea.merge(area, 1L, Long::sum);
    }
    long n = Math.max(total, 1);
    System.out.printf("JFR execution samples: %d%n", total);
    System.out.println("| area (innermost non-JDK frame) | share of samples |");
    System.out.println("|---|---|");
    byArea.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .forEach(x -> System.out.printf("| %s | %.1f%% |%n", x.getKey(), 100.0 * x.getValue() / n));
    System.out.println();
    System.out.println("| hottest method (innermost frame) | share |");
    System.out.println("|---|---|");
    byMethod.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(12)
        .forEach(x -> System.out.printf("| %s | %.1f%% |%n", x.getKey(), 100.0 * x.getValue() / n));
  }

  private static String area(String type) {
    for (String[] a :
        new String[][] {
          {"org.nianbao.", "Nianbao (validation, storage, ledger)"},
          {"com.fasterxml.jackson", "Jackson (JSON)"},
          {"org.postgresql", "pgjdbc"},
          {"io.agroal", "Agroal pool"},
          {"org.hibernate", "Hibernate ORM"},
          {"com.arjuna", "Narayana JTA"},
          {"io.netty", "Netty / Vert.x (HTTP)"},
          {"io.vertx", "Netty / Vert.x (HTTP)"},
          {"org.jboss.resteasy", "Quarkus REST"},
          {"io.quarkus", "Quarkus / ArC"},
          {"io.smallrye", "SmallRye"},
          {"io.micrometer", "Micrometer"}
        }) {
      if (type.startsWith(a[0])) {
        return a[1];
      }
    }
    return "other: " + type.replaceAll("\\.[^.]*$", "");
  }

  static double pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)) / 1e6;
  }
}

package org.nianbao.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.DatabaseFingerprint;
import org.nianbao.testsupport.PostgresTestResource;
import org.nianbao.testsupport.ReportDocuments;

/**
 * Seeded fuzzing of every operation of the contract over raw sockets (nothing normalises the
 * bytes): hostile paths and queries (NUL, bad %-escapes, invalid UTF-8, control characters,
 * injection strings, numbers beyond 64 bits), hostile headers, and bodies for every media type —
 * truncated and mistyped JSON, deep nesting, invalid UTF-8, corrupted .docx, PDF and HTML. Every
 * answer must be a contract-valid 2xx or a 4xx problem document with its Content-Type, never a 5xx,
 * and no rejected write may change any table.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class HostileRequestsFuzzTest {

  private static final long SEED = 20261203L;
  private static final int REQUESTS = 10_000;

  /** Requests between two database fingerprints. */
  private static final int BATCH = 500;

  private static final String ADMIN = "test-admin-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SPEC = Path.of("openapi/openapi.yaml");

  private static final String[] HOSTILE_SEGMENTS = {
    "%00",
    "41%00",
    "%zz",
    "%",
    "%C3%28",
    "%FF%FE",
    "%ED%A0%80",
    "'%20OR%20'1'='1",
    "1;DROP%20TABLE%20report",
    "..%2F..%2Fetc%2Fpasswd",
    "%2e%2e",
    "<script>",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "99999999999999999999999",
    "-1",
    "0",
    "1e309",
    "NaN",
    "%E5%8D%A7%E9%BE%99",
    "%0D%0ASet-Cookie:%20x=1",
    "%09",
    "%7F",
    "${jndi:ldap://x}",
    "4113%2003",
    "411303%00",
    "0x7fffffffffffffff",
    "18446744073709551616",
    "-9223372036854775809",
    ""
  };
  private static final String[] HOSTILE_QUERY_VALUES = {
    "%00",
    "%zz",
    "%C3%28",
    "'%20OR%201=1--",
    "1%3BSELECT%20pg_sleep(10)",
    "99999999999999999999999",
    "-1",
    "0",
    "true",
    "yes",
    "1.5",
    "%E4%B8",
    "%0A",
    "abc",
    "",
    "410000,%00",
    "PEOPLES_GOV,NOPE",
    "FMT2099",
    "-",
    "%22%3E%3Cimg%20src=x%3E",
    "2024-01-01",
    "null",
    "[]",
    "%7B%7D"
  };
  private static final String[] ACCEPTS = {
    "application/json",
    "text/csv",
    "application/problem+json",
    "*/*",
    "text/html",
    "application/xml",
    "image/png",
    "text/csv;q=0.1, application/json;q=0.9",
    "garbage/garbage/garbage",
    ";;;",
    ""
  };
  private static final String[] JSON_LEAVES = {
    "123456789012345678901234567890",
    "-1",
    "1.5",
    "1e400",
    "-0",
    "\"12\"",
    "true",
    "null",
    "[]",
    "{}",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "9223372036854775808",
    "-9223372036854775809",
    "0.0000001",
    "\"" + "x".repeat(5000) + "\"",
    "NaN",
    "Infinity",
    "0x10",
    "01"
  };

  @TestHTTPResource("/")
  URI root;

  @Inject DataSource dataSource;

  private final OpenApiInteractionValidator contract =
      OpenApiInteractionValidator.createForSpecificationUrl(
              SPEC.toAbsolutePath().toUri().toString())
          .withLevelResolver(
              LevelResolver.create()
                  .withLevel("validation.request", ValidationReport.Level.IGNORE)
                  .build())
          .build();

  /** One operation of the contract. */
  private record Operation(String method, String template, List<String> query, boolean write) {}

  /** One response as read from the socket. */
  private record Answer(int status, Map<String, String> headers, byte[] body) {}

  @Test
  void tenThousandHostileRequestsGetProblemDocumentsAndChangeNothing() throws Exception {
    List<Operation> operations = operations();
    Random random = new Random(SEED);
    byte[] docx = docx();
    Map<String, Integer> perOperation = new TreeMap<>();
    Map<Integer, Integer> perStatus = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    String fingerprint = DatabaseFingerprint.of(dataSource);
    long started = System.nanoTime();
    boolean acceptedWrite = false;
    int rejectedWrites = 0;

    for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
      Operation op = operations.get(i % operations.size());
      byte[] request = request(op, random, docx, i);
      Answer answer = exchange(request);
      perOperation.merge(label(op), 1, Integer::sum);
      perStatus.merge(answer.status(), 1, Integer::sum);
      String problem = check(op, request, answer);
      if (problem != null) {
        failures.add("#" + i + " " + problem + "\n  request: " + printable(request));
      }
      if (op.write()) {
        if (answer.status() >= 200 && answer.status() < 300) {
          acceptedWrite = true;
        } else {
          rejectedWrites++;
        }
      }
      if ((i + 1) % BATCH == 0) {
        String now = DatabaseFingerprint.of(dataSource);
        if (!acceptedWrite && !now.equals(fingerprint)) {
          failures.add(
              "requests "
                  + (i + 1 - BATCH)
                  + "–"
                  + i
                  + " accepted no write, yet the database changed");
        }
        fingerprint = now;
        acceptedWrite = false;
      }
    }

    System.out.printf(
        "Fuzz (seed %d): %d requests in %.1f s, %d rejected writes; by status %s%n  by operation %s%n",
        SEED,
        perStatus.values().stream().mapToInt(Integer::intValue).sum(),
        (System.nanoTime() - started) / 1e9,
        rejectedWrites,
        perStatus,
        perOperation);
    assertThat(failures).isEmpty();
    assertThat(perOperation).hasSize(operations.size());
    assertThat(perStatus.keySet()).allMatch(s -> s < 500);
  }

  private static String label(Operation op) {
    boolean submitImport = op.write() && op.template().equals("/api/v1/imports");
    return op.method() + " " + op.template() + (submitImport ? "?submit=true" : "");
  }

  /** Every operation of the contract, with its query parameters; writes are the non-GET ones. */
  private static List<Operation> operations() throws IOException {
    JsonNode spec = new YAMLMapper().readTree(SPEC.toFile());
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : List.of("get", "put", "post", "delete")) {
        JsonNode op = path.getValue().get(method);
        if (op == null) {
          continue;
        }
        List<String> query = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
          JsonNode resolved = p.has("$ref") ? spec.at(p.get("$ref").asText().substring(1)) : p;
          if ("query".equals(resolved.path("in").asText())) {
            query.add(resolved.get("name").asText());
          }
        }
        boolean write =
            !method.equals("get")
                && !path.getKey().equals("/api/v1/validations")
                && !path.getKey().equals("/api/v1/imports");
        operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), query, write));
      }
    }
    // an import with submit=true writes: it gets its own entry
    operations.add(
        new Operation("POST", "/api/v1/imports", List.of("unit", "year", "submit"), true));
    return operations;
  }

  // ---- generating
  // -------------------------------------------------------------------------------------------

  private byte[] request(Operation op, Random random, byte[] docx, int i) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean submitImport = op.write() && op.template().equals("/api/v1/imports");
    write(out, op.method() + " ");
    writePath(out, op, random);
    writeQuery(out, op, random, submitImport);
    write(out, " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    // many clients, as fair use counts them
    write(out, "X-Forwarded-For: 10." + (i % 250) + "." + (i / 250 % 250) + ".7\r\n");
    // mostly what a client would send, so that bodies are read rather than refused with 406
    String accept =
        random.nextInt(3) == 0 ? pick(random, ACCEPTS) : pick(random, "", "application/json");
    if (!accept.isEmpty()) {
      write(out, "Accept: " + accept + "\r\n");
    }
    int auth = random.nextInt(10);
    // the rollup rebuild is an expensive maintenance operation: authorised only now and then
    int authorised = op.template().endsWith("/rebuild") ? 1 : 7;
    if (op.write() && auth < authorised && !op.template().equals("/api/v1/imports")) {
      write(out, "Authorization: Bearer " + ADMIN + "\r\n");
    } else if (auth < 8) {
      write(out, "Authorization: Bearer fuzz-" + (i / 100) + "\r\n");
    } else if (auth < 9) {
      write(
          out,
          "Authorization: "
              + pick(random, "Basic YTpi", "Bearer", "Bearer \u0001\u0002", "Token x")
              + "\r\n");
    }
    if (random.nextInt(6) == 0) {
      write(
          out,
          "If-Match: " + pick(random, "\"1-abc\"", "*", "W/\"x\"", "garbage", "\"\"") + "\r\n");
    }
    if (random.nextInt(6) == 0) {
      write(
          out,
          "Idempotency-Key: "
              + pick(random, "k" + random.nextInt(50), "x".repeat(300), "\t", "键")
              + "\r\n");
    }
    if (random.nextInt(20) == 0) {
      out.writeBytes(("X-Junk: " + "\u00ff\u00fe").getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0x80, '\r', '\n'});
    }
    byte[] body = op.method().equals("GET") || op.method().equals("DELETE") ? new byte[0] : null;
    String contentType = null;
    if (body == null) {
      if (op.template().equals("/api/v1/imports")) {
        String[] types = {
          "text/plain; charset=utf-8",
          "text/html",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/pdf",
          "application/octet-stream",
          "application/json",
          "text/plain; charset=gbk",
          "multipart/form-data"
        };
        contentType = pick(random, types);
        body = document(random, docx);
      } else {
        contentType =
            pick(
                random,
                "application/json",
                "application/json",
                "application/json",
                "application/json",
                "application/json; charset=utf-8",
                "text/plain",
                "application/x-www-form-urlencoded",
                "application/json; charset=latin1",
                "application/problem+json",
                "");
        body = jsonBody(op, random);
      }
    } else if (random.nextInt(10) == 0) {
      body = "{\"unexpected\":\"body\"}".getBytes(StandardCharsets.UTF_8);
      contentType = "application/json";
    }
    if (contentType != null && !contentType.isEmpty()) {
      write(out, "Content-Type: " + contentType + "\r\n");
    }
    if (body.length > 0 || !op.method().equals("GET")) {
      write(out, "Content-Length: " + body.length + "\r\n");
    }
    write(out, "\r\n");
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static void writePath(ByteArrayOutputStream out, Operation op, Random random) {
    String[] segments = op.template().split("/");
    for (int s = 1; s < segments.length; s++) {
      out.write('/');
      String segment = segments[s];
      if (!segment.startsWith("{")) {
        write(out, segment);
      } else if (random.nextInt(3) == 0) {
        if (random.nextInt(8) == 0) {
          out.writeBytes(
              new byte[] {'4', '1', (byte) pickInt(random, 0x01, 0x7F, 0xC3, 0xFF, 0x80), '3'});
        } else {
          write(out, pick(random, HOSTILE_SEGMENTS));
        }
      } else {
        write(
            out,
            switch (segment) {
              case "{year}" -> pick(random, "2024", "2023", "2021", "2019", "1999", "2101");
              case "{id}" -> pick(random, "1", "2", "999999");
              case "{region}" -> pick(random, "410000", "411300", "000000", "411303");
              default -> pick(random, "411303", "411300", "410000", "11410402005462140C", "000000");
            });
      }
    }
  }

  private static void writeQuery(
      ByteArrayOutputStream out, Operation op, Random random, boolean submit) {
    List<String> parts = new ArrayList<>();
    if (submit) {
      parts.add("submit=true");
      parts.add("unit=411303");
    }
    for (String name : op.query()) {
      int roll = random.nextInt(4);
      if (roll == 0) {
        continue;
      }
      String value = roll == 1 ? pick(random, HOSTILE_QUERY_VALUES) : plausible(name, random);
      parts.add(name + "=" + value);
    }
    if (random.nextInt(8) == 0) {
      parts.add(pick(random, "unknown=1", "%00=%00", "page=1&page=2", "=x", "&&&", "a=%zz"));
    }
    if (!parts.isEmpty()) {
      write(out, "?" + String.join("&", parts));
    }
  }

  private static String plausible(String name, Random random) {
    return switch (name) {
      case "year", "from", "to" -> pick(random, "2024", "2023", "2021");
      case "unit" -> pick(random, "411303", "411302");
      case "region" -> pick(random, "411300", "410000");
      case "kind" -> pick(random, "PEOPLES_GOV", "DEPARTMENT");
      case "kinds" -> pick(random, "PEOPLES_GOV,DEPARTMENT", "PEOPLES_GOV");
      case "page" -> pick(random, "1", "2");
      case "size" -> pick(random, "1", "20", "500");
      case "format" -> pick(random, "FMT2021", "FMT2019");
      case "level" -> pick(random, "all", "own");
      case "scope" -> pick(random, "SELF", "AGGREGATE");
      case "status" -> pick(random, "ACCEPTED", "SUPERSEDED");
      case "hasWarnings", "submit" -> pick(random, "true", "false");
      case "sort" -> pick(random, "-submittedAt", "unit", "warnings");
      case "version" -> pick(random, "1", "2");
      default -> "1";
    };
  }

  private static byte[] jsonBody(Operation op, Random random) {
    String base =
        switch (op.template()) {
          case "/api/v1/units" ->
              "{\"code\":\"11410402005462140C\",\"name\":\"新华区政府办\",\"kind\":\"GOV_OFFICE\","
                  + "\"regionCode\":\"410402\"}";
          case "/api/v1/tokens" -> "{\"name\":\"fuzz\",\"scope\":\"UNIT:411303\"}";
          default -> ReportDocuments.fmt2021().json();
        };
    int mutation = random.nextInt(12);
    byte[] bytes = base.getBytes(StandardCharsets.UTF_8);
    return switch (mutation) {
      case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      case 1, 2, 3 -> replaceNumber(base, random).getBytes(StandardCharsets.UTF_8);
      case 4 -> insertBytes(bytes, random, new byte[] {(byte) 0xC3, 0x28});
      case 5 -> insertBytes(bytes, random, new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00});
      case 6 ->
          ("[".repeat(5000 + random.nextInt(5000)) + "1" + "]".repeat(5000))
              .getBytes(StandardCharsets.UTF_8);
      case 7 ->
          pick(
                  random,
                  "",
                  "null",
                  "[]",
                  "\"text\"",
                  "42",
                  "{",
                  "}",
                  "{\"a\":1,\"a\":2}",
                  "\uFEFF{}",
                  "{\"cells\":[]}",
                  "{\"formatVersion\":\"FMT2021\",\"scope\":\"SELF\",\"cells\":{\"s3.new.natural\":\"' OR 1=1 --\"}}")
              .getBytes(StandardCharsets.UTF_8);
      case 8 -> base.replace("\"", "'").getBytes(StandardCharsets.UTF_8);
      case 9 ->
          base.replaceFirst("\\{", "{\"\\u0000\\u001f\":\"\\u0000\",")
              .getBytes(StandardCharsets.UTF_8);
      case 10 ->
          base.replace("FMT2021", pick(random, "FMT2099", "fmt2021", "", "\\u0000"))
              .replace("SELF", pick(random, "SELF\\u0000", "ALL", "<b>x</b>"))
              .getBytes(StandardCharsets.UTF_8);
      default -> bytes;
    };
  }

  private static String replaceNumber(String json, Random random) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(-?[0-9.]+)").matcher(json);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(1), m.end(1)});
    }
    if (spans.isEmpty()) {
      return json.replaceFirst("\"[^\"]*\"(?=\\s*[,}])", pick(random, JSON_LEAVES));
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    return json.substring(0, span[0]) + pick(random, JSON_LEAVES) + json.substring(span[1]);
  }

  private static byte[] document(Random random, byte[] docx) {
    int kind = random.nextInt(8);
    return switch (kind) {
      case 0, 1 -> corrupt(docx, random);
      case 2 -> java.util.Arrays.copyOf(docx, random.nextInt(docx.length));
      case 3 ->
          ("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                  + "\u0000\u00ff".repeat(200)
                  + "\ntrailer << /Root 1 0 R >>\n%%EOF")
              .getBytes(StandardCharsets.ISO_8859_1);
      case 4 ->
          ("<html><body>"
                  + "<table><tr><td>".repeat(2000)
                  + "二、主动公开政府信息情况<script>alert(1)</script>"
                  + "<td colspan=\"99999999999\" rowspan=\"-5\">1</td>")
              .getBytes(StandardCharsets.UTF_8);
      case 5 ->
          insertBytes(
              "卧龙区人民政府2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n新制发件数 23\n"
                  .repeat(20)
                  .getBytes(StandardCharsets.UTF_8),
              random,
              new byte[] {0x00, (byte) 0xC3, 0x28, 0x1B, '[', '2', 'J'});
      case 6 -> new byte[0];
      default -> {
        byte[] noise = new byte[1 + random.nextInt(4096)];
        random.nextBytes(noise);
        yield noise;
      }
    };
  }

  private static byte[] corrupt(byte[] bytes, Random random) {
    byte[] copy = bytes.clone();
    for (int n = 0; n < 1 + random.nextInt(20); n++) {
      copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    }
    return copy;
  }

  private static byte[] insertBytes(byte[] bytes, Random random, byte[] inserted) {
    int at = random.nextInt(bytes.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.writeBytes(inserted);
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }

  /** A small .docx with a title and a table, to be corrupted. */
  private static byte[] docx() throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText("卧龙区人民政府2024年政府信息公开工作年度报告");
      doc.createParagraph().createRun().setText("二、主动公开政府信息情况");
      XWPFTable table = doc.createTable(3, 4);
      table.getRow(0).getCell(0).setText("信息内容");
      table.getRow(1).getCell(0).setText("规章");
      table.getRow(1).getCell(1).setText("0");
      table.getRow(2).getCell(0).setText("规范性文件");
      table.getRow(2).getCell(1).setText("23");
      doc.write(out);
      return out.toByteArray();
    }
  }

  // ---- checking
  // ---------------------------------------------------------------------------------------------

  /** What is wrong with the answer, or null. */
  private String check(Operation op, byte[] request, Answer answer) {
    int status = answer.status();
    if (status < 200 || status >= 500) {
      return "status " + status + ": " + new String(answer.body(), StandardCharsets.UTF_8);
    }
    String contentType = answer.headers().getOrDefault("content-type", "");
    if (status >= 400) {
      if (!contentType.startsWith("application/problem+json")) {
        return "status " + status + " without problem+json (Content-Type '" + contentType + "')";
      }
      try {
        JsonNode problem = JSON.readTree(answer.body());
        if (!problem.path("type").asText().startsWith("https://nianbao.org/problems/")
            || problem.path("status").asInt() != status
            || !problem.path("title").isTextual()) {
          return "not a problem document: " + problem;
        }
      } catch (IOException e) {
        return "problem body is not JSON: " + new String(answer.body(), StandardCharsets.UTF_8);
      }
      if ((status == 429 || status == 503) && !answer.headers().containsKey("retry-after")) {
        return status + " without Retry-After";
      }
    }
    String path = requestPath(request);
    if (status == 304 || path == null || !path.startsWith("/api/")) {
      return null;
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    answer.headers().forEach(response::withHeader);
    if (answer.body().length > 0) {
      response.withBody(new String(answer.body(), StandardCharsets.UTF_8));
    }
    ValidationReport report =
        contract.validateResponse(path, Request.Method.valueOf(op.method()), response.build());
    // a path whose segments the contract cannot match (e.g. an empty one) names no operation:
    // checked above
    List<ValidationReport.Message> errors =
        report.getMessages().stream()
            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
            .filter(m -> !m.getKey().equals("validation.request.path.missing"))
            .toList();
    return errors.isEmpty() ? null : "status " + status + " breaks the contract: " + errors;
  }

  private static String requestPath(byte[] request) {
    String line =
        new String(request, 0, Math.min(request.length, 8192), StandardCharsets.ISO_8859_1);
    int from = line.indexOf(' ') + 1;
    int to = line.indexOf(' ', from);
    if (from <= 0 || to < 0) {
      return null;
    }
    String target = line.substring(from, to);
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    // the server removes dot segments (RFC 3986 5.2.4), also %-encoded ones:
    // /units/411300/reports/%2e%2e is /units/411300
    String dotted = path.replaceAll("(?i)%2e", ".");
    try {
      return URI.create(dotted).normalize().getRawPath();
    } catch (IllegalArgumentException unparseable) {
      return path;
    }
  }

  // ---- the wire
  // ---------------------------------------------------------------------------------------------

  private Answer exchange(byte[] request) throws IOException {
    try (Socket socket = new Socket(root.getHost(), root.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException refusedMidway) {
        // the server may answer and close before reading a refused body
      }
      return parse(readAll(socket.getInputStream()));
    }
  }

  /** Reads one response: up to its Content-Length, the last chunk, or the end of the connection. */
  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] bytes = new byte[16 * 1024];
    try {
      int n;
      while ((n = in.read(bytes)) > 0) {
        buffer.write(bytes, 0, n);
        if (complete(buffer.toByteArray())) {
          break;
        }
      }
    } catch (java.net.SocketException | java.net.SocketTimeoutException e) {
      // keep what arrived: an incomplete answer fails the check with the request printed
    }
    return buffer.toByteArray();
  }

  private static boolean complete(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      return false;
    }
    String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(head);
    if (length.find()) {
      return raw.length - headEnd - 4 >= Long.parseLong(length.group(1));
    }
    if (head.contains("transfer-encoding: chunked")) {
      return text.endsWith("\r\n0\r\n\r\n");
    }
    return head.startsWith("http/1.1 304") || head.startsWith("http/1.1 204");
  }

  private static Answer parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      return new Answer(0, Map.of(), raw);
    }
    String[] lines = text.substring(0, headEnd).split("\r\n");
    String[] statusLine = lines[0].split(" ");
    int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : 0;
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(status, headers, body);
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < body.length) {
      int lineEnd = at;
      while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String sizeText =
          new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
      int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
      if (size == 0) {
        break;
      }
      out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
      at = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  // ---- helpers
  // ----------------------------------------------------------------------------------------------

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static int pickInt(Random random, int... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static String printable(byte[] request) {
    String text =
        new String(request, 0, Math.min(request.length, 600), StandardCharsets.ISO_8859_1);
    StringBuilder sb = new StringBuilder();
    for (char c : text.toCharArray()) {
      sb.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02x", (int) c));
    }
    return sb.toString();
  }
}

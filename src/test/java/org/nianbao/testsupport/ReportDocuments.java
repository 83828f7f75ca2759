package org.nianbao.testsupport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.validation.Acknowledgement;
import org.nianbao.validation.ReportDocument;
import org.nianbao.validation.Scope;

/** Valid-by-default report documents for tests, so that each test breaks exactly one thing. */
public final class ReportDocuments {

  /** Parses JSON the way the API does: decimals as BigDecimal. */
  public static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final Pattern HEADING =
      Pattern.compile("(?m)^(?:\\[bookmark:[^\\]]*\\])*\\s*([一二三四五六])、");
  private static final String NUMERALS = "一二三四五六";

  private ReportDocuments() {}

  /** A valid 2021-format report with fixed, non-trivial numbers. */
  public static Builder fmt2021() {
    return random(FormatVersion.FMT2021, new Random(2021));
  }

  /** A valid 2019-format report with fixed, non-trivial numbers. */
  public static Builder fmt2019() {
    return random(FormatVersion.FMT2019, new Random(2019));
  }

  /** A valid report of the format whose numbers are drawn from {@code random}. */
  public static Builder random(FormatVersion version, Random random) {
    Catalogue catalogue = Catalogue.of(version);
    Builder b = new Builder(version);
    List<String> applicants =
        Catalogue.APPLICANT_COLUMNS.subList(0, Catalogue.APPLICANT_COLUMNS.size() - 1);
    for (String col : applicants) {
      long processed = 0;
      for (String row : catalogue.section3ResultRows()) {
        long v = random.nextInt(15);
        b.put("s3." + row + "." + col, v);
        processed += v;
      }
      long carriedIn = processed == 0 ? 0 : random.nextInt((int) Math.min(processed, 10) + 1);
      long carriedOut = random.nextInt(8);
      b.put("s3.total_processed." + col, processed);
      b.put("s3.carried_in." + col, carriedIn);
      b.put("s3.carried_out." + col, carriedOut);
      b.put("s3.new." + col, processed + carriedOut - carriedIn);
    }
    for (String row : catalogue.section3Rows()) {
      long total = 0;
      for (String col : applicants) {
        total += b.count("s3." + row + "." + col);
      }
      b.put("s3." + row + ".total", total);
    }
    List<String> parts = Catalogue.REVIEW_COLUMNS.subList(0, Catalogue.REVIEW_COLUMNS.size() - 1);
    for (String group : Catalogue.REVIEW_GROUPS) {
      long total = 0;
      for (String col : parts) {
        long v = random.nextInt(10);
        b.put("s4." + group + "." + col, v);
        total += v;
      }
      b.put("s4." + group + ".total", total);
    }
    for (CellDefinition cell : catalogue.cells()) {
      if (cell.section() != 2) {
        continue;
      }
      switch (cell.type()) {
        case DEC -> b.put(cell.key(), new BigDecimal(random.nextInt(100_000)).movePointLeft(2));
        case SINT -> b.put(cell.key(), (long) random.nextInt(9) - 4);
        case INT -> b.put(cell.key(), (long) random.nextInt(500));
      }
    }
    if (version == FormatVersion.FMT2021) {
      for (String col : List.of("issued", "abolished", "in_force")) {
        b.put("s2.regulation." + col, 0L);
      }
      long issued = random.nextInt(30);
      b.put("s2.normative_doc.issued", issued);
      b.put("s2.normative_doc.abolished", (long) random.nextInt(10));
      b.put("s2.normative_doc.in_force", issued + random.nextInt(100));
    }
    return b;
  }

  /** The 卧龙区 2024 report's 200 cells, as published. */
  public static Builder wolong() {
    try {
      Map<String, JsonNode> cells =
          JSON.readValue(
              sample("wolong-2024.cells.json"),
              new TypeReference<LinkedHashMap<String, JsonNode>>() {});
      Builder b = new Builder(FormatVersion.FMT2021);
      b.cells.putAll(cells);
      return b;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The 卧龙区 2024 report's text split into s1…s6 at the headings 一、…六、. */
  public static Map<String, String> wolongTexts() {
    return sections(new String(sample("wolong-2024.txt"), StandardCharsets.UTF_8));
  }

  /** Splits a report text into s1…s6 at the first line-leading headings 一、 … 六、, in order. */
  public static Map<String, String> sections(String text) {
    Matcher m = HEADING.matcher(text);
    List<Integer> starts = new ArrayList<>();
    int expected = 0;
    while (m.find() && expected < NUMERALS.length()) {
      if (m.group(1).charAt(0) == NUMERALS.charAt(expected)) {
        starts.add(m.start());
        expected++;
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
      out.put("s" + (i + 1), text.substring(starts.get(i), end).strip());
    }
    return out;
  }

  /**
   * The bytes of a sample document under {@code src/test/resources/samples}: the one loader of test
   * samples.
   */
  public static byte[] sample(String name) {
    try (InputStream in = ReportDocuments.class.getResourceAsStream("/samples/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing test sample " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A mutable report document under construction. */
  public static final class Builder {
    private FormatVersion format;
    private Scope scope = Scope.SELF;
    private final Map<String, JsonNode> cells = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final List<Acknowledgement> acknowledgements = new ArrayList<>();

    private Builder(FormatVersion format) {
      this.format = format;
    }

    private void put(String key, Object value) {
      cells.put(key, node(value));
    }

    /**
     * Sets a cell: Long/Integer/BigDecimal/BigInteger/String/Boolean/JsonNode, or null for a JSON
     * null.
     */
    public Builder set(String key, Object value) {
      put(key, value);
      return this;
    }

    /** Adds {@code delta} to a count cell. */
    public Builder add(String key, long delta) {
      return set(key, count(key) + delta);
    }

    /**
     * One more application from a natural person, received and granted: the document stays
     * consistent (received, processed and granted totals move together).
     */
    public Builder oneMoreGranted() {
      return add("s3.granted.natural", 1)
          .add("s3.granted.total", 1)
          .add("s3.total_processed.natural", 1)
          .add("s3.total_processed.total", 1)
          .add("s3.new.natural", 1)
          .add("s3.new.total", 1);
    }

    public Builder remove(String key) {
      cells.remove(key);
      return this;
    }

    public Builder text(String section, String text) {
      texts.put(section, text);
      return this;
    }

    public Builder texts(Map<String, String> sections) {
      texts.putAll(sections);
      return this;
    }

    public Builder acknowledge(String rule, String reason) {
      acknowledgements.add(new Acknowledgement(rule, reason));
      return this;
    }

    public Builder format(FormatVersion version) {
      this.format = version;
      return this;
    }

    /** The current value of a count cell. */
    public long count(String key) {
      return cells.get(key).longValue();
    }

    public Map<String, JsonNode> cells() {
      return cells;
    }

    public Builder scope(Scope scope) {
      this.scope = scope;
      return this;
    }

    /** The document as the JSON a portal would send. */
    public String json() {
      com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
      o.put("formatVersion", format.name());
      o.put("scope", scope.name());
      com.fasterxml.jackson.databind.node.ObjectNode c = o.putObject("cells");
      cells.forEach(c::set);
      if (!texts.isEmpty()) {
        com.fasterxml.jackson.databind.node.ObjectNode t = o.putObject("texts");
        texts.forEach(t::put);
      }
      if (!acknowledgements.isEmpty()) {
        com.fasterxml.jackson.databind.node.ArrayNode a = o.putArray("acknowledgements");
        acknowledgements.forEach(
            k -> a.addObject().put("rule", k.rule()).put("reason", k.reason()));
      }
      return o.toString();
    }

    public ReportDocument build() {
      return new ReportDocument(
          format,
          scope,
          null,
          null,
          new LinkedHashMap<>(cells),
          new LinkedHashMap<>(texts),
          List.copyOf(acknowledgements));
    }

    private static JsonNode node(Object value) {
      if (value == null) {
        return NODES.nullNode();
      }
      if (value instanceof JsonNode n) {
        return n;
      }
      if (value instanceof Long l) {
        return NODES.numberNode(l);
      }
      if (value instanceof Integer i) {
        return NODES.numberNode(i.longValue());
      }
      if (value instanceof BigDecimal d) {
        return NODES.numberNode(d);
      }
      if (value instanceof BigInteger i) {
        return NODES.numberNode(i);
      }
      if (value instanceof String s) {
        return NODES.textNode(s);
      }
      if (value instanceof Boolean bool) {
        return NODES.booleanNode(bool);
      }
      throw new IllegalArgumentException("Unsupported cell value " + value.getClass());
    }
  }
}

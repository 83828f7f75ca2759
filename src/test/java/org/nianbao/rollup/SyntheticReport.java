package org.nianbao.rollup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nianbao.catalogue.Catalogue;
import org.nianbao.catalogue.CellDefinition;
import org.nianbao.catalogue.CellType;
import org.nianbao.catalogue.FormatVersion;
import org.nianbao.validation.CellParser;
import org.nianbao.validation.CellValues;

/**
 * Deterministic, internally consistent 2021-format report cells (S3-01, S3-02, S3-03 and S4-01
 * hold; carried-in equals the given previous carried-out, so S3-04 holds across years).
 */
public final class SyntheticReport {

  public static final Catalogue CATALOGUE = Catalogue.of(FormatVersion.FMT2021);
  private static final List<String> C6 = Catalogue.APPLICANT_COLUMNS.subList(0, 6);

  /** Cell counts by catalogue index (the fee cell holds 0) and the fee in 万元. */
  public final long[] counts = new long[CATALOGUE.size()];

  public BigDecimal fee;

  private SyntheticReport() {}

  /**
   * @param seed deterministic seed (e.g. from unit code and year)
   * @param scale typical number of new applications per applicant column
   * @param carriedIn carried-in per C6 column (the previous year's carried-out), or null for the
   *     first year
   */
  public static SyntheticReport generate(long seed, int scale, long[] carriedIn) {
    SplittableRandom rnd = new SplittableRandom(seed);
    SyntheticReport r = new SyntheticReport();
    List<String> results = CATALOGUE.section3ResultRows();
    for (int col = 0; col < C6.size(); col++) {
      String c = C6.get(col);
      long fresh = rnd.nextLong(scale + 1L) / (col == 0 ? 1 : col + 1);
      long in = carriedIn == null ? rnd.nextLong(scale / 10 + 1L) : carriedIn[col];
      long available = fresh + in;
      long out = rnd.nextLong(available / 8 + 1);
      long processed = available - out;
      r.set("s3.new." + c, fresh);
      r.set("s3.carried_in." + c, in);
      r.set("s3.carried_out." + c, out);
      r.set("s3.total_processed." + c, processed);
      long left = processed;
      for (int i = 0; i < results.size(); i++) {
        long v =
            i == results.size() - 1
                ? left
                : (i == 0 ? left / 2 + rnd.nextLong(left / 4 + 1) : rnd.nextLong(left / 3 + 1));
        r.set("s3." + results.get(i) + "." + c, v);
        left -= v;
      }
    }
    for (String row : CATALOGUE.section3Rows()) {
      long total = 0;
      for (String c : C6) {
        total += r.get("s3." + row + "." + c);
      }
      r.set("s3." + row + ".total", total);
    }
    for (String g : Catalogue.REVIEW_GROUPS) {
      long total = 0;
      for (String col : List.of("upheld", "corrected", "other", "pending")) {
        long v = rnd.nextLong(scale / 20 + 2L);
        r.set("s4." + g + "." + col, v);
        total += v;
      }
      r.set("s4." + g + ".total", total);
    }
    for (String doc : List.of("regulation", "normative_doc")) {
      long inForce = rnd.nextLong(5L * scale + 1);
      r.set("s2." + doc + ".in_force", inForce);
      r.set("s2." + doc + ".issued", Math.min(inForce, rnd.nextLong(scale / 4 + 1L)));
      r.set("s2." + doc + ".abolished", rnd.nextLong(scale / 8 + 1L));
    }
    r.set("s2.licensing.decisions", rnd.nextLong(200L * scale + 1));
    r.set("s2.penalty.decisions", rnd.nextLong(100L * scale + 1));
    r.set("s2.coercion.decisions", rnd.nextLong(10L * scale + 1));
    r.fee = BigDecimal.valueOf(rnd.nextLong(1_000_000L * scale + 1), 4);
    return r;
  }

  public long get(String key) {
    return counts[CATALOGUE.cell(key).index()];
  }

  public void set(String key, long value) {
    counts[CATALOGUE.cell(key).index()] = value;
  }

  /** Carried-out per C6 column: the next year's carried-in. */
  public long[] carriedOut() {
    long[] out = new long[C6.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = get("s3.carried_out." + C6.get(i));
    }
    return out;
  }

  /** Key → value (Long, or BigDecimal for the fee). */
  public Map<String, Object> cells() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (CellDefinition cell : CATALOGUE.cells()) {
      out.put(cell.key(), cell.type() == CellType.DEC ? fee : (Object) counts[cell.index()]);
    }
    return out;
  }

  /** The typed values the report service hands to the ledger. */
  public CellValues values() {
    return values(cells(), CATALOGUE);
  }

  /** Typed values of any key → number map, as the report service would parse them. */
  public static CellValues values(Map<String, ?> cells, Catalogue catalogue) {
    Map<String, JsonNode> json = new LinkedHashMap<>();
    cells.forEach(
        (k, v) ->
            json.put(
                k,
                v == null
                    ? JsonNodeFactory.instance.nullNode()
                    : v instanceof BigDecimal d
                        ? JsonNodeFactory.instance.numberNode(d)
                        : JsonNodeFactory.instance.numberNode(((Number) v).longValue())));
    return CellParser.lenient(json, catalogue);
  }
}

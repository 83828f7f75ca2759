package org.nianbao.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.nianbao.validation.Acknowledgement;
import org.nianbao.validation.CellParser;
import org.nianbao.validation.ReportDocument;

/**
 * The SHA-256 of a report document in a canonical form (fields in fixed order, cells and texts
 * sorted, numbers compared by value): two documents with the same content hash the same however
 * they were sent.
 */
final class Canonical {

  private Canonical() {}

  static String sha256(ReportDocument d) {
    StringBuilder sb = new StringBuilder(8192);
    sb.append("format=").append(d.formatVersion()).append('\n');
    sb.append("scope=").append(d.scope()).append('\n');
    sb.append("publishedAt=").append(d.publishedAt()).append('\n');
    sb.append("sourceUrl=").append(d.sourceUrl()).append('\n');
    for (Map.Entry<String, JsonNode> cell : new TreeMap<>(d.cells()).entrySet()) {
      sb.append("cell.")
          .append(cell.getKey())
          .append('=')
          .append(value(cell.getValue()))
          .append('\n');
    }
    for (Map.Entry<String, String> text : new TreeMap<>(d.texts()).entrySet()) {
      sb.append("text.")
          .append(text.getKey())
          .append('=')
          .append(text.getValue().length())
          .append(':')
          .append(text.getValue())
          .append('\n');
    }
    TreeMap<String, String> acks = new TreeMap<>();
    for (Acknowledgement a : d.acknowledgements()) {
      acks.put(a.rule(), a.reason());
    }
    for (Map.Entry<String, String> a : acks.entrySet()) {
      sb.append("ack.").append(a.getKey()).append('=').append(a.getValue()).append('\n');
    }
    return hex(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String value(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isNumber()) {
      return CellParser.plain(v.decimalValue().stripTrailingZeros());
    }
    return v.getNodeType() + ":" + v;
  }
}

package org.nianbao.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * CSV for the spreadsheet users in government offices: UTF-8 with a byte-order mark (so Excel reads
 * the Chinese labels), CRLF lines, quoted fields where needed, and text that would start a formula
 * neutralised.
 */
public final class Csv {

  public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
  private static final MediaType CSV = MediaType.valueOf("text/csv");

  private Csv() {}

  /** A new document, starting with the byte-order mark. */
  public static StringBuilder document() {
    return new StringBuilder(4096).append('\uFEFF');
  }

  /** Appends one line. */
  public static void line(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    out.append("\r\n");
  }

  /**
   * One field: empty for null, a leading formula character neutralised (numbers stay numbers),
   * quoted if needed.
   */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9]+(\\.[0-9]+)?")) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  /** CSV when the first acceptable type the resource can produce is text/csv (JSON otherwise). */
  public static boolean wanted(HttpHeaders headers) {
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
      if (type.isCompatible(CSV)) {
        return true;
      }
    }
    return false;
  }
}

package org.nianbao.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * ID-01's knowledge of division codes that were created or abolished (GB/T 2260 changes), read from
 * the vendored {@code catalogue/division-changes.csv}. A code not listed there is valid in every
 * year the service stores.
 */
final class DivisionCodes {

  private record Validity(int from, int to) {}

  private static final Map<String, Validity> CHANGES = load();

  private DivisionCodes() {}

  /** Whether {@code code} is a 6-digit division code valid in {@code year}. */
  static boolean validIn(String code, int year) {
    if (code == null || !code.matches("\\d{6}")) {
      return false;
    }
    Validity v = CHANGES.get(code);
    return v == null || (year >= v.from() && year <= v.to());
  }

  private static Map<String, Validity> load() {
    Map<String, Validity> out = new HashMap<>();
    var in = DivisionCodes.class.getResourceAsStream("/catalogue/division-changes.csv");
    if (in == null) {
      throw new IllegalStateException("catalogue/division-changes.csv is missing");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line = r.readLine(); // header
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",", -1);
        int from = f[2].isEmpty() ? Integer.MIN_VALUE : Integer.parseInt(f[2]);
        int to = f[3].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(f[3]);
        out.put(f[0], new Validity(from, to));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}

package org.nianbao.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the vendored data files (simple CSV: a header line, no quoted commas) from the classpath.
 */
public final class CsvResource {

  private CsvResource() {}

  /**
   * The data rows of {@code path} (header skipped, blank lines ignored), each with exactly {@code
   * fields} fields.
   */
  public static List<String[]> rows(String path, int fields) {
    try (InputStream in = CsvResource.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + path);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> rows = new ArrayList<>();
      String line = reader.readLine(); // header
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != fields) {
          throw new IllegalStateException("Bad line in " + path + ": " + line);
        }
        rows.add(f);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

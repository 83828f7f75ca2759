package db.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a migration's own frozen data file under {@code db/data} (simple CSV: a header line, no
 * quoted commas). Part of the migrations, never of the application: it must not change once a
 * migration uses it.
 */
final class FrozenCsv {

  private FrozenCsv() {}

  /**
   * The data rows of {@code path} (header skipped, blank lines ignored), each with exactly {@code
   * fields} fields.
   */
  static List<String[]> rows(String path, int fields) throws IOException {
    try (InputStream in = FrozenCsv.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing migration data " + path);
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
    }
  }
}

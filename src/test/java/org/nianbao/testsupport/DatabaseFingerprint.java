package org.nianbao.testsupport;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A fingerprint of every row of every table of the schema (Flyway's history aside): equal means
 * unchanged.
 */
public final class DatabaseFingerprint {

  private DatabaseFingerprint() {}

  public static String of(DataSource dataSource) throws SQLException {
    StringBuilder all = new StringBuilder();
    try (var c = dataSource.getConnection();
        var st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (var rs =
          st.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                  + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' ORDER BY 1")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (var rs =
            st.executeQuery(
                "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "
                    + table
                    + " t")) {
          rs.next();
          all.append(table).append('=').append(rs.getString(1)).append('\n');
        }
      }
    }
    return all.toString();
  }
}

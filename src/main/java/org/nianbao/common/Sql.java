package org.nianbao.common;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The one JDBC idiom of the native-SQL stores: work on a pooled connection (the transaction's own
 * inside a transaction), an {@link SQLException} turned into an unchecked failure that names what
 * failed and keeps the SQL state as its cause (so {@code ProblemMappers} can still tell a bad value
 * from an outage).
 */
public final class Sql {

  /** SQL work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  private Sql() {}

  /** Runs {@code work} on a connection of {@code dataSource}; {@code what} names the failure. */
  public static <T> T run(DataSource dataSource, String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw new IllegalStateException(what + ": " + e.getMessage(), e);
    }
  }
}

package org.nianbao.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.nianbao.database.EmbeddedDatabase;

/**
 * One real PostgreSQL for the whole test run: the embedded server on a throw-away directory (fast
 * settings), or the external server named by {@code QUARKUS_DATASOURCE_JDBC_URL}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

  private EmbeddedPostgres server;

  @Override
  public Map<String, String> start() {
    String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
    if (external != null && !external.isBlank()) {
      return Map.of();
    }
    try {
      server = EmbeddedDatabase.start(Files.createTempDirectory("nianbao-test-pg"), 0, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", "postgres"),
        "quarkus.datasource.username", "postgres",
        "quarkus.datasource.password", "postgres");
  }

  @Override
  public void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

package org.nianbao;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.nianbao.database.EmbeddedDatabase;

/**
 * Entry point: when no datasource URL is configured, starts the embedded durable PostgreSQL first
 * and points Quarkus at it, then runs the service.
 */
@QuarkusMain
public final class Main {

  private Main() {}

  public static void main(String... args) {
    org.nianbao.common.MalformedRequests.beforeStart();
    try {
      EmbeddedDatabase.startIfNoDatasourceConfigured();
    } catch (EmbeddedDatabase.DirectoryInUse e) {
      // a refusal meant for the operator (the directory is another process's): one line, no trace
      System.err.println("Nianbao not started: " + e.getMessage());
      System.exit(1);
    }
    Quarkus.run(args);
  }
}

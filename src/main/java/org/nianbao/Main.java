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
    EmbeddedDatabase.startIfNoDatasourceConfigured();
    Quarkus.run(args);
  }
}

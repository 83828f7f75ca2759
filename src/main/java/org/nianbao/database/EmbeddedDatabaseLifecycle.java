package org.nianbao.database;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stops the embedded database after the service has stopped taking requests (not on dev-mode
 * reloads).
 */
@ApplicationScoped
public class EmbeddedDatabaseLifecycle {

  void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
    if (LaunchMode.current() == LaunchMode.NORMAL) {
      EmbeddedDatabase.stop();
    }
  }
}

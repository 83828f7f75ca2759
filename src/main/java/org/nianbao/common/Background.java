package org.nianbao.common;

import org.jboss.logging.Logger;

/**
 * Start-up work that must not hold back readiness: a check or a backfill whose cost grows with the
 * data (at ten times the national dataset, reading every current version takes seconds), run once
 * on its own daemon thread after the service has started.
 */
public final class Background {

  private static final Logger LOG = Logger.getLogger(Background.class);

  private Background() {}

  /** Runs {@code work} once on a daemon thread named {@code name}; a failure is logged. */
  public static void run(String name, Runnable work) {
    Thread thread =
        new Thread(
            () -> {
              try {
                work.run();
              } catch (RuntimeException e) {
                LOG.errorf(e, "Start-up task %s failed / 启动任务失败", name);
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }
}

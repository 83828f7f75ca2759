package org.nianbao.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The service's own embedded database: durable settings, data kept across restarts, a clean
 * take-over of the server left running when the service process was killed with {@code kill -9},
 * and no take-over of a server whose service still runs.
 */
class EmbeddedDatabaseTest {

  /** Runs in a child JVM: starts the durable server, commits one row, then waits to be killed. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      EmbeddedPostgres pg = EmbeddedDatabase.start(Path.of(args[0]), 0, true);
      try (Connection c = pg.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (id int PRIMARY KEY, note text)");
        s.execute("INSERT INTO kept VALUES (1, '已提交的数据')");
      }
      System.out.println("READY");
      System.out.flush();
      Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }
  }

  @Test
  void survivesKillNineOfTheServiceAndRunsDurably() throws Exception {
    Path dir = Files.createTempDirectory("nianbao-durable-pg");
    Process child = holder(dir);
    child.destroyForcibly(); // SIGKILL: the child's PostgreSQL keeps running on dir
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long orphan = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
    assertThat(ProcessHandle.of(orphan)).isPresent();

    EmbeddedPostgres pg = EmbeddedDatabase.start(dir, 0, true);
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      assertThat(value(s, "SELECT note FROM kept WHERE id = 1")).isEqualTo("已提交的数据");
      assertThat(value(s, "SHOW fsync")).isEqualTo("on");
      assertThat(value(s, "SHOW synchronous_commit")).isEqualTo("on");
      assertThat(value(s, "SHOW full_page_writes")).isEqualTo("on");
    } finally {
      // the service's own stop: it also releases the shutdown hook start() registered for a durable
      // server (pg.close() alone left it waiting 30 s for a service that never ran, at every test
      // JVM's exit, until surefire killed the fork)
      EmbeddedDatabase.stop();
    }
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(dir.resolve("postmaster.pid")).doesNotExist();
  }

  /**
   * Starting the service a second time on the same directory by mistake must not take the running
   * service's database away: the second start is refused, and the first keeps serving.
   */
  @Test
  void aSecondProcessOnTheSameDirectoryLeavesTheRunningOneAlone() throws Exception {
    Path dir = Files.createTempDirectory("nianbao-claimed-pg");
    Process child = holder(dir);
    try {
      long postmaster =
          Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
      assertThatThrownBy(() -> EmbeddedDatabase.start(dir, 0, true))
          .isInstanceOf(EmbeddedDatabase.DirectoryInUse.class)
          .hasMessageContaining("Another Nianbao process is running on the embedded database in")
          .hasMessageContaining("NIANBAO_DB_DIR");
      assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isTrue();
      assertThat(child.isAlive()).isTrue();
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      // now the directory is nobody's: its server is an orphan, taken over and stopped
      EmbeddedDatabase.start(dir, 0, true);
      EmbeddedDatabase.stop();
    }
    assertThat(dir.resolve("postmaster.pid")).doesNotExist();
  }

  /** A child JVM running {@link Holder} on {@code dir}, returned once it has committed. */
  private static Process holder(Path dir) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Holder.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.contains("READY")) {
      // wait for the child to commit
    }
    assertThat(line).isEqualTo("READY");
    return child;
  }

  private static String value(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}

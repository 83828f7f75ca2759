package org.nianbao.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The embedded default database: a real PostgreSQL 17 server started from a jar when no datasource
 * URL is configured. Unlike the test library's defaults it is durable (fsync, synchronous commit
 * and full page writes on), keeps its data directory across restarts, and takes over a server
 * orphaned by a {@code kill -9} of an earlier service process.
 */
public final class EmbeddedDatabase {

  /** Set once the server runs, so that dev-mode restarts of {@code main} reuse it. */
  public static final String STARTED_MARKER = "nianbao.embedded-db.started";

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
  private static final Object LOCK = new Object();
  private static final java.util.concurrent.CountDownLatch SERVICE_STOPPED =
      new java.util.concurrent.CountDownLatch(1);
  private static EmbeddedPostgres server;

  private EmbeddedDatabase() {}

  /**
   * Starts the durable embedded server unless {@code QUARKUS_DATASOURCE_JDBC_URL} (or the property)
   * is set.
   */
  public static void startIfNoDatasourceConfigured() {
    if (externalUrlConfigured() || System.getProperty(STARTED_MARKER) != null) {
      return;
    }
    Path dataDir =
        Path.of(setting("NIANBAO_DB_DIR", "nianbao.db.dir", ".nianbao/pgdata")).toAbsolutePath();
    int port = Integer.parseInt(setting("NIANBAO_DB_PORT", "nianbao.db.port", "0"));
    EmbeddedPostgres pg = start(dataDir, port, true);
    System.setProperty("quarkus.datasource.jdbc.url", pg.getJdbcUrl("postgres", "postgres"));
    System.setProperty("quarkus.datasource.username", "postgres");
    System.setProperty("quarkus.datasource.password", "postgres");
    System.setProperty(STARTED_MARKER, "true");
    LOG.info(() -> "Embedded PostgreSQL on port " + pg.getPort() + ", data in " + dataDir);
  }

  /**
   * Starts a server on {@code dataDir} (initialised on first use) and registers its clean shutdown.
   *
   * @param durable true for the service's own data; false for throw-away test servers
   */
  public static EmbeddedPostgres start(Path dataDir, int port, boolean durable) {
    synchronized (LOCK) {
      try {
        Files.createDirectories(dataDir);
        claim(dataDir);
        stopOrphan(dataDir);
        EmbeddedPostgres.Builder builder =
            EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(!durable)
                .setPort(port == 0 ? freePort() : port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (durable) {
          // The library passes -F (fsync off) and synchronous_commit=off; later -c settings win.
          builder
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on");
        } else {
          builder.setServerConfig("full_page_writes", "off");
        }
        builder.setRegisterShutdownHook(!durable);
        EmbeddedPostgres started = builder.start();
        if (durable) {
          server = started;
          Runtime.getRuntime()
              .addShutdownHook(new Thread(EmbeddedDatabase::stopAfterService, "embedded-pg-stop"));
        }
        return started;
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
      }
    }
  }

  /** Called once the service has stopped serving: shuts the embedded server down cleanly. */
  public static void stop() {
    synchronized (LOCK) {
      if (server != null) {
        try {
          server.close();
        } catch (IOException e) {
          LOG.warning(() -> "Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        server = null;
      }
      for (FileLock claim : CLAIMS.values()) {
        try {
          claim.channel().close(); // releases the lock
        } catch (IOException e) {
          LOG.warning(() -> "Could not release " + claim + ": " + e.getMessage());
        }
      }
      CLAIMS.clear();
      SERVICE_STOPPED.countDown();
    }
  }

  /** The data directory is claimed by another live process: a refusal for the operator. */
  public static final class DirectoryInUse extends IllegalStateException {
    DirectoryInUse(String message) {
      super(message);
    }
  }

  /** The data directories this process owns, each by an exclusive lock on its claim file. */
  private static final Map<Path, FileLock> CLAIMS = new HashMap<>();

  /**
   * Claims {@code dataDir} for this process with an exclusive lock on {@code <dataDir>.lock}, held
   * until {@link #stop()} or the process ends (the system releases it even after {@code kill -9}).
   * A server running on a directory nobody claims is therefore an orphan; one running on a claimed
   * directory belongs to a live service, and a second service started by mistake on the same
   * directory stops here instead of shutting the first one's database down under it.
   */
  static void claim(Path dataDir) throws IOException {
    Path key = dataDir.toAbsolutePath().normalize();
    if (CLAIMS.containsKey(key)) {
      return;
    }
    Path file = key.resolveSibling(key.getFileName() + ".lock");
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new DirectoryInUse(
          "Another Nianbao process is running on the embedded database in "
              + key
              + "; stop it first, or give this one its own directory with NIANBAO_DB_DIR"
              + " / 另一个年报服务进程正在使用该嵌入式数据库目录，请先停止它，或用NIANBAO_DB_DIR另指目录");
    }
    CLAIMS.put(key, lock);
  }

  /**
   * JVM shutdown: give the service time to finish its requests and close its pool, then stop the
   * server.
   */
  private static void stopAfterService() {
    try {
      SERVICE_STOPPED.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop();
  }

  /**
   * A previous service process killed with {@code kill -9} leaves its PostgreSQL server running on
   * the data directory (called only once this process has claimed the directory, so the server's
   * service is gone). Stop it with a fast shutdown (it finishes cleanly; committed data is on disk)
   * so that this process can start its own server on the same directory.
   */
  static void stopOrphan(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).strip());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().info().command().orElse("").contains("postgres")) {
      return; // stale pid file: PostgreSQL itself handles it
    }
    LOG.warning(() -> "Stopping orphaned PostgreSQL (pid " + pid + ") left on " + dataDir);
    signal(pid, "INT");
    if (!waitForExit(process.get(), Duration.ofSeconds(30))) {
      signal(pid, "QUIT");
      waitForExit(process.get(), Duration.ofSeconds(10));
    }
  }

  private static void signal(long pid, String signal) throws IOException {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean waitForExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      return !process.isAlive();
    }
  }

  private static boolean externalUrlConfigured() {
    return notBlank(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"))
        || notBlank(System.getProperty("quarkus.datasource.jdbc.url"));
  }

  private static String setting(String env, String property, String fallback) {
    String value = System.getProperty(property);
    if (notBlank(value)) {
      return value;
    }
    value = System.getenv(env);
    return notBlank(value) ? value : fallback;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}

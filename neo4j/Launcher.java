// Embeds a Neo4j 5.26 Community DBMS with the Bolt connector on 127.0.0.1 for the registry.
// Run with Java's single-file source launcher over the jars that `mvn` put in neo4j/lib:
//   java -cp 'neo4j/lib/*' neo4j/Launcher.java --home <dir> --port <port> [--pagecache-mb N]
// Bolt requires authentication: the password of user neo4j is read from the environment variable
// NEO4J_EMBEDDED_PASSWORD (never from the command line, which `ps` shows) and set at every start.
// Prints one line "NEO4J_READY bolt://127.0.0.1:<port>" when the default database is available,
// and shuts the store down cleanly on SIGTERM/SIGINT (JVM shutdown hook) or when stdin closes
// with --exit-on-stdin-eof, so a crashed parent never leaves a JVM behind.

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable e) {
      // Neo4j's own threads would keep a failed JVM alive: any failure ends the process.
      System.err.println("NEO4J_FAILED " + e);
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    Path home = Path.of(require(options, "home")).toAbsolutePath();
    int port = Integer.parseInt(require(options, "port"));
    long pageCacheMb = Long.parseLong(options.getOrDefault("pagecache-mb", "128"));
    boolean exitOnStdinEof = options.containsKey("exit-on-stdin-eof");
    if (exitOnStdinEof) {
      // Watched from the start, so a parent that dies at any moment never leaves a JVM behind.
      Thread watcher =
          new Thread(
              () -> {
                waitForEof(System.in);
                System.exit(0); // runs the shutdown hook, if the store was opened
              },
              "stdin-eof");
      watcher.setDaemon(true);
      watcher.start();
    }
    String password = System.getenv("NEO4J_EMBEDDED_PASSWORD");
    if (password == null || password.length() < 8) {
      System.err.println("NEO4J_FAILED NEO4J_EMBEDDED_PASSWORD must hold at least 8 characters");
      System.exit(2);
    }
    Files.createDirectories(home);

    long started = System.nanoTime();
    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.udc_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
            // Keep transaction logs small: this is a local registry, not a backup source.
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
            // Netty's graceful shutdown idles 2 x 5 s by default; loopback clients are gone by then.
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
            .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
            .build();

    Thread stopper = new Thread(() -> shutdown(dbms), "neo4j-shutdown");
    Runtime.getRuntime().addShutdownHook(stopper);

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (!db.isAvailable(120_000)) {
      System.err.println("NEO4J_FAILED the default database did not become available in 120 s");
      System.exit(1);
    }
    // In-process code is not subject to Bolt authentication, so the launcher can set the password.
    // Neo4j refuses to "change" a password to the one it has: that is the normal restart case.
    try {
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
          .executeTransactionally(
              "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
        System.err.println("NEO4J_FAILED could not set the password: " + e.getMessage());
        System.exit(1);
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port + " in " + millis + " ms");
    System.out.flush();

    Thread.currentThread().join();
  }

  private static synchronized void shutdown(DatabaseManagementService dbms) {
    try {
      dbms.shutdown();
      System.out.println("NEO4J_STOPPED");
      System.out.flush();
    } catch (RuntimeException e) {
      System.err.println("NEO4J_STOP_FAILED " + e);
    }
  }

  private static void waitForEof(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // Input is ignored; only its end matters.
      }
    } catch (IOException e) {
      // A broken pipe means the parent is gone: stop as for EOF.
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument: " + arg);
      }
      String key = arg.substring(2);
      boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
      options.put(key, hasValue ? args[++i] : "true");
    }
    return options;
  }

  private static String require(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null) {
      System.err.println(
          "Usage: java -cp 'neo4j/lib/*' neo4j/Launcher.java --home <dir> --port <port>"
              + " [--pagecache-mb N] [--exit-on-stdin-eof]");
      System.exit(2);
    }
    return value;
  }
}

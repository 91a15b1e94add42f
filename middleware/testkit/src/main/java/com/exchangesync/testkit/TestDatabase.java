package com.exchangesync.testkit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL database of a test's own, created empty on a server and dropped
 * (with its connections) on {@link #close()}.
 *
 * <p>The server comes from {@code EXSYNC_TEST_DATABASE_URL} (set by
 * {@code scripts/test}, which finds or starts one), else
 * {@code postgresql://postgres@127.0.0.1:5432/postgres}. The URL's database is
 * only used to create and drop the test's database.
 */
public final class TestDatabase implements AutoCloseable {

  /** The admin URL used when {@code EXSYNC_TEST_DATABASE_URL} is unset. */
  public static final String DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

  private final PgConnectOptions adminOptions;
  private final PgConnectOptions options;

  private TestDatabase(PgConnectOptions adminOptions, String name) {
    this.adminOptions = adminOptions;
    this.options = new PgConnectOptions(adminOptions).setDatabase(name);
  }

  /** The server URL the tests use. */
  public static String serverUrl() {
    String url = System.getenv("EXSYNC_TEST_DATABASE_URL");
    return url == null || url.isBlank() ? DEFAULT_SERVER_URL : url;
  }

  /**
   * Creates a fresh, empty database whose name starts with {@code label}.
   *
   * @throws IllegalStateException naming the server and how to get one when it
   *     cannot be reached
   */
  public static TestDatabase create(String label) {
    return create(label, serverUrl());
  }

  /** Creates a fresh, empty database on the server at {@code serverUrl}. */
  public static TestDatabase create(String label, String serverUrl) {
    PgConnectOptions admin = PgConnectOptions.fromUri(serverUrl);
    String safeLabel = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    if (safeLabel.length() > 30) {
      safeLabel = safeLabel.substring(safeLabel.length() - 30);
    }
    String name = "exsync_t_" + safeLabel + "_" + UUID.randomUUID().toString().substring(0, 8);
    TestDatabase db = new TestDatabase(admin, name);
    try {
      db.admin("CREATE DATABASE " + name);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Cannot create a test database on " + describe(admin)
              + " (" + e.getMessage() + "). Run the tests with scripts/test, which finds or starts"
              + " PostgreSQL, or set EXSYNC_TEST_DATABASE_URL.", e);
    }
    return db;
  }

  /** Connection options for this database. */
  public PgConnectOptions connectOptions() {
    return new PgConnectOptions(options);
  }

  /** A URL for this database, as {@code EXSYNC_DATABASE_URL} takes it. */
  public String url() {
    String auth = options.getUser() == null ? "" : options.getUser()
        + (options.getPassword() == null || options.getPassword().isEmpty() ? "" : ":" + options.getPassword()) + "@";
    return "postgresql://" + auth + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
  }

  /** The database's name. */
  public String name() {
    return options.getDatabase();
  }

  /** A pool on this database, owned by the caller. */
  public Pool pool(Vertx vertx, int size) {
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(size)).connectingTo(connectOptions()).using(vertx).build();
  }

  @Override
  public void close() {
    admin("DROP DATABASE IF EXISTS " + options.getDatabase() + " WITH (FORCE)");
  }

  private void admin(String sql) {
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(adminOptions).using(vertx).build();
      Future<?> done = pool.query(sql).execute().eventually(pool::close);
      done.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e.toString(), e);
    } finally {
      vertx.close();
    }
  }

  private static String describe(PgConnectOptions o) {
    return o.getHost() + ":" + o.getPort();
  }
}

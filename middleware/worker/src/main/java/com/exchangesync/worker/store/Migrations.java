package com.exchangesync.worker.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database schema up to date with versioned, forward-only SQL
 * migrations, run at every start.
 *
 * <p>Migrations are classpath resources {@code <location>/V<n>__<name>.sql},
 * listed in order in {@code <location>/index.txt} (a jar cannot list a
 * directory, and an explicit list makes a forgotten file a build-time mistake
 * rather than a silent one). Each runs in its own transaction together with its
 * row in {@code schema_migration}, under a transaction-scoped advisory lock, so
 * several workers starting at once apply each migration exactly once.
 *
 * <p>Forward-only: an applied migration never changes. A checksum that differs
 * from the applied one, or a database newer than this worker, stops the start
 * with a message that says what to do.
 */
public final class Migrations {

  /** The location of the worker's own migrations. */
  public static final String DEFAULT_LOCATION = "db/migration";

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private static final Pattern FILE = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
  /** Any constant works; it only has to be the same in every worker. */
  private static final long LOCK_KEY = 0x45_58_53_59_4e_43L;

  private final String location;
  private final ClassLoader loader;

  /** One migration: its version, name, SQL and checksum. */
  public record Migration(int version, String name, String sql, String checksum) {}

  /** Migrations from {@code location} on the class path of {@code loader}. */
  public Migrations(String location, ClassLoader loader) {
    this.location = location;
    this.loader = loader;
  }

  /** The worker's own migrations. */
  public static Migrations worker() {
    return new Migrations(DEFAULT_LOCATION, Migrations.class.getClassLoader());
  }

  /**
   * The migrations in order, checked: versions strictly increase and every
   * listed file exists.
   *
   * @throws IllegalStateException naming the file at fault
   */
  public List<Migration> load() {
    List<Migration> result = new ArrayList<>();
    String index = resource(location + "/index.txt");
    int last = 0;
    for (String line : index.split("\n")) {
      String file = line.strip();
      if (file.isEmpty() || file.startsWith("#")) {
        continue;
      }
      Matcher m = FILE.matcher(file);
      if (!m.matches()) {
        throw new IllegalStateException(location + "/index.txt lists '" + file + "', which is not named V<n>__<name>.sql");
      }
      int version = Integer.parseInt(m.group(1));
      if (version <= last) {
        throw new IllegalStateException(location + "/index.txt lists V" + version + " after V" + last + ": versions must increase");
      }
      last = version;
      String sql = resource(location + "/" + file);
      result.add(new Migration(version, m.group(2), sql, sha256(sql)));
    }
    return result;
  }

  /**
   * Applies every migration not yet applied.
   *
   * @return the versions applied by this call
   */
  public Future<List<Integer>> migrate(Pool pool) {
    List<Migration> all;
    try {
      all = load();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return pool.withConnection(conn -> conn.query(
            "CREATE TABLE IF NOT EXISTS schema_migration ("
                + " version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,"
                + " applied_at timestamptz NOT NULL DEFAULT now())").execute()
        .recover(e -> isConcurrentCreate(e) ? Future.succeededFuture() : Future.failedFuture(e)))
        .compose(v -> applyFrom(pool, all, 0, new ArrayList<>()));
  }

  private Future<List<Integer>> applyFrom(Pool pool, List<Migration> all, int i, List<Integer> applied) {
    if (i == all.size()) {
      return checkNotNewer(pool, all).map(v -> applied);
    }
    Migration migration = all.get(i);
    return pool.withTransaction(conn -> lock(conn)
            .compose(v -> conn.preparedQuery("SELECT checksum FROM schema_migration WHERE version = $1")
                .execute(Tuple.of(migration.version())))
            .compose(rows -> {
              if (rows.size() > 0) {
                String recorded = rows.iterator().next().getString("checksum");
                if (!recorded.equals(migration.checksum())) {
                  return Future.failedFuture(new IllegalStateException("Migration V" + migration.version() + "__"
                      + migration.name() + " was changed after it was applied. Migrations are forward-only:"
                      + " restore the original file and put the change in a new migration."));
                }
                return Future.succeededFuture(false);
              }
              return conn.query(migration.sql()).execute()
                  .compose(r -> conn.preparedQuery("INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)")
                      .execute(Tuple.of(migration.version(), migration.name(), migration.checksum())))
                  .map(r -> true);
            }))
        .recover(e -> Future.failedFuture(e instanceof IllegalStateException ? e
            : new IllegalStateException("Migration V" + migration.version() + "__" + migration.name() + " failed: " + e.getMessage(), e)))
        .compose(ran -> {
          if (ran) {
            LOG.info("Applied migration V{}__{}", migration.version(), migration.name());
            applied.add(migration.version());
          }
          return applyFrom(pool, all, i + 1, applied);
        });
  }

  private Future<Void> checkNotNewer(Pool pool, List<Migration> all) {
    int known = all.isEmpty() ? 0 : all.get(all.size() - 1).version();
    return pool.query("SELECT coalesce(max(version), 0) AS v FROM schema_migration").execute().compose(rows -> {
      Row row = rows.iterator().next();
      int current = row.getInteger("v");
      if (current > known) {
        return Future.failedFuture(new IllegalStateException("The database is at schema version " + current
            + " but this worker knows versions up to " + known + ": run a worker at least as new as the one that migrated it."));
      }
      return Future.succeededFuture();
    });
  }

  private static Future<Void> lock(SqlConnection conn) {
    return conn.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK_KEY)).mapEmpty();
  }

  /** Two workers creating the bookkeeping table at once: the loser's error is harmless. */
  private static boolean isConcurrentCreate(Throwable e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("pg_type_typname_nsp_index") || message.contains("already exists");
  }

  private String resource(String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Migration resource " + path + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

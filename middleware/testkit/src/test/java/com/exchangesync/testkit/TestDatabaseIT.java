package com.exchangesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestDatabaseIT {

  @Test
  void createsAnEmptyDatabaseOfItsOwn_andDropsItOnClose() throws Exception {
    Vertx vertx = Vertx.vertx();
    String name;
    try (TestDatabase db = TestDatabase.create("Some Test")) {
      name = db.name();
      assertThat(name).startsWith("exsync_t_some_test_");
      Pool pool = db.pool(vertx, 1);
      Row row = pool.query("SELECT current_database() AS db, count(*) AS tables FROM information_schema.tables"
              + " WHERE table_schema = 'public'").execute()
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).iterator().next();
      assertThat(row.getString("db")).isEqualTo(name);
      assertThat(row.getLong("tables")).isZero();
      pool.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    try (TestDatabase other = TestDatabase.create("probe")) {
      Pool pool = other.pool(vertx, 1);
      long left = pool.preparedQuery("SELECT count(*) FROM pg_database WHERE datname = $1")
          .execute(io.vertx.sqlclient.Tuple.of(name))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).iterator().next().getLong(0);
      assertThat(left).as("the closed database is dropped").isZero();
      pool.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      vertx.close();
    }
  }

  @Test
  void namesTheServerAndTheFix_whenThereIsNoServer() {
    assertThatThrownBy(() -> TestDatabase.create("x", "postgresql://postgres@127.0.0.1:1/postgres"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("127.0.0.1:1")
        .hasMessageContaining("EXSYNC_TEST_DATABASE_URL");
  }
}

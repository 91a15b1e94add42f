package com.exchangesync.worker.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigrationsIT {

  private Vertx vertx;
  private TestDatabase db;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    db = TestDatabase.create("migrations");
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
    db.close();
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static Migrations at(String location) {
    return new Migrations(location, MigrationsIT.class.getClassLoader());
  }

  @Test
  void appliesEachMigrationOnce_inOrder() throws Exception {
    Pool pool = db.pool(vertx, 2);
    assertThat(await(at("db/test-migration").migrate(pool))).containsExactly(1, 2);
    assertThat(await(at("db/test-migration").migrate(pool))).isEmpty();
    long columns = await(pool.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'widget'").execute())
        .iterator().next().getLong(0);
    assertThat(columns).isEqualTo(2);
  }

  @Test
  void manyWorkersStartingAtOnce_applyEachMigrationExactlyOnce() throws Exception {
    List<CompletableFuture<List<Integer>>> runs = new ArrayList<>();
    List<Pool> pools = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Pool pool = db.pool(vertx, 1);
      pools.add(pool);
      runs.add(at("db/test-migration").migrate(pool).toCompletionStage().toCompletableFuture());
    }
    List<Integer> appliedByAnyone = new ArrayList<>();
    for (CompletableFuture<List<Integer>> run : runs) {
      appliedByAnyone.addAll(run.get(60, TimeUnit.SECONDS));
    }
    assertThat(appliedByAnyone).containsExactlyInAnyOrder(1, 2);
    long rows = await(pools.get(0).query("SELECT count(*) FROM schema_migration").execute()).iterator().next().getLong(0);
    assertThat(rows).isEqualTo(2);
  }

  @Test
  void refusesAnAppliedMigrationThatWasEdited() throws Exception {
    Pool pool = db.pool(vertx, 1);
    await(at("db/test-migration").migrate(pool));
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> await(at("db/test-migration-edited").migrate(pool)));
    assertThat(e.getCause()).hasMessageContaining("V1__first was changed after it was applied")
        .hasMessageContaining("new migration");
  }

  @Test
  void refusesADatabaseNewerThanTheWorker() throws Exception {
    Pool pool = db.pool(vertx, 1);
    await(at("db/test-migration").migrate(pool));
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> await(at("db/test-migration-older").migrate(pool)));
    assertThat(e.getCause()).hasMessageContaining("schema version 2").hasMessageContaining("knows versions up to 1");
  }

  @Test
  void aFailingMigrationLeavesNoTrace_andNamesItself() throws Exception {
    Pool pool = db.pool(vertx, 1);
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> await(at("db/test-migration-broken").migrate(pool)));
    assertThat(e.getCause()).hasMessageContaining("V2__broken failed");
    long tables = await(pool.query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'gadget'").execute())
        .iterator().next().getLong(0);
    assertThat(tables).as("the failed migration's transaction rolled back").isZero();
    long recorded = await(pool.query("SELECT count(*) FROM schema_migration").execute()).iterator().next().getLong(0);
    assertThat(recorded).isEqualTo(1);
  }

  @Test
  void theWorkersOwnMigrationsLoadAndApply() throws Exception {
    Pool pool = db.pool(vertx, 1);
    List<Migrations.Migration> all = Migrations.worker().load();
    assertThat(await(Migrations.worker().migrate(pool))).hasSize(all.size());
  }
}

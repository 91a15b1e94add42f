package com.exchangesync.worker.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.ManualClock;
import com.exchangesync.testkit.PostgresExtension;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.metrics.Metrics;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pruner over traffic as a busy org makes it, day after day: the tables reach a size set by what they keep
 * and stay there, and what the statuses and error counts read is still there.
 */
@ExtendWith(PostgresExtension.class)
class TablePrunerIT {

  private static final String ORG = "00D5g0000012345EAA";
  /** An org whose only activity was on the first day: its "last sync activity" must survive. */
  private static final String QUIET = "00D5g00000QUIETEAA";
  private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<String> TABLES = List.of("outbound_notification", "sync_request", "config_change",
      "sync_activity", "error_outbox", "error_occurrence");

  private final ManualClock clock = new ManualClock(BASE);
  private final Metrics metrics = new Metrics();
  private Vertx vertx;
  private Pool pool;
  private TablePruner pruner;
  private SyncActivity activity;

  @BeforeEach
  void start(TestDatabase db) {
    vertx = Vertx.vertx();
    pool = db.pool(vertx, 2);
    Blocking.await(Migrations.worker().migrate(pool));
    Blocking.await(pool.query("TRUNCATE " + String.join(", ", TABLES)).execute());
    pruner = new TablePruner(pool, clock, metrics);
    activity = new SyncActivity(pool);
  }

  @AfterEach
  void stop() {
    Blocking.await(vertx.close());
  }

  @Test
  void twoMonthsOfABusyOrg_reachABoundAfterTheFirst_andTheSecondAddsNothing() {
    // An error still waiting for Salesforce keeps its count however old it is.
    sql("INSERT INTO error_occurrence VALUES ($1, 'waiting', 3, $2, $2)", ORG, at(BASE.minus(Duration.ofDays(40))));
    outbox("waiting", 3, BASE.minus(Duration.ofDays(40)));
    // A notification the consumer keeps retrying: pending rows are never pruned, whatever their age.
    sql("INSERT INTO outbound_notification (org_id, notification_id, object_type, fields, received_at, status,"
        + " next_attempt_at) VALUES ($1, 'retried', 'Contact', '{}', $2, 'pending', $2)", ORG, at(BASE));
    sql("INSERT INTO sync_activity VALUES ($1, 'CONTACT', $2, 4), ($1, 'EVENT', $2, 4)", QUIET,
        at(BASE.plus(Duration.ofHours(10))));

    Map<String, Long> afterFirstMonth = null;
    for (int day = 1; day <= 60; day++) {
      Instant dayStart = BASE.plus(Duration.ofDays(day - 1));
      trafficOf(day, dayStart);
      clock.set(dayStart.plus(Duration.ofDays(1)));
      pruner.pruneOnce();
      if (day == 30) {
        afterFirstMonth = counts();
      }
    }
    Map<String, Long> afterSecondMonth = counts();

    assertThat(afterSecondMonth).isEqualTo(afterFirstMonth);
    assertThat(afterSecondMonth).containsExactlyInAnyOrderEntriesOf(Map.of(
        // 7 days of processed ones (505 a day: 500, and 5 handled the next morning; 500 on the last day), 30 days
        // of 2 failed, the 5 still pending of the last day and the retried one.
        "outbound_notification", 6L * 505 + 500 + 30L * 2 + 5 + 1,
        // The last day's.
        "sync_request", 400L,
        "config_change", 100L,
        // Two days of minutes for both kinds, and the quiet org's newest minute of each kind.
        "sync_activity", 2L * 1440 * 2 + 2,
        // The newest row of the error Salesforce keeps refusing, and the one still waiting.
        "error_outbox", 2L,
        // 30 days of 20 errors that happened once, the recurring one, the waiting one.
        "error_occurrence", 30L * 20 + 1 + 1));

    // What the statuses read is intact.
    Instant now = clock.instant();
    assertThat(activity.since(ORG, "CONTACT", now.minus(Duration.ofHours(24)))).isEqualTo(1440L * 3);
    assertThat(activity.since(ORG, "EVENT", now.minus(Duration.ofMinutes(60)))).isEqualTo(60L * 3);
    assertThat(activity.last(ORG, "CONTACT")).contains(now.minus(Duration.ofMinutes(1)));
    assertThat(activity.last(QUIET, "EVENT")).contains(BASE.plus(Duration.ofHours(10)));
    // What the error counts read is intact: the newest count of the refused error is the one left to send.
    assertThat(longOf("SELECT occurrences FROM error_outbox WHERE error_key = 'stuck'")).isEqualTo(60L * 24);
    assertThat(longOf("SELECT occurrences FROM error_occurrence WHERE error_key = 'stuck'")).isEqualTo(60L * 24);
    assertThat(longOf("SELECT occurrences FROM error_occurrence WHERE error_key = 'waiting'")).isEqualTo(3L);
    assertThat(longOf("SELECT count(*) FROM outbound_notification WHERE notification_id = 'retried'")).isEqualTo(1L);

    // Everything else was pruned, and counted.
    assertThat(metrics.render())
        .contains("exsync_pruned_rows_total{table=\"sync_activity\"} " + (60L * 1440 * 2 - 2L * 1440 * 2) + "\n")
        .contains("exsync_pruned_rows_total{table=\"sync_request\"} " + 59L * 400 + "\n")
        .contains("exsync_pruned_rows_total{table=\"config_change\"} " + 59L * 100 + "\n")
        .contains("exsync_pruned_rows_total{table=\"outbound_notification\"} " + (53L * 505 + 30L * 2) + "\n")
        .contains("exsync_pruned_rows_total{table=\"error_outbox\"} " + (60L * 24 - 1) + "\n")
        .contains("exsync_pruned_rows_total{table=\"error_occurrence\"} " + 30L * 20 + "\n");
  }

  @Test
  void aBacklogLargerThanABatch_isRemovedInBatches_untilNoneIsLeft() {
    clock.set(BASE.plus(Duration.ofDays(10)));
    sql("INSERT INTO sync_request (org_id, object_type, record_id, notification_id, requested_at)"
        + " SELECT $1, 'Contact', '003' || i, 'n' || i, $2 FROM generate_series(1, $3) i", ORG, at(BASE),
        TablePruner.BATCH * 3 + 7);
    sql("INSERT INTO sync_request (org_id, object_type, record_id, notification_id, requested_at)"
        + " VALUES ($1, 'Contact', '003new', 'new', $2)", ORG, at(clock.instant().minus(Duration.ofHours(1))));

    assertThat(pruner.pruneOnce()).containsEntry("sync_request", TablePruner.BATCH * 3 + 7L);
    assertThat(longOf("SELECT count(*) FROM sync_request")).isEqualTo(1L);
  }

  /** One day of a busy org: every minute of both kinds, 500 notifications, their work rows, errors. */
  private void trafficOf(int day, Instant dayStart) {
    sql("INSERT INTO sync_activity SELECT $1, k, $2 + make_interval(mins => m), 3"
        + " FROM generate_series(0, 1439) m, unnest(ARRAY['CONTACT', 'EVENT']) k", ORG, at(dayStart));
    // Yesterday's pending notifications have been handled by now; today's last five are still pending.
    sql("UPDATE outbound_notification SET status = 'processed', processed_at = received_at + interval '1 second'"
        + " WHERE status = 'pending' AND notification_id <> 'retried'");
    sql("INSERT INTO outbound_notification (org_id, notification_id, object_type, record_id, fields, received_at, status,"
        + " processed_at) SELECT $1, $3 || '-' || i, 'Contact', '003' || i, '{\"LastName\": \"Rep\"}',"
        + " $2 + i * interval '170 seconds', CASE WHEN i > 502 THEN 'pending' WHEN i > 500 THEN 'failed' ELSE 'processed' END,"
        + " CASE WHEN i <= 502 THEN $2 + i * interval '170 seconds' + interval '1 second' END"
        + " FROM generate_series(1, 507) i", ORG, at(dayStart), "d" + day);
    sql("INSERT INTO sync_request (org_id, object_type, record_id, notification_id, requested_at)"
        + " SELECT $1, 'Contact', '003' || i, $3 || '-' || i, $2 + i * interval '3 minutes'"
        + " FROM generate_series(0, 399) i", ORG, at(dayStart), "d" + day);
    sql("INSERT INTO config_change (org_id, kind, record_id, notification_id, requested_at)"
        + " SELECT $1, 'configuration', 'a01' || i, $3 || '-' || i, $2 + i * interval '14 minutes'"
        + " FROM generate_series(0, 99) i", ORG, at(dayStart), "c" + day);
    // An error Salesforce refuses every time, queued again every hour; its count moves with each.
    sql("INSERT INTO error_outbox (org_id, error_code, error_message, occurred_at, created_at, error_key, occurrences,"
        + " first_occurred_at) SELECT $1, 'REQUIRED_FIELD_MISSING', 'Required fields are missing: [LastName]',"
        + " $2 + h * interval '1 hour', $2 + h * interval '1 hour', 'stuck', $3 + h + 1, $4 FROM generate_series(0, 23) h",
        ORG, at(dayStart), (day - 1) * 24, at(BASE));
    sql("INSERT INTO error_occurrence VALUES ($1, 'stuck', $2, $3, $4) ON CONFLICT (org_id, error_key)"
        + " DO UPDATE SET occurrences = $2, last_at = $4", ORG, day * 24, at(BASE), at(dayStart.plus(Duration.ofHours(23))));
    // Twenty records that failed once today, then synced: their rows reached Salesforce and left the outbox.
    sql("INSERT INTO error_occurrence SELECT $1, $3 || '-' || i, 1, $2, $2 FROM generate_series(1, 20) i", ORG,
        at(dayStart.plus(Duration.ofHours(12))), "once-d" + day);
  }

  private void outbox(String key, int occurrences, Instant at) {
    sql("INSERT INTO error_outbox (org_id, error_code, error_message, occurred_at, created_at, error_key, occurrences,"
        + " first_occurred_at) VALUES ($1, 'REQUIRED_FIELD_MISSING', 'Required fields are missing: [LastName]', $2, $2, $3,"
        + " $4, $2)", ORG, at(at), key, occurrences);
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, longOf("SELECT count(*) FROM " + table));
    }
    return counts;
  }

  private long longOf(String query) {
    for (Row r : Blocking.await(pool.query(query).execute())) {
      return r.getLong(0);
    }
    throw new AssertionError("no row for " + query);
  }

  private void sql(String statement, Object... params) {
    Blocking.await(pool.preparedQuery(statement).execute(Tuple.from(params)));
  }

  private static OffsetDateTime at(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}

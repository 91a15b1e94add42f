package com.exchangesync.worker.push;

import com.exchangesync.worker.exchange.ItemKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * Where push notifications from Exchange go: a {@code mailbox_change} row, which wakes the scheduler exactly as an
 * Outbound Message's {@code sync_request} does (see {@code CycleScheduler.queuedWork}), on whichever worker runs
 * the next cycle. The row names the mailbox and kind that changed.
 */
public final class MailboxChanges implements ChangeSink {

  private final Pool pool;

  public MailboxChanges(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> changed(String orgId, String email, ItemKind kind, String source) {
    return pool.preparedQuery("INSERT INTO mailbox_change (org_id, email, kind, source) VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(orgId, email.toLowerCase(java.util.Locale.ROOT), kind.name(), source)).mapEmpty();
  }
}

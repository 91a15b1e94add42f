package com.exchangesync.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemChanges;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.ItemUpdate;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.NewItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A rep editing an item while a pass writes to it: every write is conditional on
 * the version read, so the rep's edit is never overwritten; the pair is read again
 * and merged again; and a pair left half-written (one side's write landed, the
 * other's refused) keeps the rep's latest edit under either winner.
 */
class RacingEditsTest {

  /** A mailbox where the rep edits the item just before each of the first {@code races} updates reaches it. */
  static final class RacingMailbox implements Mailbox {
    final Mailbox real;
    final SyncBench bench;
    int races;
    int edits;

    RacingMailbox(Mailbox real, SyncBench bench, int races) {
      this.real = real;
      this.bench = bench;
      this.races = races;
    }

    @Override
    public List<ItemResult> update(ItemKind kind, List<ItemUpdate> updates) throws MailboxException {
      if (races > 0) {
        races--;
        for (ItemUpdate u : updates) {
          bench.outlook().edit(u.id(), Map.of(ExchangeField.MOBILE_PHONE, "+49 170 " + (++edits)));
        }
      }
      return real.update(kind, updates);
    }

    @Override
    public String smtp() {
      return real.smtp();
    }

    @Override
    public ItemChanges changes(ItemKind kind, Optional<String> syncToken) throws MailboxException {
      return real.changes(kind, syncToken);
    }

    @Override
    public List<ExchangeItem> get(ItemKind kind, List<String> ids) throws MailboxException {
      return real.get(kind, ids);
    }

    @Override
    public Map<String, ExchangeItem> findBySalesforceIds(ItemKind kind, List<String> salesforceIds) throws MailboxException {
      return real.findBySalesforceIds(kind, salesforceIds);
    }

    @Override
    public Map<String, List<String>> idsMarkedWith(ItemKind kind, List<String> salesforceIds) throws MailboxException {
      return real.idsMarkedWith(kind, salesforceIds);
    }

    @Override
    public Map<String, List<ExchangeItem>> occurrences(Set<String> seriesIds, Instant from, Instant to) throws MailboxException {
      return real.occurrences(seriesIds, from, to);
    }

    @Override
    public List<ItemResult> create(ItemKind kind, List<NewItem> items) throws MailboxException {
      return real.create(kind, items);
    }

    @Override
    public List<ItemResult> delete(ItemKind kind, List<String> ids) throws MailboxException {
      return real.delete(kind, ids);
    }

    @Override
    public Optional<String> syncingOrg() throws MailboxException {
      return real.syncingOrg();
    }

    @Override
    public void markSyncingOrg(Optional<String> orgId) throws MailboxException {
      real.markSyncingOrg(orgId);
    }

    @Override
    public void close() {
      real.close();
    }
  }

  private PassReport syncRacing(SyncBench bench, int races) throws Exception {
    try (Mailbox mailbox = new RacingMailbox(bench.exchange.open(SyncBench.EMAIL), bench, races)) {
      return new SyncPass(mailbox, bench.salesforce, bench.store, "worker-1", bench.clock).run(bench.context());
    }
  }

  private String linkedPair(SyncBench bench) throws Exception {
    String id = bench.ui().create(SyncBench.sf("Ann", "Lee", "a@x.com"));
    bench.sync();
    return id;
  }

  @Test
  void anEditRacingOurWrite_isReadAgainAndMerged_inThePass() throws Exception {
    for (Winner winner : Winner.values()) {
      SyncBench bench = new SyncBench();
      bench.winner = winner;
      String sf = linkedPair(bench);
      bench.ui().edit(sf, Map.of("Title", "Buyer"));
      syncRacing(bench, 1);
      ExchangeItem item = bench.items().get(0);
      assertThat(item.values()).as(winner.name()).containsEntry(ExchangeField.JOB_TITLE, "Buyer")
          .containsEntry(ExchangeField.MOBILE_PHONE, "+49 170 1");
      assertThat(bench.salesforce.snapshot().get(sf)).as("the rep's racing edit reached Salesforce (%s)", winner)
          .containsEntry("MobilePhone", "+49 170 1");
      assertThat(bench.sync().writes()).isZero();
    }
  }

  @Test
  void aPairLeftHalfWritten_keepsTheRepsLatestEdit_underEitherWinner() throws Exception {
    for (Winner winner : Winner.values()) {
      SyncBench bench = new SyncBench();
      bench.winner = winner;
      String sf = linkedPair(bench);
      String itemId = bench.items().get(0).id();
      // Salesforce and the rep change different fields; the rep keeps editing while the pass writes, every round.
      bench.ui().edit(sf, Map.of("Title", "Buyer"));
      bench.outlook().edit(itemId, Map.of(ExchangeField.MOBILE_PHONE, "+49 170 0"));
      syncRacing(bench, PairWrites.ROUNDS);
      // Each round read the rep's racing edit and wrote it to Salesforce; the last round's Exchange write was refused.
      assertThat(bench.salesforce.snapshot().get(sf)).as("Salesforce's writes landed").containsEntry("MobilePhone", "+49 170 2");
      assertThat(bench.items().get(0).values()).as("the rep's edit was not overwritten")
          .containsEntry(ExchangeField.MOBILE_PHONE, "+49 170 3");
      bench.outlook().edit(itemId, Map.of(ExchangeField.MOBILE_PHONE, "+49 170 99"));
      bench.sync();
      assertThat(bench.items().get(0).values()).as("the rep's latest edit survives (%s)", winner)
          .containsEntry(ExchangeField.MOBILE_PHONE, "+49 170 99").containsEntry(ExchangeField.JOB_TITLE, "Buyer");
      assertThat(bench.salesforce.snapshot().get(sf)).containsEntry("MobilePhone", "+49 170 99").containsEntry("Title", "Buyer");
      assertThat(bench.sync().writes()).isZero();
    }
  }

  @Test
  void aSalesforceRecordChangedSinceItWasRead_isNotOverwritten() throws Exception {
    SyncBench bench = new SyncBench();
    String sf = linkedPair(bench);
    String itemId = bench.items().get(0).id();
    bench.outlook().edit(itemId, Map.of(ExchangeField.JOB_TITLE, "From Outlook"));
    SalesforceSide racing = new DelegatingSalesforce(bench.salesforce) {
      boolean raced;

      @Override
      public List<WriteOutcome> update(List<RecordUpdate> updates) throws SyncException {
        if (!raced) {
          raced = true;
          bench.ui().edit(sf, Map.of("MobilePhone", "+1 555 0100")); // someone in Salesforce, at that moment
        }
        return bench.salesforce.update(updates);
      }
    };
    try (Mailbox mailbox = bench.exchange.open(SyncBench.EMAIL)) {
      new SyncPass(mailbox, racing, bench.store, "worker-1", bench.clock).run(bench.context());
    }
    assertThat(bench.salesforce.snapshot().get(sf)).containsEntry("MobilePhone", "+1 555 0100")
        .containsEntry("Title", "From Outlook");
    assertThat(bench.items().get(0).values()).containsEntry(ExchangeField.MOBILE_PHONE, "+1 555 0100");
    assertThat(bench.sync().writes()).isZero();
  }

  /** A Salesforce side that forwards everything, for tests that interfere with one call. */
  static class DelegatingSalesforce implements SalesforceSide {
    final SalesforceSide real;

    DelegatingSalesforce(SalesforceSide real) {
      this.real = real;
    }

    @Override
    public Changes changedSince(Scope scope, Optional<String> watermark, LinkedIds watch, List<String> fields, int limit)
        throws SyncException {
      return real.changedSince(scope, watermark, watch, fields, limit);
    }

    @Override
    public List<SalesforceItem> find(Scope scope, List<String> fields) throws SyncException {
      return real.find(scope, fields);
    }

    @Override
    public List<SalesforceItem> get(String repUserId, List<String> ids, List<String> fields) throws SyncException {
      return real.get(repUserId, ids, fields);
    }

    @Override
    public Map<String, SalesforceItem> byCreationKey(List<String> keys, List<String> fields) throws SyncException {
      return real.byCreationKey(keys, fields);
    }

    @Override
    public List<SalesforceItem> byValues(String repUserId, String field, Set<String> values, List<String> fields)
        throws SyncException {
      return real.byValues(repUserId, field, values, fields);
    }

    @Override
    public List<WriteOutcome> create(String repUserId, List<Map<String, String>> records, List<String> creationKeys)
        throws SyncException {
      return real.create(repUserId, records, creationKeys);
    }

    @Override
    public List<WriteOutcome> update(List<RecordUpdate> updates) throws SyncException {
      return real.update(updates);
    }

    @Override
    public List<WriteOutcome> delete(List<String> ids) throws SyncException {
      return real.delete(ids);
    }
  }
}

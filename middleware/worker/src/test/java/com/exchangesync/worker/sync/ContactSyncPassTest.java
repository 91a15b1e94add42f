package com.exchangesync.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.sync.contact.MatchPreference;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contact sync pass, rule by rule, on both sides in memory. */
class ContactSyncPassTest {

  private final SyncBench bench = new SyncBench();

  @Test
  void aFirstSyncBothWays_createsOnEachSide_matchesByEmail_andASecondSyncWritesNothing() throws Exception {
    String ann = bench.ui().create(SyncBench.sf("Ann", "Lee", "ann@customer.example.com"));
    bench.ui().create(SyncBench.sf("Bo", "Ng", "bo@customer.example.com"));
    bench.salesforce.person(SyncBench.OTHER).create(SyncBench.sf("Not", "Mine", "other@customer.example.com"));
    String same = bench.outlook().create(com.exchangesync.worker.exchange.ItemKind.CONTACT,
        Map.of(ExchangeField.GIVEN_NAME, "Ann", ExchangeField.SURNAME, "Lee", ExchangeField.EMAIL, "ANN@customer.example.com",
            ExchangeField.MOBILE_PHONE, "+33 6 00"));
    bench.outlook().create(com.exchangesync.worker.exchange.ItemKind.CONTACT, SyncBench.ex("Cy", "Rep", "cy@customer.example.com"));

    PassReport first = bench.sync();
    assertThat(first.matched()).isEqualTo(1);
    assertThat(first.exchangeCreated()).isEqualTo(1);
    assertThat(first.salesforceCreated()).isEqualTo(1);
    assertThat(first.linkedTotal()).isEqualTo(3);
    assertThat(bench.items()).hasSize(3);
    assertThat(bench.salesforce.snapshot()).hasSize(4);
    assertThat(bench.salesforce.snapshot().get(ann)).containsEntry("MobilePhone", "+33 6 00");
    assertThat(bench.item(same).salesforceId()).as("the matched item carries its contact's id").contains(ann);

    PassReport second = bench.sync();
    assertThat(second.writes()).isZero();
    assertThat(second.matched()).isZero();
  }

  @Test
  void bothWays_editsOnEachSideMerge_andAConflictFollowsTheWinner() throws Exception {
    String id = bench.ui().create(SyncBench.sf("Ann", "Lee", "ann@customer.example.com"));
    bench.sync();
    ExchangeItem item = bench.items().get(0);
    bench.ui().edit(id, Map.of("Title", "Head buyer", "MailingCity", "Lyon"));
    bench.outlook().edit(item.id(), Map.of(ExchangeField.MOBILE_PHONE, "+33 6 11", ExchangeField.CITY, "Nice"));

    bench.sync();
    assertThat(bench.salesforce.snapshot().get(id)).containsEntry("MobilePhone", "+33 6 11").containsEntry("MailingCity", "Lyon");
    assertThat(bench.item(item.id()).values()).containsEntry(ExchangeField.JOB_TITLE, "Head buyer")
        .containsEntry(ExchangeField.CITY, "Lyon");

    bench.winner = Winner.EXCHANGE;
    bench.ui().edit(id, Map.of("MailingCity", "Paris"));
    bench.outlook().edit(item.id(), Map.of(ExchangeField.CITY, "Marseille"));
    bench.sync();
    assertThat(bench.salesforce.snapshot().get(id)).containsEntry("MailingCity", "Marseille");
    assertThat(bench.sync().writes()).isZero();
  }

  @Test
  void withDirectionNone_nothingIsReadOrWritten() throws Exception {
    bench.direction = Direction.NONE;
    bench.ui().create(SyncBench.sf("Ann", "Lee", "a@x.com"));
    long calls = bench.exchange.calls();
    PassReport report = bench.sync();
    assertThat(report.directionNone()).isTrue();
    assertThat(bench.exchange.calls()).as("only the open").isEqualTo(calls + 1);
    assertThat(bench.items()).isEmpty();
  }

  @Test
  void salesforceToExchange_onlyScopedContactsGo_andExchangeEditsAreReplaced() throws Exception {
    bench.direction = Direction.SALESFORCE_TO_EXCHANGE;
    String mine = bench.ui().create(SyncBench.sf("Ann", "Lee", "a@x.com"));
    String shared = bench.salesforce.person(SyncBench.OTHER).create(SyncBench.sf("Sha", "Red", "s@x.com"));
    bench.salesforce.person(SyncBench.OTHER).share(shared, SyncBench.REP);
    bench.outlook().create(com.exchangesync.worker.exchange.ItemKind.CONTACT, SyncBench.ex("Only", "Outlook", "o@x.com"));
    bench.sync();
    assertThat(bench.items()).hasSize(2);
    assertThat(bench.salesforce.snapshot()).as("nothing goes to Salesforce").hasSize(2);

    bench.allContacts = true;
    bench.ui().edit(shared, Map.of("Title", "x"));
    bench.salesforce.person(SyncBench.OTHER).edit(shared, Map.of("Title", "Visible now"));
    bench.sync();
    assertThat(bench.items()).hasSize(3);

    ExchangeItem annItem = bench.items().stream().filter(i -> i.salesforceId().equals(java.util.Optional.of(mine))).findFirst().orElseThrow();
    bench.outlook().edit(annItem.id(), Map.of(ExchangeField.SURNAME, "Changed in Outlook"));
    bench.ui().edit(mine, Map.of("Title", "Buyer"));
    bench.sync();
    assertThat(bench.item(annItem.id()).values()).containsEntry(ExchangeField.SURNAME, "Lee").containsEntry(ExchangeField.JOB_TITLE, "Buyer");
    assertThat(bench.salesforce.snapshot().get(mine)).containsEntry("LastName", "Lee");
  }

  @Test
  void anItemDeletedWhileNoPositionCoveredIt_isFoundGoneByTheWholeReadThatFollows_andItsPairUnlinked() throws Exception {
    String lee = bench.ui().create(SyncBench.sf("Lee", "Kept", "lee@x.com"));
    String kim = bench.ui().create(SyncBench.sf("Kim", "Deleted", "kim@x.com"));
    bench.sync();
    ExchangeItem kims = bench.items().stream().filter(i -> i.salesforceId().equals(java.util.Optional.of(kim))).findFirst()
        .orElseThrow();

    bench.direction = Direction.SALESFORCE_TO_EXCHANGE; // the Exchange position is one of another direction now
    bench.sync();
    bench.outlook().delete(kims.id());
    bench.direction = Direction.BOTH; // read from the folder's start: no deletion is reported
    bench.sync();

    MailboxKey key = new MailboxKey(SyncBench.ORG, SyncBench.REP);
    assertThat(bench.store.load(key, com.exchangesync.worker.exchange.ItemKind.CONTACT).links())
        .as("Kim's pair unlinked: no link names an item that is gone").extracting(Link::salesforceId).containsExactly(lee);
    assertThat(bench.salesforce.snapshot()).as("nothing deleted in turn").containsKeys(lee, kim);
    assertThat(bench.items()).as("and Kim not made again in Exchange").hasSize(1);
    assertThat(bench.sync().writes()).isZero();
  }

  @Test
  void severalEmailMatches_followThePreference() throws Exception {
    String older = bench.ui().create(SyncBench.sf("Old", "One", "dup@x.com"));
    String active = bench.ui().create(SyncBench.sf("Act", "Ive", "dup@x.com"));
    String updated = bench.ui().create(SyncBench.sf("New", "Est", "dup@x.com"));
    bench.ui().logActivity(active, Instant.parse("2026-11-01T00:00:00Z"));
    bench.direction = Direction.EXCHANGE_TO_SALESFORCE;
    String item = bench.outlook().create(com.exchangesync.worker.exchange.ItemKind.CONTACT, SyncBench.ex("Dup", "Person", "dup@x.com"));
    bench.sync();
    assertThat(bench.store.load(bench.context().mailbox(), com.exchangesync.worker.exchange.ItemKind.CONTACT).links())
        .singleElement().satisfies(l -> assertThat(l.salesforceId()).isEqualTo(active));

    for (MatchPreference p : new MatchPreference[] {MatchPreference.LAST_UPDATED, MatchPreference.OLDEST_CREATED}) {
      SyncBench fresh = new SyncBench();
      String o = fresh.ui().create(SyncBench.sf("Old", "One", "dup@x.com"));
      String u = fresh.ui().create(SyncBench.sf("New", "Est", "dup@x.com"));
      fresh.preference = p;
      fresh.direction = Direction.EXCHANGE_TO_SALESFORCE;
      fresh.outlook().create(com.exchangesync.worker.exchange.ItemKind.CONTACT, SyncBench.ex("Dup", "Person", "dup@x.com"));
      fresh.sync();
      assertThat(fresh.store.load(fresh.context().mailbox(), com.exchangesync.worker.exchange.ItemKind.CONTACT).links())
          .singleElement().satisfies(l -> assertThat(l.salesforceId()).isEqualTo(p == MatchPreference.LAST_UPDATED ? u : o));
    }
    assertThat(older).isNotEqualTo(updated);
    assertThat(item).isNotBlank();
  }

  @Test
  void aDeleteUnlinks_neverDeletes_andTheSurvivorIsNotRecreatedUntilItChanges() throws Exception {
    String id = bench.ui().create(SyncBench.sf("Ann", "Lee", "a@x.com"));
    bench.sync();
    bench.sync(); // the feed has now reported our own create
    ExchangeItem item = bench.items().get(0);
    bench.outlook().delete(item.id());
    PassReport report = bench.sync();
    assertThat(report.unlinked()).isEqualTo(1);
    assertThat(bench.salesforce.snapshot()).containsKey(id);
    assertThat(bench.items()).as("not re-created where the rep deleted it").isEmpty();
    assertThat(bench.sync().writes()).isZero();

    bench.ui().edit(id, Map.of("Title", "Changed again"));
    bench.sync();
    assertThat(bench.items()).as("a new change brings it back").hasSize(1);

    String back = bench.items().get(0).id();
    bench.ui().delete(id);
    bench.sync();
    assertThat(bench.items()).extracting(ExchangeItem::id).containsExactly(back);
    assertThat(bench.salesforce.snapshot()).isEmpty();
  }

  @Test
  void anItemDeletedBeforeItsCreationWasReported_isFoundGoneWhenTheContactChanges_andComesBack() throws Exception {
    String id = bench.ui().create(SyncBench.sf("Ann", "Lee", "a@x.com"));
    bench.sync();
    bench.outlook().delete(bench.items().get(0).id());
    assertThat(bench.sync().unlinked()).as("Exchange reports nothing for an item made and deleted between two reads").isZero();
    bench.ui().edit(id, Map.of("Title", "Buyer"));
    PassReport report = bench.sync();
    assertThat(report.unlinked()).isEqualTo(1);
    assertThat(report.exchangeCreated()).isEqualTo(1);
    assertThat(bench.items()).singleElement().satisfies(i -> assertThat(i.values()).containsEntry(ExchangeField.JOB_TITLE, "Buyer"));
  }

  @Test
  void anExchangeItemWhoseContactWasDeleted_staysOut_untilTheRepEditsIt() throws Exception {
    String id = bench.ui().create(SyncBench.sf("Ann", "Lee", "a@x.com"));
    bench.sync();
    bench.sync();
    String item = bench.items().get(0).id();
    bench.ui().delete(id);
    assertThat(bench.sync().unlinked()).isEqualTo(1);
    assertThat(bench.items()).as("never deleted in turn").hasSize(1);
    assertThat(bench.salesforce.snapshot()).isEmpty();
    assertThat(bench.sync().writes()).isZero();
    bench.outlook().edit(item, Map.of(ExchangeField.JOB_TITLE, "Still a customer"));
    assertThat(bench.sync().salesforceCreated()).isEqualTo(1);
    assertThat(bench.salesforce.snapshot().values()).singleElement()
        .satisfies(c -> assertThat(c).containsEntry("Title", "Still a customer"));
  }

  @Test
  void aRecordSalesforceRefusesIsReported_theRestGoOn_andItIsRetriedAfterABackOff() throws Exception {
    bench.direction = Direction.EXCHANGE_TO_SALESFORCE;
    String bad = bench.outlook().create(com.exchangesync.worker.exchange.ItemKind.CONTACT, SyncBench.ex("No", null, "nolast@x.com"));
    bench.outlook().create(com.exchangesync.worker.exchange.ItemKind.CONTACT, SyncBench.ex("Fine", "Person", "fine@x.com"));
    PassReport first = bench.sync();
    assertThat(first.salesforceCreated()).isEqualTo(1);
    assertThat(first.errors()).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("REQUIRED_FIELD_MISSING");
      assertThat(e.exchangeId()).isEqualTo(bad);
      assertThat(e.writtenTo()).isEqualTo(Side.SALESFORCE);
      assertThat(e.suggestion()).contains("last name");
    });
    assertThat(bench.sync().errors()).as("not before the back-off").isEmpty();
    bench.clock.advance(Duration.ofMinutes(3));
    assertThat(bench.sync().errors()).as("retried after it").hasSize(1);
    bench.outlook().edit(bad, Map.of(ExchangeField.SURNAME, "Fixed"));
    PassReport fixed = bench.sync();
    assertThat(fixed.salesforceCreated()).isEqualTo(1);
    assertThat(fixed.errors()).isEmpty();
    assertThat(bench.store.load(bench.context().mailbox(), com.exchangesync.worker.exchange.ItemKind.CONTACT).retries()).isEmpty();
  }

  @Test
  void aCrashAfterTheWritesBeforeTheSave_duplicatesNothing() throws Exception {
    bench.ui().create(SyncBench.sf("Ann", "Lee", "a@x.com"));
    bench.outlook().create(com.exchangesync.worker.exchange.ItemKind.CONTACT, SyncBench.ex("Cy", "Rep", "cy@x.com"));
    InMemorySyncStateStore crashing = new InMemorySyncStateStore((m, o) -> false);
    try (var mailbox = bench.exchange.open(SyncBench.EMAIL)) {
      assertThatThrownBy(() -> new SyncPass(mailbox, bench.salesforce, crashing, "worker-1", bench.clock).run(bench.context()))
          .isInstanceOf(LeaseLostException.class);
    }
    assertThat(bench.items()).hasSize(2);
    assertThat(bench.salesforce.snapshot()).hasSize(2);
    PassReport again = bench.sync();
    assertThat(again.exchangeCreated() + again.salesforceCreated()).isZero();
    assertThat(again.matched()).isEqualTo(2);
    assertThat(bench.items()).hasSize(2);
    assertThat(bench.salesforce.snapshot()).hasSize(2);
  }

  @Test
  void aForgottenExchangePositionReadsAfresh_withoutDuplicates() throws Exception {
    bench.ui().create(SyncBench.sf("Ann", "Lee", "a@x.com"));
    bench.sync();
    InMemorySyncStateStore store = bench.store;
    store.save(bench.context().mailbox(), com.exchangesync.worker.exchange.ItemKind.CONTACT, "worker-1",
        new StateChange().cursor(Side.EXCHANGE, new Cursor("garbage", Direction.BOTH)));
    assertThat(bench.sync().writes()).isZero();
    assertThat(bench.items()).hasSize(1);
  }

  @Test
  void anExchangeFailureStopsThePassAndSavesNothing() throws Exception {
    bench.ui().create(SyncBench.sf("Ann", "Lee", "a@x.com"));
    try (var mailbox = bench.exchange.open(SyncBench.EMAIL)) {
      bench.exchange.failNext(MailboxError.THROTTLED);
      assertThatThrownBy(() -> new SyncPass(mailbox, bench.salesforce, bench.store, "worker-1", bench.clock).run(bench.context()))
          .isInstanceOfSatisfying(SyncException.class, e -> assertThat(e.code()).isEqualTo("EXCHANGE_THROTTLED"));
    }
    assertThat(bench.store.load(bench.context().mailbox(), com.exchangesync.worker.exchange.ItemKind.CONTACT).cursors()).isEmpty();
    assertThat(bench.sync().exchangeCreated()).isEqualTo(1);
  }

  @Test
  void aWidenedScope_takesInContactsThatDidNotChangeSince() throws Exception {
    Map<String, String> paris = new java.util.HashMap<>(SyncBench.sf("Ann", "Lee", "a@x.com"));
    paris.put("MailingCountry", "France");
    Map<String, String> berlin = new java.util.HashMap<>(SyncBench.sf("Bo", "Ng", "b@x.com"));
    berlin.put("MailingCountry", "Germany");
    bench.ui().create(paris);
    bench.ui().create(berlin);
    bench.filters = java.util.List.of(new FieldFilter("MailingCountry", FieldFilter.Operator.EQUALS, "France"));
    bench.sync();
    assertThat(bench.items()).extracting(i -> i.values().get(ExchangeField.SURNAME)).containsExactly("Lee");
    assertThat(bench.sync().writes()).isZero();

    bench.filters = java.util.List.of();
    PassReport widened = bench.sync();
    assertThat(widened.exchangeCreated()).as("Germany's contact, unchanged since the first read").isEqualTo(1);
    assertThat(bench.items()).extracting(i -> i.values().get(ExchangeField.SURNAME)).containsExactlyInAnyOrder("Lee", "Ng");
    assertThat(bench.sync().writes()).isZero();
  }

  @Test
  void aSalesforceContactFindsAnUnlinkedItemThatDidNotChange_insteadOfMakingASecond() throws Exception {
    bench.direction = Direction.SALESFORCE_TO_EXCHANGE;
    bench.outlook().create(com.exchangesync.worker.exchange.ItemKind.CONTACT, SyncBench.ex("Ann", "Lee", "ann@x.com"));
    bench.sync();
    bench.sync(); // the item is read no more: it does not change
    bench.ui().create(SyncBench.sf("Ann", "Lee", "ANN@x.com"));
    PassReport report = bench.sync();
    assertThat(report.exchangeCreated()).as("the same person is not made again in the folder").isZero();
    assertThat(report.matched()).isEqualTo(1);
    assertThat(bench.items()).hasSize(1);
    assertThat(bench.sync().writes()).isZero();
  }

  @Test
  void aTombstonedItemMatchedToANewContact_byAPassThatStoppedBeforeSaving_isFoundByItsMark_notCopied() throws Exception {
    String first = bench.ui().create(SyncBench.sf("P", "Lee", "a@x.com"));
    bench.sync();
    String second = bench.ui().create(SyncBench.sf("P", "Lee", "a@x.com"));
    bench.ui().delete(first);
    bench.outlook().edit(bench.items().get(0).id(), Map.of(ExchangeField.JOB_TITLE, "Buyer"));
    bench.direction = Direction.SALESFORCE_TO_EXCHANGE;
    // The pass unlinks the item from the deleted contact, matches it to the new one by email and
    // marks it with the new id (clearing the title, Salesforce to Exchange), then stops before saving.
    try (var mailbox = bench.exchange.open(SyncBench.EMAIL)) {
      assertThatThrownBy(() -> new SyncPass(mailbox, bench.salesforce, new CrashingStore(bench.store), "worker-1", bench.clock)
          .run(bench.context())).isInstanceOf(LeaseLostException.class);
    }
    assertThat(bench.items()).extracting(i -> i.salesforceId().orElseThrow()).containsExactly(second);

    // Run again, the item is back at the content of the tombstone: it is matched by its mark all the same.
    PassReport report = bench.sync();
    assertThat(report.exchangeCreated()).isZero();
    assertThat(bench.items()).extracting(i -> i.salesforceId().orElseThrow()).containsExactly(second);
    assertThat(bench.sync().writes()).isZero();
  }

  @Test
  void thePassAfterASync_knowsItsOwnWritesByTheirChangeKeys_andReadsNeitherSideForThem() throws Exception {
    for (int i = 0; i < 3; i++) {
      bench.ui().create(SyncBench.sf("Sf", "Made" + i, "sf" + i + "@x.com"));
    }
    for (int i = 0; i < 2; i++) {
      bench.outlook().create(com.exchangesync.worker.exchange.ItemKind.CONTACT, SyncBench.ex("Ex", "Made" + i, "ex" + i + "@x.com"));
    }
    bench.sync(); // 3 items created, 2 contacts created and their ids marked back on the items

    int[] partnerReads = {0};
    SalesforceSide counting = new RacingEditsTest.DelegatingSalesforce(bench.salesforce) {
      @Override
      public java.util.List<SalesforceItem> get(String repUserId, java.util.List<String> ids, java.util.List<String> fields)
          throws SyncException {
        partnerReads[0] += ids.size();
        return super.get(repUserId, ids, fields);
      }
    };
    PassReport echoes;
    long contentBefore = bench.exchange.contentRead();
    try (var mailbox = bench.exchange.open(SyncBench.EMAIL)) {
      echoes = new SyncPass(mailbox, counting, bench.store, "worker-1", bench.clock).run(bench.context());
    }
    assertThat(echoes.echoesSkipped()).as("the five items the folder reports are the versions we wrote").isEqualTo(5);
    assertThat(bench.exchange.contentRead() - contentBefore).as("no item's content is read for an echo").isZero();
    assertThat(partnerReads[0]).as("no Salesforce partner is read for an echo").isZero();
    assertThat(echoes.writes()).isZero();

    // A rep's edit after our write is a new version: read and carried as before.
    ExchangeItem edited = bench.items().get(0);
    bench.outlook().edit(edited.id(), Map.of(ExchangeField.JOB_TITLE, "Buyer"));
    PassReport next = bench.sync();
    assertThat(next.echoesSkipped()).isZero();
    assertThat(next.salesforceUpdated()).isEqualTo(1);
  }
}

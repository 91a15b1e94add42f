package com.exchangesync.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.Mailbox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random interleavings of people's edits on both sides, direction changes,
 * syncs and crashed syncs (writes done, nothing saved). After every completed
 * sync: linked pairs agree on every mapped field (both ways), no contact has two
 * partners, nothing a person made was deleted, and a second sync writes nothing.
 */
class ContactSyncProperties {

  sealed interface Action permits SfCreate, SfEdit, SfDelete, ExCreate, ExEdit, ExDelete, SetDirection, Sync, CrashedSync {}

  record SfCreate(String last, String email) implements Action {}

  record SfEdit(int pick, String title) implements Action {}

  record SfDelete(int pick) implements Action {}

  record ExCreate(String surname, String email) implements Action {}

  record ExEdit(int pick, String title) implements Action {}

  record ExDelete(int pick) implements Action {}

  record SetDirection(Direction direction) implements Action {}

  record Sync() implements Action {}

  record CrashedSync() implements Action {}

  @Provide
  Arbitrary<List<Action>> scripts() {
    Arbitrary<String> names = Arbitraries.of("Lee", "Ng", "Diaz", "Kim");
    Arbitrary<String> emails = Arbitraries.of("a@x.com", "b@x.com", "c@x.com", "A@X.com", null);
    Arbitrary<String> titles = Arbitraries.of("Buyer", "CEO", "", "Head of sales");
    Arbitrary<Integer> picks = Arbitraries.integers().between(0, 50);
    Arbitrary<Action> action = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Combinators.combine(names, emails).as(SfCreate::new)),
        net.jqwik.api.Tuple.of(4, Combinators.combine(picks, titles).as(SfEdit::new)),
        net.jqwik.api.Tuple.of(1, picks.map(SfDelete::new)),
        net.jqwik.api.Tuple.of(4, Combinators.combine(names, emails).as(ExCreate::new)),
        net.jqwik.api.Tuple.of(4, Combinators.combine(picks, titles).as(ExEdit::new)),
        net.jqwik.api.Tuple.of(1, picks.map(ExDelete::new)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(Direction.class).map(SetDirection::new)),
        net.jqwik.api.Tuple.of(4, Arbitraries.just(new Sync())),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new CrashedSync())));
    return action.list().ofMinSize(1).ofMaxSize(30);
  }

  @Property
  void afterEverySync_theSidesAgree_nothingIsDuplicated_nothingMadeByAPersonIsLost(@ForAll("scripts") List<Action> script)
      throws Exception {
    SyncBench bench = new SyncBench();
    Set<String> sfMadeByPeople = new HashSet<>();
    Set<String> exMadeByPeople = new HashSet<>();
    for (Action a : script) {
      switch (a) {
        case SfCreate c -> sfMadeByPeople.add(bench.ui().create(SyncBench.sf("P", c.last(), c.email())));
        case SfEdit e -> pick(new ArrayList<>(bench.salesforce.snapshot().keySet()), e.pick())
            .ifPresent(id -> bench.ui().edit(id, title("Title", e.title())));
        case SfDelete d -> pick(new ArrayList<>(bench.salesforce.snapshot().keySet()), d.pick()).ifPresent(id -> {
          bench.ui().delete(id);
          sfMadeByPeople.remove(id);
        });
        case ExCreate c -> exMadeByPeople.add(bench.outlook().create(ItemKind.CONTACT, SyncBench.ex("P", c.surname(), c.email())));
        case ExEdit e -> pick(bench.items().stream().map(ExchangeItem::id).toList(), e.pick())
            .ifPresent(id -> bench.outlook().edit(id, exTitle(e.title())));
        case ExDelete d -> pick(bench.items().stream().map(ExchangeItem::id).toList(), d.pick()).ifPresent(id -> {
          bench.outlook().delete(id);
          exMadeByPeople.remove(id);
        });
        case SetDirection s -> bench.direction = s.direction();
        case CrashedSync c -> crashedSync(bench);
        case Sync s -> {
          PassReport report = bench.sync();
          assertThat(report.errors()).as("every generated record is valid").isEmpty();
          check(bench, sfMadeByPeople, exMadeByPeople);
          assertThat(bench.sync().writes()).as("a second sync writes nothing").isZero();
        }
      }
    }
    bench.sync();
    check(bench, sfMadeByPeople, exMadeByPeople);
  }

  private static void crashedSync(SyncBench bench) throws Exception {
    SyncStateStore lost = new CrashingStore(bench.store);
    try (Mailbox mailbox = bench.exchange.open(SyncBench.EMAIL)) {
      new SyncPass(mailbox, bench.salesforce, lost, "worker-1", bench.clock).run(bench.context());
    } catch (LeaseLostException expected) {
      // the crash: every write of the pass is done, nothing of it was saved
    }
  }

  private static void check(SyncBench bench, Set<String> sfMadeByPeople, Set<String> exMadeByPeople) {
    Map<String, Map<String, String>> sf = bench.salesforce.snapshot();
    Map<String, ExchangeItem> ex = new HashMap<>();
    bench.items().forEach(i -> ex.put(i.id(), i));
    assertThat(sf.keySet()).as("nothing a person made in Salesforce was deleted").containsAll(sfMadeByPeople);
    assertThat(ex.keySet()).as("nothing a person made in Exchange was deleted").containsAll(exMadeByPeople);

    SyncState state = bench.store.load(bench.context().mailbox(), ItemKind.CONTACT);
    FieldMap map = com.exchangesync.worker.sync.contact.ContactMapping.defaults();
    Set<String> exLinked = new HashSet<>();
    for (Link link : state.links()) {
      assertThat(exLinked.add(link.exchangeId())).as("one partner per item").isTrue();
      if (bench.direction != Direction.NONE && sf.containsKey(link.salesforceId()) && ex.containsKey(link.exchangeId())) {
        assertThat(map.fromExchange(ex.get(link.exchangeId())))
            .as("a linked pair agrees on every mapped field").isEqualTo(map.fromSalesforce(sf.get(link.salesforceId())));
      }
    }
    Map<String, Integer> marks = new HashMap<>();
    ex.values().forEach(i -> i.salesforceId().ifPresent(id -> marks.merge(id, 1, Integer::sum)));
    assertThat(marks.values()).as("no Salesforce contact has two items in the mailbox").allMatch(n -> n == 1);
    if (bench.direction == Direction.BOTH) {
      // Both ways, after a sync every live record on either side has a partner (unless tombstoned).
      Set<String> tombstoned = new HashSet<>();
      state.tombstones().forEach(t -> tombstoned.add(t.recordId()));
      Set<String> linkedSf = new HashSet<>();
      state.links().forEach(l -> linkedSf.add(l.salesforceId()));
      for (String id : sf.keySet()) {
        if (bench.salesforce.ownerOf(id).equals(SyncBench.REP) && !tombstoned.contains(id)) {
          assertThat(linkedSf).as("contact " + id + " is linked").contains(id);
        }
      }
      for (String id : ex.keySet()) {
        if (!tombstoned.contains(id)) {
          assertThat(exLinked).as("item " + id + " is linked").contains(id);
        }
      }
    }
  }

  private static java.util.Optional<String> pick(List<String> ids, int n) {
    return ids.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ids.get(n % ids.size()));
  }

  private static Map<String, String> title(String field, String value) {
    Map<String, String> m = new HashMap<>();
    m.put(field, value.isEmpty() ? null : value);
    return m;
  }

  private static Map<ExchangeField, String> exTitle(String value) {
    Map<ExchangeField, String> m = new HashMap<>();
    m.put(ExchangeField.JOB_TITLE, value.isEmpty() ? null : value);
    return m;
  }
}

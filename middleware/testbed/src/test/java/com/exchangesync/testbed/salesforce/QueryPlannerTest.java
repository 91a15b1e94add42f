package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The indexes a query reads ({@link QueryPlanner}) give the same rows, in the same order, as a scan of
 * every row: after any sequence of creates, updates, upserts, deletes and the org's own in-place changes,
 * over contacts whose owners, emails, keys and stamps collide (and differ only in case), for the WHERE
 * shapes a sync sends and a few it does not.
 */
class QueryPlannerTest {

  private static final String[] OWNER_NAMES = {"ann", "bob", "cy"};
  private static final String[] EMAILS = {"a@x.com", "A@X.com", "b@x.com", "c@y.org", null};
  private static final String[] KEYS = {"k1", "K1", "k2", "k3", "k4", null};
  private static final String[] NAMES = {"Lee", "lee", "Kim", "Park"};
  private static final Schema SCHEMA = schema();

  /** An edit of the org, or a query that compares the indexes with a scan (and so makes them before later edits). */
  sealed interface Step permits Edit, Query {}

  /** One edit of the org. Numbers pick among the values above and the stored contacts (modulo their count). */
  sealed interface Edit extends Step permits Create, Update, Upsert, Delete, Tick, Bookkeeping {}

  record Create(int owner, int email, int key, int name) implements Edit {}

  record Update(int row, int owner, int email, int key) implements Edit {}

  record Upsert(int key, int owner, int name) implements Edit {}

  record Delete(int row) implements Edit {}

  record Tick(int seconds) implements Edit {}

  /** What the org changes on a stored row itself (as an event's group flag moves its stamp), without a save. */
  record Bookkeeping(int row, int owner) implements Edit {}

  /** A query shape; numbers pick a stamp, a contact, an owner and a LIMIT at run time. */
  record Query(int shape, int stamp, int row, int owner, int limit) implements Step {}

  @Property(tries = 300)
  void indexedQueriesReturnWhatAScanReturns(@ForAll("steps") @Size(max = 80) List<Step> steps) {
    Org org = new Org();
    List<Step> all = new ArrayList<>(steps);
    for (int shape = 0; shape < SHAPES; shape++) {
      all.add(new Query(shape, steps.size(), shape, shape, 1 + shape % 5)); // every shape at the end, on what the edits left
    }
    for (Step step : all) {
      switch (step) {
        case Edit edit -> org.apply(edit);
        case Query q -> {
          String soql = org.soql(q);
          for (boolean deleted : new boolean[] {false, true}) {
            assertThat(org.ids(soql, deleted, true)).as(soql + (deleted ? " (queryAll)" : ""))
                .isEqualTo(org.ids(soql, deleted, false));
          }
        }
      }
    }
  }

  @Test
  void aFeedPageReadsOnlyAsFarAsItsLimit_andTheContinuationPicksUpAfterTheLastRow() {
    Org org = new Org();
    for (int i = 0; i < 30; i++) {
      org.apply(new Create(i % 3, i % 4, 5, i % 4));
      if (i % 7 == 0) {
        org.apply(new Tick(1));
      }
    }
    List<String> all = org.ids("SELECT Id FROM Contact ORDER BY SystemModstamp, Id", false, false);
    String first = "SELECT Id, SystemModstamp FROM Contact WHERE SystemModstamp > 2000-01-01T00:00:00Z ORDER BY SystemModstamp, Id LIMIT 10";
    List<String> page = org.ids(first, false, true);
    assertThat(page).isEqualTo(all.subList(0, 10));
    Row last = org.store.row(page.getLast());
    String next = "SELECT Id FROM Contact WHERE (SystemModstamp > " + FieldValues.toText(last.get("SystemModstamp"))
        + " OR (SystemModstamp = " + FieldValues.toText(last.get("SystemModstamp")) + " AND Id > '" + last.id
        + "')) ORDER BY SystemModstamp, Id LIMIT 10";
    assertThat(QueryPlanner.plan(SoqlParser.parse(next), org.contact, SCHEMA).inQueryOrder()).isTrue();
    assertThat(org.ids(next, false, true)).isEqualTo(all.subList(10, 20));
  }

  @Test
  void thePlannerPicksAnIndexForEachShapeASyncSends() {
    SObjectType contact = SCHEMA.type("Contact");
    String owner = SalesforceIds.next("005");
    assertThat(plan("WHERE Id IN ('" + owner.replace("005", "003") + "') AND IsDeleted = true", contact))
        .isInstanceOf(QueryPlanner.Lookup.class);
    assertThat(plan("WHERE SystemModstamp > 2024-01-01T00:00:00Z AND OwnerId = '" + owner + "' ORDER BY SystemModstamp, Id", contact))
        .isEqualTo(new QueryPlanner.Lookup("OwnerId", List.of(owner)));
    assertThat(plan("WHERE Exchange_Key__c IN ('a', 'b')", contact)).isEqualTo(new QueryPlanner.Lookup("Exchange_Key__c",
        List.of("a", "b")));
    assertThat(plan("WHERE SystemModstamp > 2024-01-01T00:00:00Z ORDER BY SystemModstamp, Id LIMIT 5", contact))
        .isEqualTo(new QueryPlanner.StampedFrom(Instant.parse("2024-01-01T00:00:00Z"), true));
    assertThat(plan("WHERE SystemModstamp > 2024-01-01T00:00:00Z ORDER BY LastName", contact))
        .isEqualTo(new QueryPlanner.StampedFrom(Instant.parse("2024-01-01T00:00:00Z"), false));
    // what no index serves: a negation, a null, an OR with a side unbounded, a relationship
    assertThat(plan("WHERE OwnerId != '" + owner + "'", contact)).isInstanceOf(QueryPlanner.Scan.class);
    assertThat(plan("WHERE Email IN ('a@x.com', null)", contact)).isInstanceOf(QueryPlanner.Scan.class);
    assertThat(plan("WHERE SystemModstamp > 2024-01-01T00:00:00Z OR LastName = 'x'", contact)).isInstanceOf(QueryPlanner.Scan.class);
    assertThat(plan("WHERE Owner.Email = 'a@x.com'", contact)).isInstanceOf(QueryPlanner.Scan.class);
  }

  private static QueryPlanner.Plan plan(String where, SObjectType type) {
    return QueryPlanner.plan(SoqlParser.parse("SELECT Id FROM " + type.name + " " + where), type, SCHEMA);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Integer> n = Arbitraries.integers().between(0, 1000);
    Arbitrary<Edit> create = Combinators.combine(n, n, n, n).as(Create::new);
    Arbitrary<Edit> update = Combinators.combine(n, n, n, n).as(Update::new);
    Arbitrary<Edit> upsert = Combinators.combine(n, n, n).as(Upsert::new);
    Arbitrary<Edit> delete = n.map(Delete::new);
    Arbitrary<Edit> tick = Arbitraries.integers().between(0, 2).map(Tick::new);
    Arbitrary<Edit> bookkeeping = Combinators.combine(n, n).as(Bookkeeping::new);
    Arbitrary<Step> query = Combinators.combine(Arbitraries.integers().between(0, SHAPES - 1), n, n, n,
        Arbitraries.integers().between(1, 12)).as(Query::new);
    return Arbitraries.frequencyOf(Tuple.of(5, create), Tuple.of(3, update), Tuple.of(2, upsert), Tuple.of(1, delete),
        Tuple.of(2, tick), Tuple.of(1, bookkeeping), Tuple.of(4, query)).list();
  }

  private static final int SHAPES = 14;

  /** An org of a few users and their contacts; the edits and queries of one try. */
  private static final class Org {
    final SalesforceTestClock clock = new SalesforceTestClock();
    final RecordStore store = new RecordStore(SCHEMA, clock);
    final RecordWriter writer = new RecordWriter(store);
    final SObjectType contact = SCHEMA.type("Contact");
    final List<String> owners = new ArrayList<>();
    final String actor;

    Org() {
      JsonArray users = new JsonArray();
      for (String name : OWNER_NAMES) {
        String id = SalesforceIds.next("005");
        owners.add(id);
        users.add(new JsonObject().put("id", id).put("username", name + "@x.com").put("name", name));
      }
      actor = store.locked(() -> {
        OrgSetup.install(store, new JsonObject().put("integrationUser", new JsonObject().put("username", "i@x.com"))
            .put("users", users));
        return store.org().integrationUserId();
      });
    }

    void apply(Edit edit) {
      store.locked(() -> {
        List<Row> contacts = store.rows(contact).stream().filter(r -> !r.deleted()).toList();
        switch (edit) {
          case Create c -> writer.create(List.of(change(null, Map.of("LastName", NAMES[c.name() % NAMES.length],
              "OwnerId", owners.get(c.owner() % owners.size())), c.email(), c.key())), actor, SaveOptions.UI);
          case Update u when !contacts.isEmpty() -> writer.update(List.of(change(contacts.get(u.row() % contacts.size()).id,
              Map.of("OwnerId", owners.get(u.owner() % owners.size())), u.email(), u.key())), actor, SaveOptions.UI);
          case Upsert u -> {
            Change c = change(null, Map.of("LastName", NAMES[u.name() % NAMES.length], "OwnerId", owners.get(u.owner() % owners.size())),
                EMAILS.length - 1, u.key() % (KEYS.length - 1));
            writer.upsert(contact.field("Exchange_Key__c"), List.of(c), actor, SaveOptions.UI);
          }
          case Delete d when !contacts.isEmpty() -> writer.delete(List.of(contacts.get(d.row() % contacts.size()).id), Map.of(), false);
          case Tick t -> clock.advance(Duration.ofSeconds(t.seconds()));
          case Bookkeeping b when !contacts.isEmpty() -> store.changeInPlace(contacts.get(b.row() % contacts.size()), r -> {
            r.values.put("OwnerId", owners.get(b.owner() % owners.size()));
            r.values.put("SystemModstamp", store.now());
          });
          default -> { } // nothing stored yet to change
        }
        return null;
      });
    }

    private Change change(String id, Map<String, String> values, int email, int key) {
      Change c = new Change(contact, id);
      values.forEach((f, v) -> c.values.put(contact.field(f), v));
      c.values.put(contact.field("Email"), EMAILS[email % EMAILS.length]);
      c.values.put(contact.field("Exchange_Key__c"), KEYS[key % KEYS.length]);
      return c;
    }

    List<String> ids(String soql, boolean all, boolean indexed) {
      return store.locked(() -> QueryExecutor.run(soql, store, all, indexed).rows().stream().map(r -> r.id).toList());
    }

    /** The query of shape {@code q.shape()}, with a stamp, contact and owner of this org. */
    String soql(Query q) {
      List<Row> rows = store.locked(() -> store.rows(contact));
      TreeSet<Instant> stamps = new TreeSet<>();
      rows.forEach(r -> stamps.add((Instant) r.get("SystemModstamp")));
      stamps.add(Instant.parse("2000-01-01T00:00:00Z"));
      List<Instant> s = new ArrayList<>(stamps);
      // a stamp that rows have, or a second either side of it
      Instant t = s.get(q.stamp() % s.size()).plusSeconds(q.stamp() % 3 - 1);
      String at = FieldValues.toText(t);
      String id = rows.isEmpty() ? SalesforceIds.next("003") : rows.get(q.row() % rows.size()).id;
      String other = rows.isEmpty() ? id : rows.get((q.row() / 7) % rows.size()).id;
      String owner = owners.get(q.owner() % owners.size());
      String key = KEYS[q.row() % (KEYS.length - 1)];
      String email = EMAILS[q.owner() % (EMAILS.length - 1)];
      String feed = "(SystemModstamp > " + at + " OR (SystemModstamp = " + at + " AND Id > '" + id + "'))";
      String select = "SELECT Id FROM Contact WHERE ";
      return switch (q.shape()) {
        case 0 -> select + "SystemModstamp > " + at + " ORDER BY SystemModstamp, Id LIMIT " + q.limit();
        case 1 -> select + feed + " AND OwnerId = '" + owner + "' ORDER BY SystemModstamp, Id LIMIT " + q.limit();
        case 2 -> select + feed + " ORDER BY SystemModstamp, Id LIMIT " + q.limit();
        case 3 -> select + "OwnerId = '" + owner + "' ORDER BY Id";
        case 4 -> select + "Exchange_Key__c IN ('" + key + "', '" + key.toUpperCase() + "', 'k3')";
        case 5 -> select + "Email IN ('" + email + "', 'b@x.com') AND OwnerId = '" + owner + "'";
        case 6 -> select + "Id IN ('" + id + "', '" + other + "', '" + id.substring(0, 15) + "') AND IsDeleted = true";
        case 7 -> select + "Id = '" + id + "'";
        case 8 -> select + "SystemModstamp >= " + at + " AND LastName = 'lee' ORDER BY LastName";
        case 9 -> select + "SystemModstamp > " + at;
        case 10 -> select + "SystemModstamp > " + at + " ORDER BY SystemModstamp, Id LIMIT " + q.limit() + " OFFSET 2";
        case 11 -> select + "SystemModstamp = " + at + " ORDER BY SystemModstamp DESC, Id LIMIT " + q.limit();
        case 12 -> select + "(SystemModstamp > " + at + " AND Email = '" + email + "') OR OwnerId = '" + owner + "'";
        default -> "SELECT Id FROM Contact ORDER BY SystemModstamp, Id LIMIT " + q.limit();
      };
    }
  }

  private static Schema schema() {
    try {
      Path root = SalesforcePackageFixture.write(Files.createTempDirectory("planner"));
      return Schema.load(root.resolve("force-app"), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

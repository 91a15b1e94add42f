package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SOQL semantics on an in-memory org: nulls, case, LIKE, relative dates, ordering, type checks. */
class SalesforceQueryExecutorTest {

  private RecordStore store;

  @BeforeEach
  void org() {
    // Wednesday 2024-05-15 12:00 UTC
    store = new RecordStore(Schema.load(null, ""), Clock.fixed(Instant.parse("2024-05-15T12:00:00Z"), ZoneOffset.UTC));
    store.locked(() -> {
      OrgSetup.install(store, new JsonObject().put("integrationUser", new JsonObject().put("username", "i@x.com").put("password", "p"))
          .put("users", new JsonArray()));
      RecordWriter w = new RecordWriter(store);
      String me = store.org().integrationUserId();
      w.create(List.of(contact("Ann", "ann@x.com", "2024-05-14"), contact("bob", null, "2024-05-12"),
          contact("Cy 50%", "cy@y.org", "2024-04-30"), contact("Dee", "dee@x.com", null)), me, SaveOptions.UI)
          .forEach(o -> assertThat(o.success()).as(o.errors().toString()).isTrue());
      return null;
    });
  }

  private Change contact(String last, String email, String birthday) {
    SObjectType t = store.schema.type("Contact");
    Change c = new Change(t, null);
    c.values.put(t.field("LastName"), last);
    c.values.put(t.field("Email"), email);
    c.values.put(t.field("Birthday"), birthday == null ? null : java.time.LocalDate.parse(birthday));
    return c;
  }

  private List<String> names(String where) {
    return store.locked(() -> QueryExecutor.run("SELECT LastName FROM Contact " + where, store, false).rows().stream()
        .map(r -> (String) r.get("LastName")).toList());
  }

  @Test
  void nullsMatchOnlyEqualsNullNotEqualsAndNotIn() {
    assertThat(names("WHERE Email = null")).containsExactly("bob");
    assertThat(names("WHERE Email != 'ann@x.com'")).containsExactly("bob", "Cy 50%", "Dee");
    assertThat(names("WHERE Email NOT IN ('ann@x.com')")).containsExactly("bob", "Cy 50%", "Dee");
    assertThat(names("WHERE Email IN ('ANN@X.COM', null)")).containsExactly("Ann", "bob");
    assertThat(names("WHERE Email > 'a'")).containsExactly("Ann", "Cy 50%", "Dee");
  }

  @Test
  void likeIsCaseInsensitiveWithEscapes() {
    assertThat(names("WHERE LastName LIKE 'B%'")).containsExactly("bob");
    assertThat(names("WHERE LastName LIKE '%50\\%'")).containsExactly("Cy 50%");
    assertThat(names("WHERE LastName LIKE '_e_'")).containsExactly("Dee");
  }

  @Test
  void relativeDatesUseTheOrgsToday() {
    assertThat(names("WHERE Birthday = YESTERDAY")).containsExactly("Ann");
    assertThat(names("WHERE Birthday = THIS_WEEK")).containsExactly("Ann", "bob"); // week of Sunday 2024-05-12
    assertThat(names("WHERE Birthday = LAST_MONTH")).containsExactly("Cy 50%");
    assertThat(names("WHERE Birthday = LAST_N_DAYS:3")).containsExactly("Ann", "bob");
    assertThat(names("WHERE Birthday < LAST_N_DAYS:3")).containsExactly("Cy 50%");
    assertThat(names("WHERE Birthday > 2024-05-01")).containsExactly("Ann", "bob");
    assertThat(names("WHERE CreatedDate = TODAY AND CreatedDate < TOMORROW")).hasSize(4);
  }

  @Test
  void orderingPutsNullsFirstAscendingAndLastDescending() {
    assertThat(names("ORDER BY Email")).containsExactly("bob", "Ann", "Cy 50%", "Dee");
    assertThat(names("ORDER BY Email DESC")).containsExactly("Dee", "Cy 50%", "Ann", "bob");
    assertThat(names("ORDER BY LastName")).containsExactly("Ann", "bob", "Cy 50%", "Dee");
  }

  @Test
  void literalsMustFitTheirFields() {
    assertThatThrownBy(() -> names("WHERE Birthday = '2024-05-14'")).isInstanceOfSatisfying(SoqlException.class,
        e -> assertThat(e.getMessage()).isEqualTo("value of filter criterion for field 'Birthday' must be of type date and should not"
            + " be enclosed in quotes"));
    assertThatThrownBy(() -> names("WHERE Email = 5")).isInstanceOfSatisfying(SoqlException.class,
        e -> assertThat(e.getMessage()).contains("must be of type string and should be enclosed in quotes"));
    assertThatThrownBy(() -> names("WHERE OwnerId = '005'")).isInstanceOfSatisfying(SoqlException.class,
        e -> assertThat(e.code).isEqualTo("INVALID_QUERY_FILTER_OPERATOR"));
    assertThatThrownBy(() -> names("WHERE Birthday LIKE '2024%'")).isInstanceOf(SoqlException.class);
    assertThatThrownBy(() -> names("WHERE Nope = 1")).isInstanceOfSatisfying(SoqlException.class,
        e -> assertThat(e.offset).isEqualTo(35));
  }
}

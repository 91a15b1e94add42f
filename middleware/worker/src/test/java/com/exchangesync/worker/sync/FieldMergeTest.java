package com.exchangesync.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

/** The per-field decision: a table of cases, then the invariants over random inputs. */
class FieldMergeTest {

  private static Map<String, String> m(String... kv) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put(kv[i], kv[i + 1]);
    }
    return map;
  }

  @Test
  void bothWays_oneSidedChangesMerge_andOnlyTrueConflictsFollowTheWinner() {
    Map<String, String> base = m("title", "Buyer", "phone", "1", "city", "Paris");
    Map<String, String> sf = m("title", "Head buyer", "phone", "1", "city", "Lyon");
    Map<String, String> ex = m("title", "Buyer", "phone", "2", "city", "Nice");
    FieldMerge.Result sfWins = FieldMerge.merge(base, sf, ex, Direction.BOTH, Winner.SALESFORCE);
    assertThat(sfWins.toExchange()).isEqualTo(m("title", "Head buyer", "city", "Lyon"));
    assertThat(sfWins.toSalesforce()).isEqualTo(m("phone", "2"));
    assertThat(sfWins.agreed()).isEqualTo(m("title", "Head buyer", "phone", "2", "city", "Lyon"));
    FieldMerge.Result exWins = FieldMerge.merge(base, sf, ex, Direction.BOTH, Winner.EXCHANGE);
    assertThat(exWins.toSalesforce()).isEqualTo(m("phone", "2", "city", "Nice"));
    assertThat(exWins.toExchange()).isEqualTo(m("title", "Head buyer"));
  }

  @Test
  void aClearedFieldIsAChangeLikeAnyOther() {
    FieldMerge.Result r = FieldMerge.merge(m("title", "Buyer"), m(), m("title", "Buyer"), Direction.BOTH, Winner.EXCHANGE);
    assertThat(r.toExchange()).containsEntry("title", null).hasSize(1);
    assertThat(r.agreed()).isEmpty();
  }

  @Test
  void oneWayMakesTheTargetEqualTheSource_andNoneWritesNothing() {
    Map<String, String> sf = m("title", "A", "city", "X");
    Map<String, String> ex = m("title", "B", "phone", "9");
    FieldMerge.Result toEx = FieldMerge.merge(m(), sf, ex, Direction.SALESFORCE_TO_EXCHANGE, Winner.EXCHANGE);
    assertThat(toEx.toSalesforce()).isEmpty();
    assertThat(toEx.toExchange()).isEqualTo(m("title", "A", "city", "X", "phone", null));
    FieldMerge.Result toSf = FieldMerge.merge(m(), sf, ex, Direction.EXCHANGE_TO_SALESFORCE, Winner.SALESFORCE);
    assertThat(toSf.toExchange()).isEmpty();
    assertThat(toSf.toSalesforce()).isEqualTo(m("title", "B", "city", null, "phone", "9"));
    assertThat(FieldMerge.merge(m("title", "old"), sf, ex, Direction.NONE, Winner.SALESFORCE).isEmpty()).isTrue();
  }

  @Test
  void whitespaceAndEmptyNeverCauseWrites() {
    FieldMerge.Result r = FieldMerge.merge(m(), m("title", " Buyer ", "city", ""), m("title", "Buyer"), Direction.BOTH, Winner.SALESFORCE);
    assertThat(r.isEmpty()).isTrue();
  }

  @Provide
  Arbitrary<Map<String, String>> sides() {
    Arbitrary<String> value = Arbitraries.of(null, "", "a", "b", "c", " a ");
    return Combinators.combine(value, value, value).as((x, y, z) -> {
      Map<String, String> map = new HashMap<>();
      map.put("f1", x);
      map.put("f2", y);
      map.put("f3", z);
      return map;
    });
  }

  @Property(tries = 2000)
  void afterApplyingTheWritesBothSidesAgree_andASecondMergeWritesNothing(@ForAll("sides") Map<String, String> base,
      @ForAll("sides") Map<String, String> sf, @ForAll("sides") Map<String, String> ex,
      @ForAll Direction direction, @ForAll Winner winner) {
    FieldMerge.Result r = FieldMerge.merge(base, sf, ex, direction, winner);
    Map<String, String> sfAfter = apply(sf, r.toSalesforce());
    Map<String, String> exAfter = apply(ex, r.toExchange());
    if (direction != Direction.NONE) {
      assertThat(normalized(sfAfter)).isEqualTo(normalized(exAfter)).isEqualTo(r.agreed());
      assertThat(FieldMerge.merge(r.agreed(), sfAfter, exAfter, direction, winner).isEmpty()).isTrue();
    } else {
      assertThat(r.isEmpty()).isTrue();
    }
    if (direction == Direction.SALESFORCE_TO_EXCHANGE) {
      assertThat(r.toSalesforce()).isEmpty();
    }
    if (direction == Direction.EXCHANGE_TO_SALESFORCE) {
      assertThat(r.toExchange()).isEmpty();
    }
  }

  @Property(tries = 2000)
  void bothWays_aFieldOnlyOneSideChangedKeepsThatChange(@ForAll("sides") Map<String, String> base,
      @ForAll("sides") Map<String, String> sf, @ForAll Winner winner) {
    // Exchange unchanged since the base: every Salesforce change must survive, whoever wins.
    FieldMerge.Result r = FieldMerge.merge(base, sf, base, Direction.BOTH, winner);
    assertThat(r.agreed()).isEqualTo(normalized(sf));
    assertThat(r.toSalesforce()).isEmpty();
  }

  private static Map<String, String> apply(Map<String, String> side, Map<String, String> writes) {
    Map<String, String> after = new HashMap<>(side);
    after.putAll(writes);
    return after;
  }

  private static Map<String, String> normalized(Map<String, String> side) {
    Map<String, String> out = new HashMap<>();
    side.forEach((k, v) -> {
      String n = FieldMerge.normalize(v);
      if (n != null) {
        out.put(k, n);
      }
    });
    return out;
  }
}

package com.exchangesync.worker.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetriedCreatesTest {

  /** A store that makes an item per key sent, and can lose the answers of the next calls after doing the work. */
  private static class Store {
    final Map<String, Integer> made = new HashMap<>();
    final List<List<String>> sent = new ArrayList<>();
    final List<List<String>> lookedUp = new ArrayList<>();
    final List<Integer> pauses = new ArrayList<>();
    int wholeAnswersToLose;

    List<String> send(List<String> keys) throws AnswerLostException {
      sent.add(keys);
      List<String> results = new ArrayList<>();
      for (String key : keys) {
        made.merge(key, 1, Integer::sum);
        results.add("id-of-" + key);
      }
      if (wholeAnswersToLose > 0) {
        wholeAnswersToLose--;
        throw new AnswerLostException("HTTP 503", null);
      }
      return results;
    }

    List<String> find(List<String> keys) {
      lookedUp.add(keys);
      return keys.stream().map(k -> made.containsKey(k) ? "found-" + k : null).toList();
    }

    RetriedCreates<String, String, IllegalStateException> creates(int maxAttempts) {
      return new RetriedCreates<>("create for a@x", maxAttempts, this::send, this::find, pauses::add,
          (message, last) -> new IllegalStateException(message, last));
    }
  }

  @Test
  void answeredCreates_areSentOnce_andNothingIsLookedUp() {
    Store store = new Store();
    assertThat(store.creates(6).create(List.of("a", "b"))).containsExactly("id-of-a", "id-of-b");
    assertThat(store.sent).containsExactly(List.of("a", "b"));
    assertThat(store.lookedUp).isEmpty();
    assertThat(store.pauses).isEmpty();
  }

  @Test
  void aWholeAnswerLost_afterTheWork_findsEveryItem_andSendsNothingAgain() {
    Store store = new Store();
    store.wholeAnswersToLose = 1;
    assertThat(store.creates(6).create(List.of("a", "b"))).containsExactly("found-a", "found-b");
    assertThat(store.sent).as("never sent twice").containsExactly(List.of("a", "b"));
    assertThat(store.made).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 1));
    assertThat(store.pauses).as("waited before looking").containsExactly(1);
  }

  @Test
  void aLostAnswerForSomeItems_looksUpOnlyThose_andSendsAgainOnlyThoseNotMade() {
    Store partial = new Store() {
      @Override
      List<String> send(List<String> keys) throws AnswerLostException {
        // "c" is refused before any work (its answer lost all the same): it must be sent again.
        List<String> results = new ArrayList<>();
        sent.add(keys);
        for (String key : keys) {
          if (!(key.equals("c") && sent.size() == 1)) {
            made.merge(key, 1, Integer::sum);
          }
          results.add(sent.size() == 1 && (key.equals("b") || key.equals("c")) ? null : "id-of-" + key);
        }
        return results;
      }
    };
    List<String> results = partial.creates(6).create(List.of("a", "b", "c"));
    assertThat(results).containsExactly("id-of-a", "found-b", "id-of-c");
    assertThat(partial.lookedUp).containsExactly(List.of("b", "c"));
    assertThat(partial.sent).containsExactly(List.of("a", "b", "c"), List.of("c"));
    assertThat(partial.made).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 1, "c", 1));
  }

  @Test
  void aCreateThatNeverArrives_isSentAgain_untilTheLastAttempt() {
    Store store = new Store() {
      @Override
      List<String> send(List<String> keys) throws AnswerLostException {
        sent.add(keys);
        throw new AnswerLostException("connection closed before the request reached the server", null);
      }
    };
    assertThatThrownBy(() -> store.creates(3).create(List.of("a")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("lost 3 times");
    assertThat(store.sent).hasSize(3);
    assertThat(store.lookedUp).hasSize(2);
    assertThat(store.pauses).containsExactly(1, 2);
  }
}

package com.exchangesync.worker.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records a step of the pass makes in Salesforce that can wait for the pass's create of new Exchange items
 * ({@link UnlinkedExchange#createInSalesforce}), so both go in one call: the events' series made from Outlook
 * masters join the single events. Each step hands over its records with what to do with their outcomes, which is
 * done, in the order they were added, right after that call. A pass that stops before it (an error, a lost lease)
 * made none of them: the next pass finds everything still to make, as after any crash before a write.
 */
public final class LaterCreates {

  /** What a step does with the outcomes of its records, in their order. */
  @FunctionalInterface
  public interface Finish {
    void with(List<SalesforceSide.WriteOutcome> outcomes) throws SyncException;
  }

  private record Waiting(List<Map<String, String>> records, Finish finish) {}

  private final List<Waiting> waiting = new ArrayList<>();

  /** Adds records (none carries a creation key: what is made so is found again by other means). */
  public void add(List<Map<String, String>> records, Finish finish) {
    if (!records.isEmpty()) {
      waiting.add(new Waiting(List.copyOf(records), finish));
    }
  }

  boolean isEmpty() {
    return waiting.isEmpty();
  }

  /** Every waiting record, in the order added. */
  List<Map<String, String>> records() {
    List<Map<String, String>> all = new ArrayList<>();
    waiting.forEach(w -> all.addAll(w.records()));
    return all;
  }

  /** Hands each step the outcomes of its records ({@code outcomes} in the order of {@link #records}). */
  void finish(List<SalesforceSide.WriteOutcome> outcomes) throws SyncException {
    List<Waiting> now = List.copyOf(waiting);
    waiting.clear();
    int at = 0;
    for (Waiting w : now) {
      w.finish().with(outcomes.subList(at, at + w.records().size()));
      at += w.records().size();
    }
  }
}

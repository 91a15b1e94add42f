package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.MailboxStore;
import com.exchangesync.testbed.exchange.Stats;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the Graph test bed holds beside the shared mailboxes: the tenant's app
 * registration, the key its access tokens are signed with, the injected
 * faults, the counts, the in-flight requests per mailbox and the delta
 * states. The mailboxes themselves are the Exchange test bed's
 * {@link MailboxStore}, so an item written through either protocol is seen
 * through both.
 */
final class GraphState {

  final MailboxStore store;
  /** The Exchange test bed's counts, where meeting messages are counted for both protocols. */
  final Stats exchangeStats;
  final Clock clock;
  final AccessTokens tokens = new AccessTokens();
  final GraphFaults faults = new GraphFaults();
  final GraphStats stats = new GraphStats();
  final MailboxConcurrency concurrency = new MailboxConcurrency();
  final DeltaStates deltas = new DeltaStates();
  private volatile GraphApp app;

  GraphState(MailboxStore store, Stats exchangeStats, Clock clock) {
    this.store = store;
    this.exchangeStats = exchangeStats;
    this.clock = clock;
  }

  GraphApp app() {
    return app;
  }

  void app(GraphApp app) {
    this.app = app;
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** {@code /sim/reset}: no app, no faults, no counts, every delta token gone. */
  void reset() {
    app = null;
    faults.clear();
    stats.reset();
    deltas.expireAll();
  }
}

package com.exchangesync.worker.sync;

import com.exchangesync.worker.sync.contact.ContactKind;
import com.exchangesync.worker.sync.event.EventKind;
import java.time.Clock;
import java.util.List;

/** The kinds of record the product syncs, in the order each rep's passes run. */
public final class SyncKinds {

  private SyncKinds() {}

  /** Every kind, with days counted by the system clock. */
  public static List<SyncKind> all() {
    return all(Clock.systemUTC());
  }

  /** Every kind, with days (an event filter's "today") counted by {@code clock}. */
  public static List<SyncKind> all(Clock clock) {
    return List.of(new ContactKind(), new EventKind(clock));
  }
}

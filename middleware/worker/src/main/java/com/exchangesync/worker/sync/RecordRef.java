package com.exchangesync.worker.sync;

import java.util.Objects;

/** A record on one side: the key of tombstones and retries. */
public record RecordRef(Side side, String id) {

  public RecordRef {
    Objects.requireNonNull(side);
    Objects.requireNonNull(id);
  }
}

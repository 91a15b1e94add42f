package com.exchangesync.worker.sync;

import java.util.Objects;

/**
 * A record whose partner was deleted. It stays unlinked, and is not copied to
 * the side where the rep deleted its partner, until its fingerprint changes
 * (someone edits it again).
 *
 * @param side the side the surviving record is on
 * @param recordId the surviving record
 * @param fingerprint a hash of its mapped fields when the partner was deleted
 */
public record Tombstone(Side side, String recordId, String fingerprint) {

  public Tombstone {
    Objects.requireNonNull(side);
    Objects.requireNonNull(recordId);
    Objects.requireNonNull(fingerprint);
  }
}

package com.exchangesync.worker.sync;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The Salesforce ids a pass has linked, asked about rather than held: a mailbox
 * may have tens of thousands of pairs, and a pass needs them only to tell which
 * of the records Salesforce reports deleted were ours.
 */
public interface LinkedIds {

  /** Which of {@code ids} are linked. */
  Set<String> among(Collection<String> ids);

  /**
   * Every linked id: only when Salesforce cannot list its deletions since the
   * watermark (older than its recycle bin keeps them) and each must be asked about.
   */
  Set<String> all();

  /** Whether nothing is linked. */
  boolean isEmpty();

  /** A fixed set (the tests, and passes that hold few ids). */
  static LinkedIds of(Set<String> ids) {
    Set<String> copy = Set.copyOf(ids);
    return new LinkedIds() {
      @Override
      public Set<String> among(Collection<String> candidates) {
        Set<String> found = new HashSet<>();
        candidates.stream().filter(copy::contains).forEach(found::add);
        return found;
      }

      @Override
      public Set<String> all() {
        return copy;
      }

      @Override
      public boolean isEmpty() {
        return copy.isEmpty();
      }
    };
  }
}

package com.exchangesync.worker.exchange;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of writing one item of a batch: the batch as a whole succeeds, and
 * each item succeeds or fails on its own.
 *
 * @param id the item's id (for a create: the new id) when it succeeded
 * @param changeKey the item's new change key when it succeeded (empty after a delete)
 * @param error what went wrong when it failed
 * @param message Exchange's own words for the failure, empty on success
 */
public record ItemResult(Optional<String> id, Optional<String> changeKey, Optional<MailboxError> error,
                         String message) {

  public ItemResult {
    Objects.requireNonNull(id);
    Objects.requireNonNull(changeKey);
    Objects.requireNonNull(error);
    Objects.requireNonNull(message);
  }

  /** A written item. */
  public static ItemResult written(String id, String changeKey) {
    return new ItemResult(Optional.of(id), Optional.ofNullable(changeKey), Optional.empty(), "");
  }

  /** A deleted item. */
  public static ItemResult deleted(String id) {
    return new ItemResult(Optional.of(id), Optional.empty(), Optional.empty(), "");
  }

  /** A failed item. */
  public static ItemResult failed(MailboxError error, String message) {
    return new ItemResult(Optional.empty(), Optional.empty(), Optional.of(error), message);
  }

  /** Whether the item was written. */
  public boolean succeeded() {
    return error.isEmpty();
  }
}

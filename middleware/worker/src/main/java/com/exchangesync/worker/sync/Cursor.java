package com.exchangesync.worker.sync;

import java.util.Objects;

/**
 * How far one side's change feed has been applied.
 *
 * @param token the EWS SyncState or the Salesforce watermark
 * @param direction the direction in force when it was saved; another direction
 *     now means the cursor no longer covers what must be read
 */
public record Cursor(String token, Direction direction) {

  public Cursor {
    Objects.requireNonNull(token);
    Objects.requireNonNull(direction);
  }
}

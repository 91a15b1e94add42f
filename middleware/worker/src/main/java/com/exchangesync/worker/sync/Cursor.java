package com.exchangesync.worker.sync;

import java.util.Objects;

/**
 * How far one side's change feed has been applied.
 *
 * @param token the EWS SyncState or the Salesforce watermark
 * @param direction the direction in force when it was saved; another direction
 *     now means the cursor no longer covers what must be read
 * @param settings the fingerprint of the settings that decided what was read
 *     ({@link RepContext#settings}); other settings now mean the same
 */
public record Cursor(String token, Direction direction, String settings) {

  public Cursor {
    Objects.requireNonNull(token);
    Objects.requireNonNull(direction);
    Objects.requireNonNull(settings);
  }

  /** A cursor saved under no particular settings. */
  public Cursor(String token, Direction direction) {
    this(token, direction, "");
  }
}

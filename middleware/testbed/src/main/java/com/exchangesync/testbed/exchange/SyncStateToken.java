package com.exchangesync.testbed.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code SyncState} handed to clients: which store generation,
 * folder and change-log position it stands for. A state from another folder or
 * mailbox, from before a reset, from the future, or that does not decode gets
 * {@code ErrorInvalidSyncStateData}, as Exchange gives it.
 */
record SyncStateToken(long generation, String folderId, long seq) {

  private static final String MAGIC = "exsync-tb1";

  String encode() {
    String raw = MAGIC + "|" + generation + "|" + folderId + "|" + seq;
    return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes {@code state} for {@code folderId}; a bad one is a response-message error. */
  static SyncStateToken decode(String state, long generation, String folderId, long head) {
    try {
      String raw = new String(Base64.getDecoder().decode(state.trim()), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\|", -1);
      if (parts.length == 4 && parts[0].equals(MAGIC)) {
        SyncStateToken t = new SyncStateToken(Long.parseLong(parts[1]), parts[2], Long.parseLong(parts[3]));
        if (t.generation == generation && t.folderId.equals(folderId) && t.seq >= 0 && t.seq <= head) {
          return t;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw new ResponseMessageError("ErrorInvalidSyncStateData", "Synchronization state data is corrupt or otherwise invalid.");
  }
}

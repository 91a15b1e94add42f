package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.FolderMemory;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The synced folders of one open mailbox through Graph: {@code Salesforce_Sync}'s
 * id (and the main calendar's, once the org mark needed it) from the connector's
 * {@link FolderMemory} when it holds them, else looked up ({@code contactFolders}
 * filtered by name, made when missing) and remembered. Graph names a folder that
 * is gone only by a 404 on whatever request addressed it, so any lasting failure
 * of a call on remembered ids makes them forgotten and looked up again, once, for
 * the caller to repeat the call ({@link #lookedUpAgainAfter}).
 */
final class GraphSyncFolders {

  /** Failures a lookup cannot mend: busy or unreachable Exchange, and a saved position Graph forgot (the engine reads afresh). */
  private static final Set<MailboxError> NOT_A_STALE_FOLDER = EnumSet.of(MailboxError.THROTTLED, MailboxError.UNAVAILABLE,
      MailboxError.UNREACHABLE, MailboxError.INVALID_SYNC_STATE);

  private final GraphHttp http;
  private final String smtp;
  private final FolderMemory memory;
  private SyncedFolders folders;
  private String calendarId;
  /** Whether the ids were looked up in this open (a failure on them is then not a stale memory's). */
  private boolean lookedUp;

  private GraphSyncFolders(GraphHttp http, String smtp, FolderMemory memory) {
    this.http = http;
    this.smtp = smtp;
    this.memory = memory;
  }

  /** The mailbox's folders, remembered or looked up. */
  static GraphSyncFolders open(GraphHttp http, String smtp, FolderMemory memory) throws MailboxException {
    GraphSyncFolders f = new GraphSyncFolders(http, smtp, memory);
    Optional<FolderMemory.Entry> known = memory.get(smtp);
    if (known.isPresent()) {
      f.folders = new SyncedFolders(smtp, known.get().contacts());
      f.calendarId = known.get().calendar();
    } else {
      f.lookUp();
    }
    return f;
  }

  SyncedFolders current() {
    return folders;
  }

  /** The main calendar's id, or null while not known. */
  String calendarId() {
    return calendarId;
  }

  void calendarRead(String id) {
    calendarId = id;
    memory.calendar(smtp, id);
  }

  /**
   * After {@code failure} of a call on these folders: whether they were remembered and have been looked up
   * again (the caller repeats the call once). A failure that says the mailbox itself is out of reach makes it
   * forgotten, so that its next open finds that out as an open always did.
   */
  boolean lookedUpAgainAfter(MailboxException failure) throws MailboxException {
    if (memory.forgetIfUnreached(smtp, failure.error())) {
      return false;
    }
    if (lookedUp || NOT_A_STALE_FOLDER.contains(failure.error())) {
      return false;
    }
    memory.forget(smtp);
    lookUp();
    return true;
  }

  /** Whether the mark was read as {@code orgId}'s own since these folders were looked up. */
  boolean markedBy(String orgId) {
    return memory.markedBy(smtp, orgId);
  }

  void rememberOwnMark(String orgId) {
    memory.ownMark(smtp, orgId);
  }

  void forgetMark() {
    memory.forgetMark(smtp);
  }

  private void lookUp() throws MailboxException {
    folders = new SyncedFolders(smtp, GraphFolders.ensureSyncFolder(http, smtp));
    calendarId = null;
    memory.looked(smtp, folders.contactFolderId(), null);
    lookedUp = true;
  }
}

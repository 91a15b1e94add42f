package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.FolderMemory;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import java.util.Optional;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.property.complex.FolderId;

/**
 * The synced folders of one open mailbox: taken from the connector's
 * {@link FolderMemory} when it holds them, else looked up ({@code FindFolder} of
 * {@code Salesforce_Sync}, made when missing, and {@code GetFolder} of the
 * calendar) and remembered. A call that fails with {@code ErrorFolderNotFound}
 * on remembered ids makes them forgotten and looked up again, once, for the
 * caller to repeat the call ({@link #lookedUpAgainAfter}): the open then goes on
 * as one that had looked them up (today's behaviour), with no failed pass.
 */
final class EwsSyncFolders {

  private final String smtp;
  private final ExchangeService service;
  private final EwsCalls calls;
  private final FolderMemory memory;
  private FolderId contacts;
  private FolderId calendar;
  /** Whether the ids were looked up in this open (a failure on them is then not a stale memory's). */
  private boolean lookedUp;

  private EwsSyncFolders(String smtp, ExchangeService service, EwsCalls calls, FolderMemory memory) {
    this.smtp = smtp;
    this.service = service;
    this.calls = calls;
    this.memory = memory;
  }

  /** The mailbox's folders, remembered or looked up. */
  static EwsSyncFolders open(String smtp, ExchangeService service, EwsCalls calls, FolderMemory memory) throws MailboxException {
    EwsSyncFolders folders = new EwsSyncFolders(smtp, service, calls, memory);
    Optional<FolderMemory.Entry> known = memory.get(smtp).filter(e -> e.calendar() != null);
    if (known.isPresent()) {
      folders.contacts = id(known.get().contacts());
      folders.calendar = id(known.get().calendar());
    } else {
      folders.lookUp();
    }
    return folders;
  }

  FolderId of(ItemKind kind) {
    return kind == ItemKind.CONTACT ? contacts : calendar;
  }

  FolderId calendar() {
    return calendar;
  }

  /**
   * After {@code failure} of a call on these folders: whether they were remembered and are gone, and have been
   * looked up again (the caller repeats the call once). A failure that says the mailbox itself is out of reach
   * makes it forgotten, so that its next open finds that out as an open always did.
   */
  boolean lookedUpAgainAfter(MailboxException failure) throws MailboxException {
    if (memory.forgetIfUnreached(smtp, failure.error())) {
      return false;
    }
    if (failure.error() != MailboxError.FOLDER_MISSING || lookedUp) {
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
    try {
      contacts = EwsFolders.ensureSyncFolder(service, calls);
      calendar = EwsFolders.bind(service, calls, WellKnownFolderName.Calendar).getId();
      memory.looked(smtp, contacts.getUniqueId(), calendar.getUniqueId());
      lookedUp = true;
    } catch (MailboxException e) {
      throw e;
    } catch (Exception e) {
      throw EwsErrors.translate(e, smtp, "Opening the mailbox");
    }
  }

  private static FolderId id(String uniqueId) throws MailboxException {
    try {
      return new FolderId(uniqueId);
    } catch (Exception e) {
      throw new MailboxException(MailboxError.UNEXPECTED, "A remembered folder id could not be used: " + e.getMessage(), e);
    }
  }
}

package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.MailboxException;
import java.util.Optional;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.folder.ContactsFolder;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.schema.FolderSchema;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.search.FindFoldersResults;
import microsoft.exchange.webservices.data.search.FolderView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;

/** The folders the product syncs: {@code Salesforce_Sync} under Contacts, and the main calendar. */
final class EwsFolders {

  /** The contacts folder's name, as the admin guide gives it. */
  static final String SYNC_FOLDER = "Salesforce_Sync";

  private EwsFolders() {}

  /** The {@code Salesforce_Sync} folder, if the rep has one. */
  static Optional<FolderId> findSyncFolder(ExchangeService service, EwsCalls calls) throws MailboxException {
    FindFoldersResults found = calls.call("FindFolder", () -> service.findFolders(WellKnownFolderName.Contacts,
        new SearchFilter.IsEqualTo(FolderSchema.DisplayName, SYNC_FOLDER), new FolderView(2)));
    return found.getFolders().isEmpty() ? Optional.empty() : Optional.of(found.getFolders().get(0).getId());
  }

  /** The {@code Salesforce_Sync} folder, created when missing (another worker may create it at the same time). */
  static FolderId ensureSyncFolder(ExchangeService service, EwsCalls calls) throws MailboxException {
    Optional<FolderId> existing = findSyncFolder(service, calls);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      return calls.call("CreateFolder", () -> {
        ContactsFolder folder = new ContactsFolder(service);
        folder.setDisplayName(SYNC_FOLDER);
        folder.save(WellKnownFolderName.Contacts);
        return folder.getId();
      });
    } catch (MailboxException e) {
      if (EwsErrors.responseError(e).filter(r -> r.getErrorCode() == ServiceError.ErrorFolderExists).isPresent()) {
        return findSyncFolder(service, calls).orElseThrow(() -> e);
      }
      throw e;
    }
  }

  /** A well-known folder (Contacts, Calendar), bound by its distinguished id. */
  static Folder bind(ExchangeService service, EwsCalls calls, WellKnownFolderName name) throws MailboxException {
    return calls.call("GetFolder", () -> Folder.bind(service, name, PropertySet.FirstClassProperties));
  }
}

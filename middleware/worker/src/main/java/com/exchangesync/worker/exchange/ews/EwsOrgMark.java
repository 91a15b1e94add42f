package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.SalesforceIdMark;
import com.exchangesync.worker.exchange.SyncingOrgMark;
import java.util.Optional;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.MapiPropertyType;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.property.complex.ExtendedProperty;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.definition.ExtendedPropertyDefinition;

/**
 * The syncing org's mark ({@link SyncingOrgMark}) through EWS: an extended
 * property of the calendar folder, read with {@code GetFolder} (asked for by name:
 * Exchange returns extended properties only then) and written with
 * {@code UpdateFolder} ({@code SetFolderField}, or {@code DeleteFolderField} to
 * remove it).
 */
final class EwsOrgMark {

  static final ExtendedPropertyDefinition DEFINITION = definition();

  private final String smtp;
  private final ExchangeService service;
  private final EwsCalls calls;
  private final FolderId folder;

  EwsOrgMark(String smtp, ExchangeService service, EwsCalls calls, FolderId folder) {
    this.smtp = smtp;
    this.service = service;
    this.calls = calls;
    this.folder = folder;
  }

  private static ExtendedPropertyDefinition definition() {
    try {
      return new ExtendedPropertyDefinition(SalesforceIdMark.PROPERTY_SET, SyncingOrgMark.NAME, MapiPropertyType.String);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  Optional<String> read() throws MailboxException {
    return value(bind());
  }

  void write(Optional<String> orgId) throws MailboxException {
    Folder f = bind();
    if (orgId.isEmpty() && value(f).isEmpty()) {
      return; // nothing to remove: an UpdateFolder without updates is not a valid request
    }
    calls.call("UpdateFolder", () -> {
      if (orgId.isPresent()) {
        f.setExtendedProperty(DEFINITION, orgId.get());
      } else {
        f.removeExtendedProperty(DEFINITION);
      }
      f.update();
      return null;
    });
  }

  private Folder bind() throws MailboxException {
    return calls.call("GetFolder", () -> Folder.bind(service, folder, new PropertySet(BasePropertySet.IdOnly, DEFINITION)));
  }

  /** The mark on a folder read with it; a blank value is no mark. */
  private Optional<String> value(Folder f) throws MailboxException {
    try {
      for (ExtendedProperty p : f.getExtendedPropertiesForService()) {
        ExtendedPropertyDefinition d = p.getPropertyDefinition();
        if (SalesforceIdMark.PROPERTY_SET.equals(d.getPropertySetId()) && SyncingOrgMark.NAME.equals(d.getName())
            && p.getValue() != null && !p.getValue().toString().isBlank()) {
          return Optional.of(p.getValue().toString().trim());
        }
      }
      return Optional.empty();
    } catch (Exception e) {
      throw EwsErrors.translate(e, smtp, "GetFolder");
    }
  }
}

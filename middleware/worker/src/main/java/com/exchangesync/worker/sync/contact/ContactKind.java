package com.exchangesync.worker.sync.contact;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.salesforce.FieldMapping;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SoapSalesforceRecords;
import com.exchangesync.worker.sync.RepContext;
import com.exchangesync.worker.sync.SalesforceSide;
import com.exchangesync.worker.salesforce.SalesforceObject;
import com.exchangesync.worker.salesforce.SalesforceUser;
import com.exchangesync.worker.salesforce.SyncConfiguration;
import com.exchangesync.worker.status.KindStatusFields;
import com.exchangesync.worker.sync.Direction;
import com.exchangesync.worker.sync.KindSettings;
import com.exchangesync.worker.sync.MailboxKey;
import com.exchangesync.worker.sync.SyncKind;
import java.util.List;

/** Contacts: Salesforce {@code Contact} records and the rep's {@code Salesforce_Sync} contacts folder. */
public final class ContactKind implements SyncKind {

  @Override
  public ItemKind itemKind() {
    return ItemKind.CONTACT;
  }

  @Override
  public SalesforceObject salesforceObject() {
    return SalesforceObject.CONTACT;
  }

  @Override
  public Direction direction(SyncConfiguration configuration) {
    return Direction.fromLabel(configuration.contactDirection());
  }

  @Override
  public boolean readsBeyondOwnRecords(SyncConfiguration configuration) {
    return ContactSettings.allVisible(configuration);
  }

  @Override
  public KindSettings settings(MailboxKey mailbox, SalesforceUser user, SyncConfiguration configuration,
                               List<FieldMapping> mappings) {
    return ContactSettings.forRep(mailbox, user, configuration, mappings);
  }

  @Override
  public SalesforceSide salesforceSide(SalesforceAdapter adapter, RepContext context) {
    return new SoapSalesforceRecords(adapter, SalesforceObject.CONTACT);
  }

  @Override
  public KindStatusFields statusFields() {
    return KindStatusFields.CONTACTS;
  }
}

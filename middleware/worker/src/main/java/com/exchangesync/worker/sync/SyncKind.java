package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.salesforce.FieldMapping;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceObject;
import com.exchangesync.worker.salesforce.SalesforceUser;
import com.exchangesync.worker.salesforce.SyncConfiguration;
import com.exchangesync.worker.status.KindStatusFields;
import java.util.List;

/**
 * One kind of record the product syncs (contacts, events), as a cycle needs to
 * know it: where its records live on each side, how a configuration sets it up
 * for a rep, and where its statuses go. The pass itself is the same for every
 * kind ({@link SyncPass}); what differs inside it comes from {@link #settings}.
 */
public interface SyncKind {

  /** The mailbox folder's kind; also the key of the kind's sync state. */
  ItemKind itemKind();

  /** The Salesforce object, as field mappings and error rows name it. */
  SalesforceObject salesforceObject();

  /** The configuration's direction for this kind. */
  Direction direction(SyncConfiguration configuration);

  /** What a pass needs for this rep, or the problems that prevent it. */
  KindSettings settings(MailboxKey mailbox, SalesforceUser user, SyncConfiguration configuration, List<FieldMapping> mappings);

  /** The kind's Salesforce side for one rep's pass, over the SOAP adapter. */
  SalesforceSide salesforceSide(SalesforceAdapter adapter, RepContext context);

  /** Where the kind's statuses go. */
  KindStatusFields statusFields();

  /**
   * Whether the configuration syncs records of this kind that the rep does not own (the contacts' "All
   * Contacts"): then any change of the object may concern the rep, and an Outbound Message wakes the rep too.
   */
  default boolean readsBeyondOwnRecords(SyncConfiguration configuration) {
    return false;
  }
}

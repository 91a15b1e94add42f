package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.salesforce.FieldMapping;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SoapSalesforcePeople;
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
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** Events: Salesforce {@code Event} records the rep owns and the rep's main calendar. */
public final class EventKind implements SyncKind {

  private final Clock clock;

  public EventKind(Clock clock) {
    this.clock = clock;
  }

  @Override
  public ItemKind itemKind() {
    return ItemKind.EVENT;
  }

  @Override
  public SalesforceObject salesforceObject() {
    return SalesforceObject.EVENT;
  }

  @Override
  public Direction direction(SyncConfiguration configuration) {
    return Direction.fromLabel(configuration.eventDirection());
  }

  @Override
  public KindSettings settings(MailboxKey mailbox, SalesforceUser user, SyncConfiguration configuration,
                               List<FieldMapping> mappings) {
    return EventSettings.forRep(mailbox, user.email(), user.id(), zoneOf(user), configuration, mappings, clock);
  }

  /** The rep's time zone as Salesforce holds it ({@code GMT} is UTC); UTC when it names none Java knows. */
  static ZoneId zoneOf(SalesforceUser user) {
    try {
      return ZoneId.of(SeriesPattern.ianaZone(user.timeZone()));
    } catch (java.time.DateTimeException e) {
      return ZoneId.of("Etc/UTC");
    }
  }

  /** Events with their invitees, over the SOAP adapter. */
  @Override
  public SalesforceSide salesforceSide(SalesforceAdapter adapter, RepContext context) {
    EventRules rules = (EventRules) context.rules();
    return new EventSalesforceSide(new SoapSalesforceRecords(adapter, SalesforceObject.EVENT), new SoapSalesforcePeople(adapter),
        rules.directory());
  }

  @Override
  public KindStatusFields statusFields() {
    return KindStatusFields.EVENTS;
  }
}

package com.exchangesync.worker.cycle;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.sync.FieldMap;
import com.exchangesync.worker.sync.Mapped;
import com.exchangesync.worker.sync.RepContext;
import java.util.List;

/**
 * A rep's field mapping fitted to what the mailbox can write. Microsoft Graph
 * cannot write attendees without emailing them ({@link Mailbox#writesAttendees()}
 * is false), so on Exchange Online an event's invitees are not synced either way:
 * Salesforce's invitees and Outlook's attendees each stay as they are. Syncing
 * them one way only would not hold: the next merge would read Exchange's
 * unchanged attendees as the rep undoing Salesforce's invitees, and delete them.
 */
final class MailboxFields {

  private MailboxFields() {}

  static RepContext fitted(RepContext context, Mailbox mailbox) {
    if (mailbox.writesAttendees()) {
      return context;
    }
    List<Mapped> kept = context.fields().mapped().stream().filter(m -> !m.exchangeFields().contains(ExchangeField.ATTENDEES))
        .toList();
    if (kept.size() == context.fields().mapped().size()) {
      return context;
    }
    return new RepContext(context.mailbox(), context.email(), context.rules(), context.direction(), context.winner(),
        context.scope(), new FieldMap(context.fields().kind(), kept), context.settings());
  }
}

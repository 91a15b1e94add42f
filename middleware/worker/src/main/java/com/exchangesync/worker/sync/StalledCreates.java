package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.NewItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undoes what a create sent after the pass's lease was lost doubled: items another item already carries the
 * Salesforce id of ({@link FencedMailbox#create}).
 */
final class StalledCreates {

  private static final Logger LOG = LoggerFactory.getLogger(StalledCreates.class);

  private StalledCreates() {}

  /**
   * Deletes each item of {@code made} (the results of creating {@code sent}) whose Salesforce id another item of the
   * folder carries too. Best effort: the pass stops right after, and a failure here is logged, not thrown, since
   * the worker that holds the mailbox now meets a doubled item as an Outlook copy at worst.
   */
  static void undoDoubles(Mailbox mailbox, ItemKind kind, List<NewItem> sent, List<ItemResult> made) {
    Map<String, String> madeBySalesforceId = new HashMap<>();
    for (int i = 0; i < sent.size() && i < made.size(); i++) {
      NewItem n = sent.get(i);
      ItemResult r = made.get(i);
      if (r.succeeded() && r.id().isPresent() && n.salesforceId().isPresent()) {
        madeBySalesforceId.put(n.salesforceId().get(), r.id().get());
      }
    }
    if (madeBySalesforceId.isEmpty()) {
      return;
    }
    try {
      Map<String, List<String>> marked = mailbox.idsMarkedWith(kind, List.copyOf(madeBySalesforceId.keySet()));
      List<String> doubles = new ArrayList<>();
      madeBySalesforceId.forEach((salesforceId, ours) -> {
        if (marked.getOrDefault(salesforceId, List.of()).stream().anyMatch(id -> !id.equals(ours))) {
          doubles.add(ours);
        }
      });
      if (!doubles.isEmpty()) {
        mailbox.delete(kind, doubles);
      }
      LOG.warn("The lease on the mailbox of {} was lost while {} {} item(s) were being made; {} of them doubled items the"
          + " worker that took the mailbox over had made, and were deleted again", mailbox.smtp(), madeBySalesforceId.size(), kind,
          doubles.size());
    } catch (MailboxException | RuntimeException e) {
      LOG.warn("The lease on the mailbox of {} was lost while {} {} item(s) were being made, and they could not be checked"
          + " for doubles: {}", mailbox.smtp(), madeBySalesforceId.size(), kind, e.getMessage(), e);
    }
  }
}

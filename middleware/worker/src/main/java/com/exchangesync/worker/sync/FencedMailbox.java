package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemChanges;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.ItemUpdate;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.NewItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A mailbox whose every write batch first checks the pass's {@link Fence}; reads go straight through. */
final class FencedMailbox implements Mailbox {

  private final Mailbox mailbox;
  private final Fence fence;

  FencedMailbox(Mailbox mailbox, Fence fence) {
    this.mailbox = mailbox;
    this.fence = fence;
  }

  @Override
  public String smtp() {
    return mailbox.smtp();
  }

  @Override
  public ItemChanges changes(ItemKind kind, Optional<String> syncToken) throws MailboxException {
    return mailbox.changes(kind, syncToken);
  }

  @Override
  public ItemChanges changes(ItemKind kind, Optional<String> syncToken, KnownVersions known) throws MailboxException {
    return mailbox.changes(kind, syncToken, known);
  }

  @Override
  public List<ExchangeItem> get(ItemKind kind, List<String> ids) throws MailboxException {
    return mailbox.get(kind, ids);
  }

  @Override
  public Map<String, ExchangeItem> findBySalesforceIds(ItemKind kind, List<String> salesforceIds) throws MailboxException {
    return mailbox.findBySalesforceIds(kind, salesforceIds);
  }

  @Override
  public Map<String, List<String>> idsMarkedWith(ItemKind kind, List<String> salesforceIds) throws MailboxException {
    return mailbox.idsMarkedWith(kind, salesforceIds);
  }

  @Override
  public Map<String, List<ExchangeItem>> occurrences(Set<String> seriesIds, Instant from, Instant to) throws MailboxException {
    return mailbox.occurrences(seriesIds, from, to);
  }

  @Override
  public Optional<String> syncingOrg() throws MailboxException {
    return mailbox.syncingOrg();
  }

  @Override
  public void markSyncingOrg(Optional<String> orgId) throws MailboxException {
    fence.check();
    mailbox.markSyncingOrg(orgId);
  }

  /**
   * Creates, one request at a time, the fence checked before and after each. A worker that stalls between the
   * check and the request's send (a long pause, a frozen VM) sends it once it resumes, after the worker that
   * took the mailbox over may have made the same items: nothing in Exchange refuses a second item. So when the
   * fence no longer holds after a create, the items it made are looked for by their Salesforce ids, and each that
   * another item carries already (the new holder's, found and linked by it) is deleted again; an item alone with
   * its id is kept, for the pass that takes over finds it by that id instead of making another.
   */
  @Override
  public List<ItemResult> create(ItemKind kind, List<NewItem> items) throws MailboxException {
    return inRequests(items, part -> {
      List<ItemResult> made = mailbox.create(kind, part);
      if (!fence.holds()) {
        StalledCreates.undoDoubles(mailbox, kind, part, made);
        throw new Fence.FencedOut();
      }
      return made;
    });
  }

  @Override
  public List<ItemResult> update(ItemKind kind, List<ItemUpdate> updates) throws MailboxException {
    return inRequests(updates, part -> mailbox.update(kind, part));
  }

  @Override
  public List<ItemResult> delete(ItemKind kind, List<String> ids) throws MailboxException {
    return inRequests(ids, part -> mailbox.delete(kind, part));
  }

  @Override
  public int writeRequestSize() {
    return mailbox.writeRequestSize();
  }

  /** Hands the batch over one request's worth at a time, checking the fence before each. */
  private <T> List<ItemResult> inRequests(List<T> all, Write<T> write) throws MailboxException {
    int size = Math.max(1, mailbox.writeRequestSize());
    List<ItemResult> results = new ArrayList<>(all.size());
    for (int from = 0; from < all.size(); from += size) {
      fence.check();
      results.addAll(write.apply(all.subList(from, Math.min(all.size(), from + size))));
    }
    return results;
  }

  @FunctionalInterface
  private interface Write<T> {
    List<ItemResult> apply(List<T> part) throws MailboxException;
  }

  @Override
  public void close() {
    mailbox.close();
  }
}

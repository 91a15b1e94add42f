package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What differs between the kinds of record the engine syncs (contacts, events),
 * as one configuration sets it for one rep: which records stay out, and how an
 * unlinked record finds its partner. Everything else (reading both feeds, the
 * decision, the merge, batching, saving) is the same for every kind and lives in
 * {@link SyncPass}; the field mapping, with its converters, is the rep's
 * {@link FieldMap}.
 */
public interface KindRules {

  /** The mailbox folder's kind. */
  ItemKind itemKind();

  /** Salesforce fields these rules read besides the mapped ones. */
  List<String> extraSalesforceFields();

  /** Why this Salesforce record stays where it is (never written to Exchange, never overwritten), if it does. */
  Optional<String> skip(SalesforceItem record);

  /** Why this Exchange item stays where it is, if it does. */
  Optional<String> skip(ExchangeItem item);

  /**
   * What makes an unlinked record the same as an unlinked record on the other
   * side (a contact's email address), normalized so that equal keys match.
   */
  Optional<String> matchKey(SalesforceItem record);

  /** The same for an Exchange item. */
  Optional<String> matchKey(ExchangeItem item);

  /**
   * The Salesforce field whose values find the candidates of an Exchange item's
   * match ({@link SalesforceSide#byValues}), and the value to look for.
   */
  Optional<Lookup> candidateLookup(ExchangeItem item);

  /** The record to link among several candidates with the same key, the same way on every worker. */
  Optional<SalesforceItem> choose(List<SalesforceItem> candidates);

  /**
   * The creation key a Salesforce record made from this item carries, searched
   * before a create: the item's id, or what names the item beyond one mailbox (a
   * meeting's iCalendar UID, the same in every attendee's calendar).
   */
  default String creationKey(ExchangeItem item) {
    return item.id();
  }

  /**
   * Whether this rep's item may be linked to a record found by its creation key
   * (a meeting another rep's calendar already brought to Salesforce belongs to
   * that rep's event, where this rep is an invitee).
   */
  default boolean mayLink(SalesforceItem record) {
    return true;
  }

  /**
   * Learns what comparing these items will need (called with every item a pass
   * read before their values are compared), so comparing costs no call.
   */
  default void prepare(java.util.Collection<ExchangeItem> items) throws SyncException {
    // nothing to learn
  }

  /** The kind's own step for records made by one pattern (an event series), if it has any. */
  default java.util.Optional<GroupSync> groups() {
    return java.util.Optional.empty();
  }

  /** Values every item created in Exchange gets besides the mapped ones (an event's time zone). */
  default Map<ExchangeField, String> newItemDefaults() {
    return Map.of();
  }

  /** A Salesforce field and a value to look it up by. */
  record Lookup(String field, String value) {}
}

package com.exchangesync.worker.sync.contact;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.sync.KindRules;
import com.exchangesync.worker.sync.SalesforceItem;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Contacts: nothing is skipped (the folder and the scope already say which
 * contacts sync), and an unlinked contact is the same person as one on the other
 * side when their email addresses match, ignoring case. When an Exchange contact's
 * email matches several Salesforce contacts, the configuration's preference picks one.
 */
public final class ContactRules implements KindRules {

  static final String EMAIL = "Email";

  private final MatchPreference preference;

  public ContactRules(MatchPreference preference) {
    this.preference = Objects.requireNonNull(preference);
  }

  /** Which contact is linked when an email matches several. */
  public MatchPreference preference() {
    return preference;
  }

  @Override
  public ItemKind itemKind() {
    return ItemKind.CONTACT;
  }

  @Override
  public List<String> extraSalesforceFields() {
    return List.of(EMAIL); // matching needs it even when it is not mapped
  }

  @Override
  public Optional<String> skip(SalesforceItem record) {
    return Optional.empty();
  }

  @Override
  public Optional<String> skip(ExchangeItem item) {
    return Optional.empty();
  }

  @Override
  public Optional<String> matchKey(SalesforceItem record) {
    return normalized(record.get(EMAIL));
  }

  @Override
  public Optional<String> matchKey(ExchangeItem item) {
    return normalized(item.values().get(ExchangeField.EMAIL));
  }

  @Override
  public Optional<Lookup> candidateLookup(ExchangeItem item) {
    return matchKey(item).map(email -> new Lookup(EMAIL, email));
  }

  @Override
  public Optional<SalesforceItem> choose(List<SalesforceItem> candidates) {
    return preference.choose(candidates);
  }

  private static Optional<String> normalized(String email) {
    return Optional.ofNullable(email).map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty());
  }
}

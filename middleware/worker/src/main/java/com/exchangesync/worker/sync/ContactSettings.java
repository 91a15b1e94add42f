package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.salesforce.FieldMapping;
import com.exchangesync.worker.salesforce.SalesforceUser;
import com.exchangesync.worker.salesforce.SyncConfiguration;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A configuration's contact settings turned into what a pass needs, with every
 * problem named: an unknown Exchange field in a mapping, a filter that is not
 * a JSON list of {@code {field, operator, value}}, a field name that is not one.
 * A bad mapping row is left out (and reported); a bad filter stops the
 * configuration's Salesforce-to-Exchange contacts, since syncing without it would
 * push contacts the admin meant to keep out.
 */
public final class ContactSettings {

  private ContactSettings() {}

  /** The settings, or the problems that prevent them. */
  public record Result(Optional<RepContext> context, List<String> problems) {}

  public static Result forRep(MailboxKey mailbox, SalesforceUser user, SyncConfiguration config, List<FieldMapping> mappings) {
    List<String> problems = new ArrayList<>();
    FieldMap map = fieldMap(config, mappings, problems);
    Optional<List<FieldFilter>> filters = filters(config.contactFilter(), problems);
    if (filters.isEmpty()) {
      return new Result(Optional.empty(), problems);
    }
    boolean all = "All Contacts".equalsIgnoreCase(config.contactScope() == null ? "" : config.contactScope().trim());
    RepContext context = new RepContext(mailbox, user.email(), Direction.fromLabel(config.contactDirection()),
        Winner.fromLabel(config.contactConflict()), MatchPreference.fromLabel(config.contactMatchPreference()),
        new ContactScope(user.id(), all, filters.get()), map);
    return new Result(Optional.of(context), problems);
  }

  static FieldMap fieldMap(SyncConfiguration config, List<FieldMapping> mappings, List<String> problems) {
    List<FieldMap.Pair> pairs = new ArrayList<>();
    for (FieldMapping m : mappings) {
      if (!config.id().equals(m.configurationId()) || !"Contact".equalsIgnoreCase(m.object())) {
        continue;
      }
      Optional<ExchangeField> ex = ExchangeField.byApiName(ItemKind.CONTACT, m.exchangeField() == null ? "" : m.exchangeField());
      if (ex.isEmpty() || !ex.get().writable()) {
        problems.add("Field mapping " + m.salesforceField() + " -> " + m.exchangeField() + ": '" + m.exchangeField()
            + "' is not an Exchange contact field; it is left out.");
        continue;
      }
      if (m.salesforceField() == null || !m.salesforceField().matches("[A-Za-z][A-Za-z0-9_]{0,79}")) {
        problems.add("Field mapping '" + m.salesforceField() + "' is not a Salesforce field name; it is left out.");
        continue;
      }
      boolean duplicate = pairs.stream().anyMatch(p -> p.exchangeField() == ex.get()
          || p.salesforceField().equalsIgnoreCase(m.salesforceField()));
      if (duplicate) {
        problems.add("Field mapping " + m.salesforceField() + " -> " + m.exchangeField() + " maps a field twice; it is left out.");
        continue;
      }
      pairs.add(new FieldMap.Pair(m.salesforceField(), ex.get()));
    }
    return pairs.isEmpty() ? FieldMap.defaultContacts() : new FieldMap(ItemKind.CONTACT, pairs);
  }

  static Optional<List<FieldFilter>> filters(String json, List<String> problems) {
    if (json == null || json.isBlank()) {
      return Optional.of(List.of());
    }
    JsonArray array;
    try {
      array = new JsonArray(json.trim());
    } catch (DecodeException | ClassCastException e) {
      problems.add("The contact filter is not a JSON list of {\"field\", \"operator\", \"value\"}: " + e.getMessage());
      return Optional.empty();
    }
    List<FieldFilter> filters = new ArrayList<>();
    for (Object o : array) {
      if (!(o instanceof JsonObject f) || f.getString("field") == null
          || !f.getString("field").matches("[A-Za-z][A-Za-z0-9_]{0,79}")) {
        problems.add("A contact filter has no valid field name: " + o);
        return Optional.empty();
      }
      FieldFilter.Operator op;
      try {
        op = FieldFilter.Operator.valueOf(String.valueOf(f.getValue("operator", "EQUALS")).trim().toUpperCase(Locale.ROOT)
            .replace(' ', '_'));
      } catch (IllegalArgumentException e) {
        problems.add("A contact filter's operator must be EQUALS, NOT_EQUALS, STARTS_WITH or CONTAINS: " + o);
        return Optional.empty();
      }
      Object value = f.getValue("value");
      filters.add(new FieldFilter(f.getString("field"), op, value == null ? "" : value.toString()));
    }
    return Optional.of(filters);
  }
}

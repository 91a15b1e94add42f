package com.exchangesync.worker.sync.contact;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.salesforce.FieldMapping;
import com.exchangesync.worker.salesforce.SalesforceUser;
import com.exchangesync.worker.salesforce.SyncConfiguration;
import com.exchangesync.worker.sync.Direction;
import com.exchangesync.worker.sync.FieldFilter;
import com.exchangesync.worker.sync.FieldMap;
import com.exchangesync.worker.sync.Fingerprint;
import com.exchangesync.worker.sync.KindSettings;
import com.exchangesync.worker.sync.MailboxKey;
import com.exchangesync.worker.sync.MappingSettings;
import com.exchangesync.worker.sync.RepContext;
import com.exchangesync.worker.sync.Scope;
import com.exchangesync.worker.sync.Winner;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /** The operators the editor offers (the typed ones are the kinds' own). */
  private static final List<FieldFilter.Operator> ADMIN_OPERATORS = List.of(FieldFilter.Operator.EQUALS,
      FieldFilter.Operator.NOT_EQUALS, FieldFilter.Operator.STARTS_WITH, FieldFilter.Operator.CONTAINS);

  private ContactSettings() {}

  public static KindSettings forRep(MailboxKey mailbox, SalesforceUser user, SyncConfiguration config, List<FieldMapping> mappings) {
    List<String> problems = new ArrayList<>();
    FieldMap map = MappingSettings.fieldMap(config.id(), "Contact", ItemKind.CONTACT, mappings, ContactMapping.defaults(),
        problems);
    Optional<List<FieldFilter>> filters = filters(config.contactFilter(), problems);
    if (filters.isEmpty()) {
      return new KindSettings(Optional.empty(), problems);
    }
    boolean all = allVisible(config);
    RepContext context = new RepContext(mailbox, user.email(),
        new ContactRules(MatchPreference.fromLabel(config.contactMatchPreference())),
        Direction.fromLabel(config.contactDirection()), Winner.fromLabel(config.contactConflict()),
        new Scope(user.id(), all, filters.get()), map,
        Fingerprint.of(Map.of("scope", Boolean.toString(all), "filters", filters.get().toString(),
            "mapping", map.salesforceFields() + "->" + map.keys())));
    return new KindSettings(Optional.of(context), problems);
  }

  /** Whether the configuration syncs every contact the rep can see ("All Contacts"), not only the rep's own. */
  public static boolean allVisible(SyncConfiguration config) {
    return "All Contacts".equalsIgnoreCase(config.contactScope() == null ? "" : config.contactScope().trim());
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
      String name = String.valueOf(f.getValue("operator", "EQUALS")).trim().toUpperCase(Locale.ROOT).replace(' ', '_');
      Optional<FieldFilter.Operator> op = ADMIN_OPERATORS.stream().filter(x -> x.name().equals(name)).findFirst();
      if (op.isEmpty()) {
        problems.add("A contact filter's operator must be EQUALS, NOT_EQUALS, STARTS_WITH or CONTAINS: " + o);
        return Optional.empty();
      }
      Object value = f.getValue("value");
      filters.add(new FieldFilter(f.getString("field"), op.get(), value == null ? "" : value.toString()));
    }
    return Optional.of(filters);
  }
}

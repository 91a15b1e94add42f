package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.sync.Mapped;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An event's invitees: Exchange's attendees whose addresses belong to contacts,
 * leads or users the rep can see, as Salesforce's invitees ({@code EventRelation}
 * rows), and back. Canonically the sorted addresses of those people, so an
 * attendee Salesforce cannot name (an outsider) is left out of the comparison and
 * stays on the Exchange item untouched. Attendees are written with nothing sent
 * (the mailbox writes calendar items "send to none"); Salesforce sends nothing for
 * an API write either.
 *
 * <p>The Salesforce side reads and writes the invitees as the computed field
 * {@value #FIELD} ({@link EventSalesforceSide}).
 */
final class Invitees implements Mapped {

  /** The computed Salesforce field holding an event's invitees: canonical addresses. */
  static final String FIELD = "$Invitees";
  static final String KEY = "invitees";

  private final PeopleDirectory directory;
  private final String repEmail;

  /**
   * @param repEmail the rep's own address: the rep is their event's owner, never its invitee (a meeting copy in
   *     the rep's calendar lists the rep as an attendee)
   */
  Invitees(PeopleDirectory directory, String repEmail) {
    this.directory = directory;
    this.repEmail = repEmail == null ? "" : repEmail.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public List<String> salesforceFields() {
    return List.of(FIELD);
  }

  @Override
  public List<ExchangeField> exchangeFields() {
    return List.of(ExchangeField.ATTENDEES);
  }

  @Override
  public String fromSalesforce(Map<String, String> fields) {
    String v = fields.get(FIELD);
    return v == null || v.isBlank() ? null : v;
  }

  @Override
  public String fromExchange(Map<ExchangeField, String> values) {
    TreeSet<String> known = new TreeSet<>();
    for (String email : attendees(values.get(ExchangeField.ATTENDEES)).keySet()) {
      if (!email.equals(repEmail) && directory.find(email).isPresent()) {
        known.add(email);
      }
    }
    return known.isEmpty() ? null : String.join(",", known);
  }

  @Override
  public Map<String, String> toSalesforce(String value) {
    Map<String, String> out = new HashMap<>();
    out.put(FIELD, value);
    return out;
  }

  @Override
  public Map<ExchangeField, String> toExchange(String value) {
    return toExchange(value, Map.of());
  }

  @Override
  public Map<ExchangeField, String> toExchange(String value, Map<ExchangeField, String> current) {
    Map<String, JsonObject> now = attendees(current.get(ExchangeField.ATTENDEES));
    Map<String, JsonObject> after = new LinkedHashMap<>();
    // Attendees Salesforce cannot name stay as they are.
    now.forEach((email, a) -> {
      if (email.equals(repEmail) || directory.find(email).isEmpty()) {
        after.put(email, a);
      }
    });
    for (String email : emails(value)) {
      JsonObject a = now.get(email);
      if (a == null) {
        Optional<Person> p = directory.find(email);
        a = new JsonObject().put("email", email).put("type", "Required");
        if (p.isPresent() && p.get().name() != null) {
          a.put("name", p.get().name());
        }
      }
      after.put(email, a);
    }
    Map<ExchangeField, String> out = new HashMap<>();
    out.put(ExchangeField.ATTENDEES, after.isEmpty() ? null : json(after.values()));
    return out;
  }

  /** The addresses of a canonical value. */
  static List<String> emails(String value) {
    List<String> out = new ArrayList<>();
    if (value != null) {
      for (String e : value.split(",")) {
        if (!e.isBlank()) {
          out.add(e.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  /** An item's attendees by lower-case address (an unreadable list reads as none). */
  static Map<String, JsonObject> attendees(String json) {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return out;
    }
    try {
      for (Object o : new JsonArray(json)) {
        if (o instanceof JsonObject a && a.getString("email") != null && !a.getString("email").isBlank()) {
          out.put(a.getString("email").trim().toLowerCase(Locale.ROOT), a);
        }
      }
    } catch (DecodeException | ClassCastException e) {
      return out;
    }
    return out;
  }

  /** Attendees as the mailbox interface writes them: sorted by address. */
  static String json(java.util.Collection<JsonObject> attendees) {
    JsonArray array = new JsonArray();
    attendees.stream().sorted(Comparator.comparing(a -> a.getString("email").toLowerCase(Locale.ROOT))).forEach(array::add);
    return array.encode();
  }
}
